package org.switchboard.demo;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.connection.IrcConnection;

/**
 * With the framework property {@value #DEMO_PROPERTY}{@code =true} (the launcher's {@code --demo}) starts the
 * {@link DemoServer} and configures a network pointing at it, with the property names the connection bundle
 * uses for command-line URLs; the configuration is deleted again on deactivation. Without the property it only
 * removes a demo configuration left behind by a run that did not end cleanly, so no dead network lingers.
 */
@Component(immediate = true, service = {})
public final class DemoComponent {

    public static final String DEMO_PROPERTY = "switchboard.demo";
    /** Marks the demo's network configuration (not "transient": that one is cleaned by the connection bundle). */
    public static final String MARKER_PROPERTY = "switchboard.demo";
    static final String NETWORK = "demo";
    static final String[] CHANNELS = {"#switchboard", "#skins", "#random"};

    private static final System.Logger LOG = System.getLogger(DemoComponent.class.getName());
    private static final long CHATTER_MILLIS = 1200;
    private static final int POPULATION = 300;

    private final ConfigurationAdmin configurationAdmin;
    private DemoServer server;
    private Configuration configuration;

    @Activate
    public DemoComponent(@Reference ConfigurationAdmin configurationAdmin, BundleContext context)
            throws IOException, InvalidSyntaxException {
        this.configurationAdmin = configurationAdmin;
        deleteLeftovers();
        if (!Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY))) {
            return;
        }
        String nick = context.getProperty("switchboard.nick");
        start(nick == null || nick.isBlank() ? "you" : nick.trim(), CHATTER_MILLIS);
    }

    /** Starts the server and points a network configuration at it; package-private for tests. */
    void start(String nick, long chatterMillis) throws IOException {
        server = new DemoServer(new DemoNetwork(42, POPULATION), chatterMillis);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(IrcConnection.NETWORK_PROPERTY, NETWORK);
        properties.put("servers", new String[] {"127.0.0.1:" + server.port()});
        properties.put("nick", nick);
        properties.put("autojoin", CHANNELS.clone());
        properties.put(MARKER_PROPERTY, Boolean.TRUE);
        configuration = configurationAdmin.createFactoryConfiguration(IrcConnection.NETWORK_FACTORY_PID, "?");
        configuration.update(properties);
        LOG.log(Level.INFO, "Demo network listening on 127.0.0.1:{0}", String.valueOf(server.port()));
    }

    int port() {
        return server == null ? -1 : server.port();
    }

    private void deleteLeftovers() throws IOException, InvalidSyntaxException {
        Configuration[] stale = configurationAdmin.listConfigurations("(&(service.factoryPid="
                + IrcConnection.NETWORK_FACTORY_PID + ")(" + MARKER_PROPERTY + "=true))");
        if (stale != null) {
            for (Configuration leftover : stale) {
                leftover.delete();
            }
        }
    }

    @Deactivate
    void deactivate() {
        if (configuration != null) {
            try {
                // The connection goes first (it sends QUIT to a server that is still there).
                configuration.delete();
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.WARNING, "Could not delete the demo network configuration", e);
            }
            configuration = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
