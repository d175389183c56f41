package org.switchboard.connection.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.switchboard.api.connection.CapabilityRequest;
import org.switchboard.api.connection.ConnectionListener;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.connection.IrcMessageListener;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.Isupport;
import org.switchboard.api.plugins.CallbackMonitor;

/**
 * One {@link IrcConnection} service per factory configuration of {@code org.switchboard.network}; the network
 * name (property {@code irc.network}) becomes a service property through DS. A changed configuration
 * re-creates the component (and reconnects), which keeps the connection free of half-applied settings.
 *
 * <p>Whiteboard services are tracked greedily and dynamically; the listener lists are copy-on-write so the
 * reader thread iterates them without locks. Which message listeners want a command is worked out once per
 * command and listener set ({@link ListenerTable}), not once per message.
 */
// Immediate: a configured network connects on its own; nobody has to ask for the service first.
@Component(configurationPid = IrcConnection.NETWORK_FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = IrcConnection.class, immediate = true)
@Designate(ocd = NetworkConfig.class, factory = true)
public class NetworkConnectionComponent implements IrcConnection, NetworkConnection.Events {

    private static final System.Logger LOG = System.getLogger(NetworkConnectionComponent.class.getName());

    private record MessageListenerEntry(IrcMessageListener listener, Set<String> commands) {
        boolean wants(String command) {
            return commands == null || commands.contains(command);
        }
    }

    /**
     * The message listeners and, per command seen, those that want it. Replaced as a whole when a listener comes
     * or goes, so the reader thread needs no lock; the cache is bounded, since commands come from the server.
     */
    private static final class ListenerTable {
        private static final int MAX_COMMANDS = 256;
        final List<MessageListenerEntry> entries;
        private final Map<String, IrcMessageListener[]> byCommand = new ConcurrentHashMap<>();

        ListenerTable(List<MessageListenerEntry> entries) {
            this.entries = List.copyOf(entries);
        }

        /** The listeners for a command as received; the command is compared upper-cased. */
        IrcMessageListener[] listenersFor(String command) {
            IrcMessageListener[] found = byCommand.get(command);
            if (found == null) {
                String upper = command.toUpperCase(Locale.ROOT);
                found = entries.stream().filter(entry -> entry.wants(upper)).map(MessageListenerEntry::listener)
                        .toArray(IrcMessageListener[]::new);
                if (byCommand.size() < MAX_COMMANDS) {
                    byCommand.put(command, found);
                }
            }
            return found;
        }
    }

    // guarded by this
    private final List<MessageListenerEntry> messageListeners = new ArrayList<>();
    private volatile ListenerTable listenerTable = new ListenerTable(List.of());
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final List<CapabilityRequest> capabilityRequests = new CopyOnWriteArrayList<>();

    @Reference
    private IrcProtocol protocol;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CallbackMonitor callbackMonitor;

    private volatile NetworkConnection connection;

    public NetworkConnectionComponent() {
    }

    /** For tests without OSGi. */
    NetworkConnectionComponent(IrcProtocol protocol) {
        this.protocol = protocol;
    }

    @Activate
    void activate(BundleContext context, NetworkConfig config, Map<String, Object> properties) {
        java.io.File stsFile = context.getDataFile("sts-policies.properties");
        // a command-line network of an earlier launch, about to be deleted: do not connect it
        Object launch = properties.get(CommandLineNetworks.LAUNCH_PROPERTY);
        boolean stale = launch != null && !launch.equals(context.getProperty(CommandLineNetworks.FRAMEWORK_UUID));
        start(config, stsFile == null ? StsPolicies.inMemory() : StsPolicies.shared(stsFile.toPath()), !stale);
    }

    /** Activation proper; tests call it without a framework. */
    void start(NetworkConfig config, StsPolicies sts, boolean mayConnect) {
        NetworkSettings settings = NetworkSettings.from(config);
        connection = new NetworkConnection(settings, protocol, this, sts);
        LOG.log(Level.INFO, "Configured {0}", settings);
        if (settings.autoConnect() && mayConnect) {
            connection.connect();
        }
    }

