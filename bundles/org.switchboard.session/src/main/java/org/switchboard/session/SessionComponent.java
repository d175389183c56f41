package org.switchboard.session;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.switchboard.api.connection.ConnectionListener;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.connection.IrcMessageListener;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.plugins.CallbackMonitor;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Session;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.api.session.SessionListener;
import org.switchboard.session.callback.CallbackMonitorSlot;
import org.switchboard.session.irc.MessageRouter;
import org.switchboard.session.log.DiskLog;
import org.switchboard.session.model.BufferState;
import org.switchboard.session.model.NetworkState;
import org.switchboard.session.model.SessionModel;

/**
 * The session service. It listens to every connection (all commands, plus life-cycle and sent messages) and
 * keeps the model that UIs and features read. It holds no reference to any UI, so a UI can come and go.
 *
 * <p>Immediate, so that it exists before any UI: a UI's component is a {@link SessionListener} that needs the
 * session, and a session created on the UI's demand would look for listeners while that UI is still being
 * created, which SCR reports as a circular reference (and resolves only by binding the UI later).
 */
@Component(immediate = true, service = { Session.class, IrcMessageListener.class, ConnectionListener.class },
        configurationPid = SessionComponent.PID)
@Designate(ocd = SessionComponent.Config.class)
public final class SessionComponent implements Session, IrcMessageListener, ConnectionListener {

    public static final String PID = "org.switchboard.session";

    @ObjectClassDefinition(name = "Switchboard session", description = "Scrollback and session settings")
    public @interface Config {
        @AttributeDefinition(name = "Scrollback lines", description = "Lines kept in memory per buffer (a change applies to "
                + "buffers opened afterwards)", min = "100")
        int scrollbackLines() default 10_000;

        @AttributeDefinition(name = "Disk logs", description = "Write plain-text logs under the profile's data folder")
        boolean diskLogs() default true;

        @AttributeDefinition(name = "Restored lines", description = "Lines read back from a buffer's log when it opens")
        int restoreLines() default 50;

        @AttributeDefinition(name = "Highlight words", description = "Words that highlight a line, besides the own nick")
        String[] highlightWords() default {};
    }

    /** Framework property naming the folder for user data; the launcher sets it to the profile's data folder. */
    public static final String DATA_DIR_PROPERTY = "switchboard.data.dir";

    private final CallbackMonitorSlot callbacks = new CallbackMonitorSlot(System.getLogger(SessionComponent.class.getName()));
    private final SessionModel model;
    private final Map<String, IrcConnection> connections = new ConcurrentHashMap<>();
    private final Map<IrcMessageListener, Set<String>> claims = new ConcurrentHashMap<>();
    private volatile MessageRouter router;
    private final DiskLog diskLog;

    @Activate
    public SessionComponent(@Reference(name = "protocol") IrcProtocol protocol, Config config,
            BundleContext context) {
        this(protocol, config.scrollbackLines(), logFolder(context, config), config.restoreLines());
        router.setHighlightWords(List.of(config.highlightWords()));
    }

    private static Path logFolder(BundleContext context, Config config) {
        String data = context.getProperty(DATA_DIR_PROPERTY);
        return config.diskLogs() && data != null && !data.isBlank() ? Path.of(data, "logs") : null;
    }

    /** Without OSGi: for tests and embedding; no disk logs. */
    public SessionComponent(IrcProtocol protocol, int scrollbackLines) {
        this(protocol, scrollbackLines, null, 0);
    }

    /**
     * Without OSGi, with disk logs under {@code logFolder} (none when null) and {@code restoreLines} lines read
     * back into each buffer that opens.
     */
    public SessionComponent(IrcProtocol protocol, int scrollbackLines, Path logFolder, int restoreLines) {
        model = new SessionModel(Math.max(100, scrollbackLines), callbacks);
        router = new MessageRouter(model, protocol, System::currentTimeMillis);
        diskLog = logFolder == null ? null
                : new DiskLog(logFolder, restoreLines, protocol::stripFormatting, ZoneId.systemDefault());
        model.setLineStore(diskLog);
    }

    @Modified
    void modified(Config config) {
        model.setScrollbackLimit(Math.max(100, config.scrollbackLines()));
        MessageRouter current = router;
        if (current != null) {
            current.setHighlightWords(List.of(config.highlightWords()));
        }
    }

    @Deactivate
    public void deactivate() {
        // Late calls from connections that have not yet seen this service go away are ignored.
        router = null;
        model.setLineStore(null);
        if (diskLog != null) {
            diskLog.close();
        }
    }

