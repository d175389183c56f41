package org.switchboard.connection.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/**
 * Opens an irc:// or ircs:// URL in the running client, for the launcher when a second start hands its URLs over (a
 * link clicked in a browser while the client runs). A network already configured for that server joins the URL's
 * channels (and connects, if it was not); any other server becomes a new network, not saved, as with
 * {@code /server}. Registered as the JDK's {@code Consumer<String>} with {@value #PROPERTY}={@value #VALUE}, so the
 * launcher reaches it without any bundle's API.
 */
@Component(service = Consumer.class, property = IrcUrlOpener.PROPERTY + "=" + IrcUrlOpener.VALUE)
public final class IrcUrlOpener implements Consumer<String> {

    static final String PROPERTY = "switchboard.open";
    static final String VALUE = "irc-url";

    private static final System.Logger LOG = System.getLogger(IrcUrlOpener.class.getName());

    private final ConfigurationAdmin configurationAdmin;
    private final BundleContext context;

    @Activate
    public IrcUrlOpener(@Reference ConfigurationAdmin configurationAdmin, BundleContext context) {
        this.configurationAdmin = configurationAdmin;
        this.context = context;
    }

    @Override
    public void accept(String text) {
        IrcUrl url;
        try {
            url = IrcUrl.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Not opened: {0}", e.getMessage());
            return;
        }
        try {
            Optional<String> existing = networkFor(url.server());
            if (existing.isPresent() && withConnection(existing.get(), connection -> {
                // queued while the link is down, sent after registration
                url.channels().forEach(channel -> connection.send(IrcMessage.of("JOIN", channel)));
                connection.connect();
            })) {
                LOG.log(Level.INFO, "{0}: opened {1}", existing.get(), text);
                return;
            }
            String nick = CommandLineNetworks.startNick(context);
            String name = NewNetwork.openTransient(configurationAdmin, context, url, nick);
            LOG.log(Level.INFO, "Connecting to {0} as {1}, network {2} (a URL handed over by a second start)",
                    url.server(), nick, name);
        } catch (IOException | InvalidSyntaxException e) {
            LOG.log(Level.WARNING, "Could not open " + text, e);
        }
    }

    /** The name of a configured network with this server among its servers (host and port; TLS may differ). */
    private Optional<String> networkFor(ServerAddress server) throws IOException, InvalidSyntaxException {
        for (Configuration configuration : NewNetwork.configurations(configurationAdmin)) {
            Object servers = configuration.getProperties().get("servers");
            Object name = configuration.getProperties().get(IrcConnection.NETWORK_PROPERTY);
            for (String entry : servers instanceof String[] list ? list
                    : servers == null ? new String[0] : new String[] {String.valueOf(servers)}) {
                try {
                    ServerAddress configured = ServerAddress.parse(entry);
                    if (name != null && configured.host().equalsIgnoreCase(server.host())
                            && configured.port() == server.port()) {
                        return Optional.of(String.valueOf(name));
                    }
                } catch (IllegalArgumentException e) {
                    // a broken entry is the network component's to report
                }
            }
        }
        return Optional.empty();
    }

    /** Runs {@code use} with the network's connection service; false when there is none (yet). */
    private boolean withConnection(String network, Consumer<IrcConnection> use) throws InvalidSyntaxException {
        for (ServiceReference<IrcConnection> reference : context.getServiceReferences(IrcConnection.class, null)) {
            if (network.equals(reference.getProperty(IrcConnection.NETWORK_PROPERTY))) {
                IrcConnection connection = context.getService(reference);
                if (connection != null) {
                    try {
                        use.accept(connection);
                        return true;
                    } finally {
                        context.ungetService(reference);
                    }
                }
            }
        }
        return false;
    }
}