    @Deactivate
    void deactivate() {
        NetworkConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    // ---------------------------------------------------------------- whiteboard

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addMessageListener(IrcMessageListener listener, Map<String, Object> properties) {
        messageListeners.add(new MessageListenerEntry(listener, commands(properties.get(
                IrcMessageListener.COMMAND_PROPERTY))));
        listenerTable = new ListenerTable(messageListeners);
    }

    synchronized void removeMessageListener(IrcMessageListener listener) {
        messageListeners.removeIf(entry -> entry.listener() == listener);
        listenerTable = new ListenerTable(messageListeners);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(listener);
    }

    void removeConnectionListener(ConnectionListener listener) {
        connectionListeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCapabilityRequest(CapabilityRequest request) {
        capabilityRequests.add(request);
        NetworkConnection c = connection;
        if (c != null) {
            c.capabilitiesChanged();
        }
    }

    void removeCapabilityRequest(CapabilityRequest request) {
        capabilityRequests.remove(request);
        NetworkConnection c = connection;
        if (c != null) {
            c.capabilitiesChanged();
        }
    }

    /**
     * Counted against the callback's bundle and logged rate-limited by the plugin manager's monitor, when it runs;
     * rethrows what cannot be survived (see {@link Failures}), after reporting it.
     */
    private void callbackFailed(Object callback, String callbackName, Throwable failure) {
        CallbackMonitor monitor = callbackMonitor;
        try {
            if (monitor != null) {
                monitor.failed(callback, callbackName, failure);
            } else {
                LOG.log(Level.ERROR, callbackName + " of " + describe(callback) + " failed", failure);
            }
        } catch (Throwable reporting) {
            // the monitor promises not to throw; if it does anyway, the failure must still be seen
            Failures.rethrowIfFatal(reporting);
            LOG.log(Level.ERROR, callbackName + " of " + describe(callback) + " failed", failure);
        }
        Failures.rethrowIfFatal(failure);
    }

    /** The callback's class and, in a framework, the bundle it comes from: who to blame. */
    static String describe(Object callback) {
        String name = callback.getClass().getName();
        org.osgi.framework.Bundle bundle = null;
        try {
            bundle = org.osgi.framework.FrameworkUtil.getBundle(callback.getClass());
        } catch (RuntimeException | LinkageError e) {
            // outside a framework (tests) the class name has to do
        }
        return bundle == null ? name : name + " (bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + ")";
    }

    static Set<String> commands(Object property) {
        if (property == null) {
            return null;
        }
        Set<String> commands = new HashSet<>();
        if (property instanceof String[] array) {
            for (String command : array) {
                commands.add(command.toUpperCase(Locale.ROOT));
            }
        } else if (property instanceof Iterable<?> iterable) {
            for (Object command : iterable) {
                commands.add(String.valueOf(command).toUpperCase(Locale.ROOT));
            }
        } else {
            commands.add(String.valueOf(property).toUpperCase(Locale.ROOT));
        }
        return Set.copyOf(commands);
    }

    // ---------------------------------------------------------------- Events: fan out, never let a listener hurt us
    // Each callback is guarded on its own, against any Throwable: one listener's error (a NoClassDefFoundError after
    // a bundle update, an AssertionError, a StackOverflowError) must reach neither the other listeners nor the
    // reader or writer thread. callbackFailed rethrows what no thread survives.

    @Override
    public void message(IrcMessage message) {
        for (IrcMessageListener listener : listenerTable.listenersFor(message.command())) {
            try {
                listener.onMessage(this, message);
            } catch (Throwable e) {
                callbackFailed(listener, "IrcMessageListener " + message.command(), e);
            }
        }
    }

    @Override
    public void stateChanged(ConnectionState previous, ConnectionState current, String detail) {
        for (ConnectionListener listener : connectionListeners) {
            try {
                listener.stateChanged(this, previous, current, detail);
            } catch (Throwable e) {
                callbackFailed(listener, "ConnectionListener.stateChanged", e);
            }
        }
    }

    @Override
    public void messageSent(IrcMessage message) {
        for (ConnectionListener listener : connectionListeners) {
            try {
                listener.messageSent(this, message);
            } catch (Throwable e) {
                callbackFailed(listener, "ConnectionListener.messageSent", e);
            }
        }
    }

    @Override
    public void notice(String text) {
        for (ConnectionListener listener : connectionListeners) {
            try {
                listener.notice(this, text);
            } catch (Throwable e) {
                callbackFailed(listener, "ConnectionListener.notice", e);
            }
        }
    }

    @Override
    public void lagChanged(long lagMillis) {
        for (ConnectionListener listener : connectionListeners) {
            try {
                listener.lagChanged(this, lagMillis);
            } catch (Throwable e) {
                callbackFailed(listener, "ConnectionListener.lagChanged", e);
            }
        }
    }

    @Override
    public Set<String> requestedCapabilities() {
        Set<String> caps = new HashSet<>();
        for (CapabilityRequest request : capabilityRequests) {
            try {
                caps.addAll(request.capabilities());
            } catch (Throwable e) {
                callbackFailed(request, "CapabilityRequest.capabilities", e);
            }
        }
        return caps;
    }

    // ---------------------------------------------------------------- IrcConnection, delegated

    @Override
    public String network() {
        return connection.network();
    }

    @Override
    public ConnectionState state() {
        return connection.state();
    }

    @Override
    public String nick() {
        return connection.nick();
    }

    @Override
    public String ownSource() {
        return connection.ownSource();
    }

    @Override
    public Isupport isupport() {
        return connection.isupport();
    }

    @Override
    public Set<String> enabledCapabilities() {
        return connection.enabledCapabilities();
    }

    @Override
    public boolean send(IrcMessage message) {
        return connection.send(message);
    }

    @Override
    public void connect() {
        connection.connect();
    }

    @Override
    public void disconnect(String reason) {
        connection.disconnect(reason);
    }

    @Override
    public long lagMillis() {
        return connection.lagMillis();
    }

    @Override
    public void reportLag(long lagMillis) {
        connection.reportLag(lagMillis);
    }

    @Override
    public void reconnect(String reason) {
        connection.reconnect(reason);
    }
}