    /** Words besides the own nick that highlight a line. */
    public void setHighlightWords(List<String> words) {
        MessageRouter current = router;
        if (current != null) {
            current.setHighlightWords(words);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindConnection(IrcConnection connection) {
        connections.put(connection.network(), connection);
        MessageRouter current = router;
        if (current != null) {
            current.connectionAdded(connection);
        }
    }

    public void unbindConnection(IrcConnection connection) {
        connections.remove(connection.network(), connection);
        MessageRouter current = router;
        if (current != null) {
            current.connectionRemoved(connection);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindCallbackMonitor(CallbackMonitor monitor) {
        callbacks.bind(monitor);
    }

    public void unbindCallbackMonitor(CallbackMonitor monitor) {
        callbacks.unbind(monitor);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindListener(SessionListener listener) {
        model.addListener(listener);
    }

    public void unbindListener(SessionListener listener) {
        model.removeListener(listener);
    }

    /**
     * A listener that presents some replies itself (service property {@value IrcMessageListener#CLAIMS_PROPERTY}):
     * while it is registered, those replies stay out of the server buffer.
     */
    @Reference(service = IrcMessageListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(" + IrcMessageListener.CLAIMS_PROPERTY + "=*)")
    void bindClaimant(IrcMessageListener claimant, Map<String, Object> properties) {
        Object value = properties.get(IrcMessageListener.CLAIMS_PROPERTY);
        Set<String> commands = new HashSet<>();
        for (String command : value instanceof String[] several ? several : new String[] {String.valueOf(value)}) {
            commands.add(command.toUpperCase(Locale.ROOT));
        }
        claims.put(claimant, commands);
        claimsChanged();
    }

    void unbindClaimant(IrcMessageListener claimant) {
        claims.remove(claimant);
        claimsChanged();
    }

    private void claimsChanged() {
        Set<String> all = new HashSet<>();
        claims.values().forEach(all::addAll);
        MessageRouter current = router;
        if (current != null) {
            current.setClaimed(all);
        }
    }

    // --- IrcMessageListener / ConnectionListener ---

    @Override
    public void onMessage(IrcConnection connection, IrcMessage message) {
        MessageRouter current = router;
        if (current != null) {
            current.onMessage(connection, message);
        }
    }

    @Override
    public void stateChanged(IrcConnection connection, ConnectionState previous, ConnectionState current,
            String detail) {
        MessageRouter r = router;
        if (r != null) {
            r.stateChanged(connection, current, detail);
        }
    }

    @Override
    public void messageSent(IrcConnection connection, IrcMessage message) {
        MessageRouter r = router;
        if (r != null) {
            r.messageSent(connection, message);
        }
    }

    @Override
    public void notice(IrcConnection connection, String text) {
        MessageRouter r = router;
        if (r != null) {
            r.notice(connection, text);
        }
    }

    // --- Session ---

    @Override
    public List<Buffer> buffers() {
        return List.copyOf(model.buffers());
    }

    @Override
    public Optional<Buffer> find(String network, String name) {
        return model.find(network, name).map(Buffer.class::cast);
    }

    @Override
    public Optional<Buffer> byId(long id) {
        return model.byId(id).map(Buffer.class::cast);
    }

    @Override
    public Buffer openQuery(String network, String nick) {
        NetworkState state = model.network(network);
        synchronized (state) {
            BufferState query = state.getOrCreate(BufferType.QUERY, nick);
            IrcConnection connection = connections.get(network);
            if (query.setActive(connection != null && connection.state() == ConnectionState.CONNECTED)) {
                state.fire(SessionEvent.Type.BUFFER_STATE_CHANGED, query);
            }
            return query;
        }
    }

    @Override
    public void close(long bufferId) {
        model.byId(bufferId).ifPresent(buffer -> {
            if (buffer.type() == BufferType.SERVER) {
                return;
            }
            IrcConnection connection = connections.get(buffer.network());
            if (buffer.type() == BufferType.CHANNEL && buffer.active() && connection != null) {
                connection.send(IrcMessage.of("PART", buffer.name()));
            }
            NetworkState network = model.network(buffer.network());
            synchronized (network) {
                network.remove(buffer);
            }
        });
    }

    @Override
    public void markRead(long bufferId) {
        model.byId(bufferId).ifPresent(buffer -> {
            if (buffer.markReadAndReport()) {
                model.fire(SessionEvent.Type.ACTIVITY_CHANGED, bufferId);
            }
        });
    }

    @Override
    public void appendInfo(long bufferId, LineKind kind, String text) {
        model.byId(bufferId).ifPresent(buffer -> {
            NetworkState network = model.network(buffer.network());
            synchronized (network) {
                buffer.append(System.currentTimeMillis(), kind, null, text, 0);
            }
        });
    }

    @Override
    public boolean away(String network) {
        return model.existingNetwork(network).map(NetworkState::ownAway).orElse(false);
    }

    /** The model behind the service, for tests. */
    public SessionModel model() {
        return model;
    }
}
