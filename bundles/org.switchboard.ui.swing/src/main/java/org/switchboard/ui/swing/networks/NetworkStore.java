package org.switchboard.ui.swing.networks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.switchboard.api.connection.IrcConnection;

/**
 * Networks as ConfigAdmin factory configurations, which the connection bundle turns into connections. The
 * location "?" lets the connection bundle (not this one) use them. Calls do file I/O: never on the event thread.
 */
public final class NetworkStore {

    /**
     * FileInstall's property naming the file a configuration was read from; such a network is defined by that file,
     * which FileInstall reads again at every start (it never writes to it).
     */
    static final String FILE_PROPERTY = "felix.fileinstall.filename";
    /** Set by ConfigAdmin itself, never copied into an update. */
    private static final Set<String> CONFIG_ADMIN_KEYS = Set.of("service.pid", "service.factoryPid",
            "service.bundleLocation");

    /**
     * A stored network: its configuration PID, settings, and the file that defines it ({@code null} for a network
     * made in the client).
     */
    public record Entry(String pid, NetworkSettings settings, String definedIn) {

        public Entry(String pid, NetworkSettings settings) {
            this(pid, settings, null);
        }

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
                    Object file = c.getProperties().get(FILE_PROPERTY);
                    entries.add(new Entry(c.getPid(), NetworkSettings.fromProperties(c.getProperties()),
                            file == null ? null : String.valueOf(file)));
                }
            }
        }
        entries.sort(Comparator.comparing(e -> e.settings().name().toLowerCase(java.util.Locale.ROOT)));
        return entries;
    }

    /**
     * Creates the network when {@code pid} is null, else updates it; returns the PID. An update changes only what
     * the dialog edits: the settings it has no field for (TLS pins and trust stores, SASL policy, flood and
     * reconnect timing, the user name) stay as they were.
     */
    public String save(String pid, NetworkSettings settings) throws IOException {
        Configuration configuration = pid != null ? admin.getConfiguration(pid, "?")
                : admin.getFactoryConfiguration(IrcConnection.NETWORK_FACTORY_PID, configName(settings.name()), "?");
        configuration.update(merged(configuration.getProperties(), settings));
        return configuration.getPid();
    }

    static Dictionary<String, Object> merged(Dictionary<String, ?> stored, NetworkSettings settings) {
        Hashtable<String, Object> merged = new Hashtable<>();
        if (stored != null) {
            for (String key : Collections.list(stored.keys())) {
                if (!NetworkSettings.EDITED_KEYS.contains(key) && !CONFIG_ADMIN_KEYS.contains(key)) {
                    merged.put(key, stored.get(key));
                }
            }
        }
        Dictionary<String, Object> edited = settings.toProperties();
        for (String key : Collections.list(edited.keys())) {
            merged.put(key, edited.get(key));
        }
        return merged;
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
