package org.switchboard.ui.swing.networks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.switchboard.api.connection.IrcConnection;

/**
 * Networks as ConfigAdmin factory configurations, which the connection bundle turns into connections. The
 * location "?" lets the connection bundle (not this one) use them. Calls do file I/O: never on the event thread.
 */
public final class NetworkStore {

    /** A stored network: its configuration PID and settings. */
    public record Entry(String pid, NetworkSettings settings) {
    }

    private final ConfigurationAdmin admin;

    public NetworkStore(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    public List<Entry> list() throws IOException {
        Configuration[] configurations;
        try {
            configurations = admin.listConfigurations(
                    "(service.factoryPid=" + IrcConnection.NETWORK_FACTORY_PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Entry> entries = new ArrayList<>();
        if (configurations != null) {
            for (Configuration c : configurations) {
                if (c.getProperties() != null) {
                    entries.add(new Entry(c.getPid(), NetworkSettings.fromProperties(c.getProperties())));
                }
            }
        }
        entries.sort(Comparator.comparing(e -> e.settings().name().toLowerCase(java.util.Locale.ROOT)));
        return entries;
    }

    /** Creates the network when {@code pid} is null, else updates it; returns the PID. */
    public String save(String pid, NetworkSettings settings) throws IOException {
        Configuration configuration = pid != null ? admin.getConfiguration(pid, "?")
                : admin.getFactoryConfiguration(IrcConnection.NETWORK_FACTORY_PID, configName(settings.name()), "?");
        configuration.update(settings.toProperties());
        return configuration.getPid();
    }

    public void delete(String pid) throws IOException {
        admin.getConfiguration(pid, "?").delete();
    }

    /** The name part of a factory configuration PID: letters, digits, dot, dash and underscore. */
    static String configName(String network) {
        StringBuilder sb = new StringBuilder();
        for (char c : network.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        return sb.length() == 0 ? "network" : sb.toString();
    }
}
