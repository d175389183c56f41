package org.switchboard.connection.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.apache.commons.lang3.StringUtils;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcDecoder;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.ServicesPasswords;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.IrcProtocolException;
import org.switchboard.api.irc.Isupport;

/**
 * One network's connection, without OSGi: the life-cycle thread (which is also the reader), the writer,
 * registration (CAP 302, SASL, PASS/NICK/USER, nick fallbacks), channel tracking for rejoin, reconnect with
 * back-off. The DS component wraps it; tests drive it directly.
 *
 * <p>Threads: {@code switchboard-reader-<network>} connects, reads, parses and dispatches (listeners run on it,
 * so a slow consumer slows the reads and TCP slows the server: back-pressure without an unbounded queue), then
 * waits out the back-off and connects again. {@code switchboard-writer-<network>} exists per link and drains
 * the {@link OutgoingQueue} through the {@link TokenBucket}.
 */
public final class NetworkConnection implements IrcConnection {

    private static final System.Logger LOG = System.getLogger(NetworkConnection.class.getName());

    /** Capabilities this bundle understands itself, requested whenever the server offers them. */
    static final Set<String> OWN_CAPABILITIES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "cap-notify", "multi-prefix", "server-time", "message-tags", "batch")));

    /**
     * The parameters as the trace shows them: a message to services with a password in it (an echo of ours, or
     * ours going out) has it masked, see {@link ServicesPasswords}; otherwise the parameters themselves.
     */
    static List<String> traceParams(IrcMessage message) {
        List<String> params = message.params();
        // our JOIN's keys; a server's JOIN has none (its second parameter is the extended-join account)
        if (params.size() >= 2 && message.source() == null && message.is("JOIN")) {
            List<String> masked = new ArrayList<>(params);
            masked.set(1, "****");
            return List.copyOf(masked);
        }
        if (params.size() == 2 && (message.is("PRIVMSG") || message.is("NOTICE"))) {
            String text = params.get(1);
            String redacted = ServicesPasswords.redact(params.get(0), text);
            if (redacted != text) {
                return List.of(params.get(0), redacted);
            }
        }
        // the servers' own aliases for services (NS IDENTIFY pw, or IDENTIFY pw, sent with /raw)
        String command = message.command().toUpperCase(Locale.ROOT);
        String services = SERVICES_ALIASES.get(command);
        if (services != null && !params.isEmpty()) {
            // IDENTIFY pw as a command is what "IDENTIFY pw" to NickServ is as a message
            String prefix = services.equals(command) ? command + " " : "";
            String text = prefix + String.join(" ", params);
            String redacted = ServicesPasswords.redact(prefix.isEmpty() ? services : "NickServ", text);
            if (!redacted.equals(text)) {
                return List.of(redacted.substring(prefix.length()));
            }
        }
        return params;
    }

    /**
     * Commands that servers (InspIRCd, UnrealIRCd, Solanum, with Anope or Atheme) take as a message to a service,
     * by the service they reach; IDENTIFY and LOGIN are commands of NickServ themselves and map to themselves.
     */
    private static final Map<String, String> SERVICES_ALIASES = Map.ofEntries(
            Map.entry("NS", "NickServ"), Map.entry("NICKSERV", "NickServ"),
            Map.entry("CS", "ChanServ"), Map.entry("CHANSERV", "ChanServ"),
            Map.entry("MS", "MemoServ"), Map.entry("MEMOSERV", "MemoServ"),
            Map.entry("OS", "OperServ"), Map.entry("OPERSERV", "OperServ"),
            Map.entry("HS", "HostServ"), Map.entry("HOSTSERV", "HostServ"),
            Map.entry("BS", "BotServ"), Map.entry("BOTSERV", "BotServ"),
            Map.entry("IDENTIFY", "IDENTIFY"), Map.entry("LOGIN", "LOGIN"));

    /** Commands whose parameters are secrets: never logged, never shown as "sent". */
    private static final Set<String> SECRET_COMMANDS = Set.of("PASS", "AUTHENTICATE", "OPER");

    /**
     * Why {@code message} cannot go on the wire, for logs and the user. The serializer's own message quotes the
     * offending parameter, which for a secret command is the password itself: then only which parameter and why.
     */
    static String refusal(IrcMessage message, IrcProtocolException e) {
        if (!SECRET_COMMANDS.contains(message.command().toUpperCase(Locale.ROOT))) {
            return e.getMessage();
        }
        List<String> params = message.params();
        for (int i = 0; i < params.size(); i++) {
            if (StringUtils.containsAny(params.get(i), '\r', '\n', '\0')) {
                return "parameter " + (i + 1) + " holds a line break or NUL character";
            }
        }
        return "its parameters do not fit on an IRC line";
    }

    /** Commands that belong to the current link rather than to the user's conversation. */
    private static final Set<String> CONTROL_COMMANDS = Set.of("PONG", "PING", "CAP", "AUTHENTICATE");

    /** What the connection tells the outside world; the DS component fans it out to whiteboard services. */
    public interface Events {
        /** A message arrived (after the connection's own handling), on the reader thread. */
        void message(IrcMessage message);

        void stateChanged(ConnectionState previous, ConnectionState current, String detail);

        void messageSent(IrcMessage message);

        void notice(String text);

        void lagChanged(long lagMillis);

        /** Capabilities other bundles asked for (CapabilityRequest services). */
        Set<String> requestedCapabilities();
    }

    private final NetworkSettings settings;
    private final IrcProtocol protocol;
    private final Events events;
    private final Isupport isupport;
    private final OutgoingQueue queue;
    private final Backoff backoff;
    private final StsPolicies sts;
    private SSLContext tls;
    private final Map<String, Integer> stsUpgrades = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Hosts that let a plaintext link end without ever answering {@code CAP LS}: the next link to them sends the
     * server password at once instead of waiting for a capability list (and an STS policy) that never comes.
     */
    private final Set<String> ignoresCapLs = java.util.concurrent.ConcurrentHashMap.newKeySet();

    // guarded by this
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private boolean wanted;
    private boolean closed;
    private boolean wakeUp;
    private String stopDetail;
    private Thread thread;
    private SocketChannel connecting;
    private LinkState current;
    private final Map<String, NetworkSettings.ChannelKey> channels = new LinkedHashMap<>();
    private final Map<String, String> knownKeys = new HashMap<>();
    private Set<String> lastRequested = Set.of();

    private volatile String nick;
    private volatile String ownSource;
    private volatile long lag = -1;

    public NetworkConnection(NetworkSettings settings, IrcProtocol protocol, Events events) {
        this(settings, protocol, events, StsPolicies.inMemory());
    }

    public NetworkConnection(NetworkSettings settings, IrcProtocol protocol, Events events, StsPolicies sts) {
        this.settings = settings;
        this.sts = sts;
        this.protocol = protocol;
        this.events = events;
        this.isupport = protocol.newIsupport();
        this.queue = new OutgoingQueue(1000, settings.sendQueueCapacity);
        this.backoff = new Backoff(settings.reconnectMinDelayMillis, settings.reconnectMaxDelayMillis,
                () -> ThreadLocalRandom.current().nextDouble());
        this.nick = settings.nick;
        for (NetworkSettings.ChannelKey channel : settings.autojoin) {
            if (channel.key() != null) {
                knownKeys.put(fold(channel.channel()), channel.key());
            }
        }
    }

    // ---------------------------------------------------------------- IrcConnection

    @Override
    public String network() {
        return settings.name;
    }

    @Override
    public synchronized ConnectionState state() {
        return state;
    }

    @Override
    public String nick() {
        return nick;
    }

    @Override
    public String ownSource() {
        String source = ownSource;
        return source != null ? source : nick + "!" + settings.userName;
    }

    @Override
    public Isupport isupport() {
        return isupport;
    }

    @Override
    public Set<String> enabledCapabilities() {
        LinkState link = currentLink();
        return link == null ? Set.of() : link.enabled;
    }

    @Override
    public long lagMillis() {
        return lag;
    }

    @Override
    public void reportLag(long lagMillis) {
        lag = lagMillis;
        events.lagChanged(lagMillis);
    }

    @Override
    public boolean send(IrcMessage message) {
        String command = message.command().toUpperCase(Locale.ROOT);
        if (command.equals("QUIT")) {
            if (state() == ConnectionState.DISCONNECTED) {
                return false;
            }
            disconnect(message.lastParam());
            return true;
        }
        try {
            protocol.serialize(message);
        } catch (IrcProtocolException e) {
            LOG.log(Level.WARNING, "Refused to send an invalid {0} on {1}: {2}", command, settings.name,
                    refusal(message, e));
            return false;
        }
        LinkState link;
        ConnectionState now;
        synchronized (this) {
            if (closed) {
                return false;
            }
            link = current;
            now = state;
            if (command.equals("JOIN")) {
                rememberKeys(message);
            }
        }
        if (CONTROL_COMMANDS.contains(command)) {
            return link != null && queue.offerControl(message);
        }
        if (now == ConnectionState.DISCONNECTED) {
            return false;
        }
        List<IrcMessage> parts = List.of(message);
        if (command.equals("PRIVMSG") || command.equals("NOTICE")) {
            try {
                parts = protocol.splitMessage(message, ownSource(), isupport.linelen());
            } catch (IrcProtocolException e) {
                // a tiny LINELEN or a very long own host leaves no room for text: say so where the user looks,
                // since callers only learn "refused" from false
                LOG.log(Level.WARNING, "{0}: not sending a {1}: {2}", settings.name, command, e.getMessage());
                events.notice("Not sent: " + e.getMessage());
                return false;
            }
        }
        return queue.offerUser(parts);
    }

    @Override
    public void connect() {
        synchronized (this) {
            if (closed) {
                return;
            }
            wanted = true;
            stopDetail = null;
            if (thread != null) {
                wakeUp = true;
                notifyAll();
                return;
            }
            thread = new Thread(this::run, "switchboard-reader-" + settings.name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void disconnect(String reason) {
        LinkState link;
        SocketChannel pending;
        synchronized (this) {
            wanted = false;
            stopDetail = "Disconnected" + (StringUtils.isBlank(reason) ? "" : " (" + reason + ")");
            notifyAll();
            link = current;
            pending = connecting;
        }
        if (pending != null) {
            closeQuietly(pending);
        }
        if (link != null) {
            link.quit(StringUtils.defaultIfBlank(reason, settings.quitMessage));
        }
    }

    @Override
    public void reconnect(String reason) {
        LinkState link = currentLink();
        if (link != null) {
            LOG.log(Level.INFO, "{0}: {1}", settings.name, reason);
            link.abort(reason);
        }
    }

    /** Disconnects (QUIT with the configured message) and waits for the threads to end; for deactivation. */
    public void close() {
        disconnect(settings.quitMessage);
        Thread running;
        synchronized (this) {
            closed = true;
            running = thread;
        }
        if (running != null) {
            try {
                running.join(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LinkState link = currentLink();
            if (link != null) {
                link.abort("Shutting down");
            }
            running.interrupt();
        }
    }

    /** CapabilityRequest services changed: request what is newly wanted and release what is no longer. */
    public void capabilitiesChanged() {
        LinkState link = currentLink();
        if (link != null) {
            link.capabilitiesChanged();
        }
    }

    /** Channels the client is in (or will rejoin), in join order. */
    public synchronized List<String> channels() {
        return channels.values().stream().map(NetworkSettings.ChannelKey::channel).toList();
    }

    private synchronized LinkState currentLink() {
        return current;
    }

    /** Built on first TLS use: loading trust stores costs time that plaintext networks need not pay. */
    private synchronized SSLContext tlsContext() throws SSLException {
        if (tls == null) {
            try {
                tls = Link.tlsContext(settings);
            } catch (GeneralSecurityException | IOException e) {
                throw new SSLException("TLS set-up failed (trust store or client certificate): " + e.getMessage(), e);
            }
        }
        return tls;
    }

    /** The address to really use: a plaintext server under an STS policy (or told to upgrade) becomes TLS. */
    private ServerAddress effective(ServerAddress configured) {
        if (configured.tls()) {
            return configured;
        }
        Integer upgrade = stsUpgrades.get(hostKey(configured.host()));
        if (upgrade != null) {
            return new ServerAddress(configured.host(), upgrade, true);
        }
        java.util.OptionalInt policy = sts.tlsPort(configured.host());
        return policy.isPresent() ? new ServerAddress(configured.host(), policy.getAsInt(), true) : configured;
    }

    // ---------------------------------------------------------------- life cycle

    /**
     * The reader thread's body. Whatever ends the loop, its end resets the thread and reports DISCONNECTED: a
     * failure that escaped it would otherwise leave a dead network that the UI shows as connected and that
     * {@link #connect()} could not restart.
     */
    private void run() {
        try {
            connectAndReadUntilUnwanted();
        } catch (Throwable e) {
            LOG.log(Level.ERROR, settings.name + ": the connection stopped on an unexpected failure", e);
            synchronized (this) {
                // not restarted on its own: the same failure would likely end it again, in a tight loop
                wanted = false;
                stopDetail = "Stopped by an internal error (" + e + "); connect again to retry";
            }
            Failures.rethrowIfFatal(e);
        } finally {
            runEnded();
        }
    }

    private void connectAndReadUntilUnwanted() {
        int attempt = 0;
        int serverIndex = 0;
        while (true) {
            ServerAddress configured = settings.servers.get(serverIndex % settings.servers.size());
            ServerAddress server = effective(configured);
            SocketChannel channel;
            synchronized (this) {
                if (!wanted) {
                    break;
                }
            }
            setState(ConnectionState.CONNECTING, "Connecting to " + server
                    + (server.equals(configured) ? "" : " (TLS required by the server's STS policy)"));
            LinkState link = null;
            String failure;
            try {
                SSLContext context = server.tls() ? tlsContext() : null;
                channel = SocketChannel.open();
                synchronized (this) {
                    connecting = channel;
                    if (!wanted) {
                        closeQuietly(channel);
                    }
                }
                Link opened = Link.open(channel, server, context, !settings.tlsInsecureSkipVerify,
                        settings.connectTimeoutMillis);
                link = new LinkState(opened);
                synchronized (this) {
                    connecting = null;
                    current = link;
                    if (!wanted) {
                        opened.close();
                    }
                }
                link.start();
                read(link);
                failure = link.endReason != null ? link.endReason : "Server " + server + " closed the connection";
            } catch (IOException e) {
                failure = link != null && link.endReason != null ? link.endReason : describe(e, server);
                if (link == null && e instanceof SSLException) {
                    events.notice(failure);
                }
            } catch (Throwable e) {
                // a bug (or a class missing after a bundle update) must cost one link, not the network: log it,
                // drop the link, retry as after any failure
                Failures.rethrowIfFatal(e);
                LOG.log(Level.ERROR, settings.name + ": unexpected failure on the link to " + server, e);
                failure = "Internal error on the link to " + server + " (" + e + ")";
            } finally {
                if (link != null) {
                    link.finish();
                }
                synchronized (this) {
                    connecting = null;
                    current = null;
                }
            }
            String detail;
            synchronized (this) {
                if (link != null && link.fatal) {
                    wanted = false;
                    stopDetail = failure;
                }
                if (!wanted) {
                    break;
                }
            }
            if (link != null && link.stsUpgrade) {
                LOG.log(Level.INFO, "{0}: {1}", settings.name, failure);
                continue;
            }
            if (link != null && link.registered) {
                attempt = 0;
            }
            long delay = backoff.delayMillis(attempt++);
            serverIndex++;
            detail = failure + "; retrying in " + Math.max(1, Math.round(delay / 1000.0)) + " s"
                    + (settings.servers.size() > 1 ? " with " + settings.servers.get(serverIndex
                            % settings.servers.size()) : "");
            LOG.log(Level.INFO, "{0}: {1}", settings.name, detail);
            setState(ConnectionState.WAITING_TO_RECONNECT, detail);
            awaitRetry(delay);
        }
    }

    /** The reader thread's last act, however it ended: no thread, no link, DISCONNECTED reported. */
    private void runEnded() {
        ConnectionState previous;
        String detail;
        synchronized (this) {
            previous = state;
            state = ConnectionState.DISCONNECTED;
            detail = StringUtils.defaultIfEmpty(stopDetail, "Disconnected");
            thread = null;
            connecting = null;
            current = null;
            if (wanted && !closed) {
                // connect() raced with our exit: go on in a fresh thread
                thread = new Thread(this::run, "switchboard-reader-" + settings.name);
                thread.setDaemon(true);
                thread.start();
            }
        }
        if (previous != ConnectionState.DISCONNECTED) {
            LOG.log(Level.INFO, "{0}: {1}", settings.name, detail);
            events.stateChanged(previous, ConnectionState.DISCONNECTED, detail);
        }
    }

    private synchronized void awaitRetry(long delayMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        wakeUp = false;
        try {
            while (wanted && !wakeUp) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wanted = false;
        }
    }

    private void setState(ConnectionState next, String detail) {
        ConnectionState previous;
        synchronized (this) {
            previous = state;
            state = next;
        }
        events.stateChanged(previous, next, detail);
    }

    private void read(LinkState link) throws IOException {
        IrcDecoder decoder = protocol.newDecoder(settings.fallbackCharset);
        ByteBuffer buffer = link.link.newReadBuffer();
        IrcDecoder.Sink sink = new IrcDecoder.Sink() {
            @Override
            public void message(IrcMessage message) {
                link.received(message);
            }

            @Override
            public void malformed(String problem, String line) {
                LOG.log(Level.WARNING, "{0}: skipped a malformed line ({1}): {2}", settings.name, problem,
                        StringUtils.abbreviate(line, 200));
                events.notice("Skipped a malformed line from the server: " + problem);
            }
        };
        while (true) {
            buffer.clear();
            int n = link.link.read(buffer);
            if (n < 0) {
                return;
            }
            buffer.flip();
            decoder.decode(buffer, sink);
        }
    }

    private static String describe(IOException e, ServerAddress server) {
        if (e instanceof UnknownHostException) {
            return "Cannot resolve host name " + server.host();
        }
        if (e instanceof ConnectException) {
            return "Connection refused by " + server;
        }
        if (e instanceof SocketTimeoutException) {
            return "Timed out connecting to " + server;
        }
        if (e instanceof NoRouteToHostException) {
            return "No route to " + server;
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLException) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CertificateException) {
                    return "TLS certificate of " + server + " refused: " + t.getMessage();
                }
            }
            return "TLS handshake with " + server + " failed: " + e.getMessage();
        }
        if (e instanceof ClosedChannelException) {
            return "Connection to " + server + " closed";
        }
        return "Connection to " + server + " failed: " + e.getMessage();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // aborting anyway
        }
    }

    // ---------------------------------------------------------------- channels and keys

    private String fold(String name) {
        return isupport.caseMapping().fold(name);
    }

    /** Keys the user gave in a JOIN, so that a rejoin after reconnect can use them. Called holding this. */
    private void rememberKeys(IrcMessage join) {
        String[] names = StringUtils.split(StringUtils.defaultString(join.param(0)), ',');
        String[] keys = StringUtils.split(StringUtils.defaultString(join.param(1)), ',');
        for (int i = 0; i < names.length && i < keys.length; i++) {
            knownKeys.put(fold(names[i]), keys[i]);
        }
    }

    private synchronized List<NetworkSettings.ChannelKey> channelsToJoin() {
        Map<String, NetworkSettings.ChannelKey> join = new LinkedHashMap<>();
        for (NetworkSettings.ChannelKey channel : settings.autojoin) {
            join.put(fold(channel.channel()), channel);
        }
        for (Map.Entry<String, NetworkSettings.ChannelKey> entry : channels.entrySet()) {
            join.putIfAbsent(fold(entry.getValue().channel()), entry.getValue());
        }
        return new ArrayList<>(join.values());
    }

    private static String hostKey(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    /** A numeric error reply (4xx, 5xx). */
    private static boolean isErrorReply(String command) {
        return command.length() == 3 && (command.charAt(0) == '4' || command.charAt(0) == '5')
                && Character.isDigit(command.charAt(1)) && Character.isDigit(command.charAt(2));
    }

    private boolean isOwn(String someNick) {
        return someNick != null && isupport.caseMapping().equals(someNick, nick);
    }

    private void track(IrcMessage message) {
        String command = message.command();
        // a switch, not a set: a flood of PRIVMSG passes with one hash compare, no string compare and no lock
        switch (command) {
            case "JOIN", "PART", "KICK", "NICK" -> {
                synchronized (this) {
                    trackMembership(command, message);
                }
            }
            default -> {
                // only membership and nick changes matter here
            }
        }
    }

    /** JOIN, PART, KICK or NICK; called holding this. */
    private void trackMembership(String command, IrcMessage message) {
        String source = message.sourceNick();
        switch (command) {
            case "JOIN" -> {
                if (isOwn(source) && message.param(0) != null) {
                    ownSource = message.source();
                    for (String name : StringUtils.split(message.param(0), ',')) {
                        channels.put(fold(name), new NetworkSettings.ChannelKey(name, knownKeys.get(fold(name))));
                    }
                }
            }
            case "PART" -> {
                if (isOwn(source) && message.param(0) != null) {
                    for (String name : StringUtils.split(message.param(0), ',')) {
                        channels.remove(fold(name));
                    }
                }
            }
            case "KICK" -> {
                if (isOwn(message.param(1)) && message.param(0) != null) {
                    channels.remove(fold(message.param(0)));
                }
            }
            case "NICK" -> {
                if (isOwn(source) && message.param(0) != null) {
                    nick = message.param(0);
                    if (message.source() != null && message.source().contains("@")) {
                        ownSource = nick + message.source().substring(message.source().indexOf('!'));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- one link

    /** Everything that lives exactly as long as one TCP link. Handlers run on the reader thread. */
    private final class LinkState {
        final Link link;
        final Thread writer;
        final TokenBucket bucket;
        final NickChooser nicks = new NickChooser(settings.nick, settings.alternateNicks);
        final Map<String, String> available = new LinkedHashMap<>();
        volatile Set<String> enabled = Set.of();
        volatile boolean registered;
        volatile String endReason;
        /** Why registration failed when the server answered 464 (password mismatch); it outranks the ERROR. */
        private String passwordReason;
        volatile boolean fatal;
        volatile boolean quitting;
        volatile boolean ended;
        volatile boolean stsUpgrade;
        boolean capLsDone;
        /** PASS/NICK/USER wait for the capability list, so that an STS policy in it is seen before the password goes out. */
        boolean registrationHeld;
        boolean capEnded;
        boolean capabilitiesChangedWhileRegistering;
        int pendingRequests;
        SaslClient sasl;
        boolean saslSucceeded;
        boolean motdDone;
        long welcomedNanos;

        LinkState(Link link) {
            this.link = link;
            this.bucket = new TokenBucket(settings.floodBurst,
                    TimeUnit.MILLISECONDS.toNanos(settings.floodIntervalMillis), System::nanoTime);
            this.writer = new Thread(this::writeLoop, "switchboard-writer-" + settings.name);
            this.writer.setDaemon(true);
        }

        void start() {
            isupport.reset();
            lag = -1;
            ownSource = null;
            nick = nicks.first();
            if (link.encrypted() && !link.secure()) {
                LOG.log(Level.WARNING, "{0}: the TLS certificate of {1} is NOT verified (tls.insecureSkipVerify): "
                        + "anyone between here and the server can read and change this connection; no credentials "
                        + "that need a secure link are sent over it", settings.name, link.server());
            }
            setState(ConnectionState.REGISTERING, "Connected to " + link.server()
                    + (link.secure() ? " (TLS)" : link.encrypted() ? " (TLS, certificate NOT verified)" : "")
                    + "; registering as " + nick);
            writer.start();
            control(IrcMessage.of("CAP", "LS", "302"));
            // On a plaintext link the capability list may hold an STS policy: then the link is dropped for TLS, and
            // the password must not have crossed it in clear first.
            registrationHeld = settings.serverPassword != null && !link.encrypted()
                    && !ignoresCapLs.contains(hostKey(link.server().host()));
            if (!registrationHeld) {
                sendRegistration();
            }
        }

        private void sendRegistration() {
            registrationHeld = false;
            if (settings.serverPassword != null) {
                control(IrcMessage.of("PASS", settings.serverPassword));
            }
            control(IrcMessage.of("NICK", nick));
            control(IrcMessage.of("USER", settings.userName, "0", "*", settings.realName));
        }

        void control(IrcMessage message) {
            if (!queue.offerControl(message)) {
                abort("Send queue overflow: the server is not reading");
            }
        }

        /** Drops the link; the life-cycle thread decides what comes next. */
        void abort(String reason) {
            if (endReason == null) {
                endReason = reason;
            }
            link.close();
        }

        void fail(String reason) {
            fatal = true;
            LOG.log(Level.WARNING, "{0}: {1}", settings.name, reason);
            abort(reason);
        }

        void quit(String reason) {
            quitting = true;
            if (!queue.offerControl(IrcMessage.of("QUIT", reason))) {
                link.close();
            }
        }

        void finish() {
            ended = true;
            if (registrationHeld && !capLsDone) {
                ignoresCapLs.add(hostKey(link.server().host()));
                LOG.log(Level.INFO, "{0}: {1} never answered CAP LS; the next attempt sends the server password "
                        + "without waiting for a capability list", settings.name, link.server());
            }
            link.close();
            writer.interrupt();
            try {
                writer.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            queue.linkEnded();
        }

        // ------------------------------------------------------------ writer

        private void writeLoop() {
            OutgoingQueue.Taken taken = null;
            try {
                while (!ended) {
                    taken = queue.poll(500);
                    if (taken == null) {
                        continue;
                    }
                    IrcMessage message = taken.message();
                    boolean quit = message.is("QUIT");
                    if (message.is("PONG")) {
                        // a late PONG can cost the link; the debt slows what follows instead
                        bucket.take();
                    } else if (!quit) {
                        pace();
                    }
                    String line;
                    try {
                        line = protocol.serialize(message);
                    } catch (IrcProtocolException e) {
                        // dropped, not given back: it would fail the same way on every link
                        taken = null;
                        String why = refusal(message, e);
                        LOG.log(Level.WARNING, "{0}: not sending an invalid {1}: {2}", settings.name,
                                message.command(), why);
                        events.notice("Not sent: " + message.command() + " (" + why + ")");
                        continue;
                    }
                    byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
                    if (ended) {
                        queue.giveBack(taken);
                        return;
                    }
                    link.write(bytes);
                    taken = null;
                    boolean secret = SECRET_COMMANDS.contains(message.command().toUpperCase(Locale.ROOT));
                    LOG.log(Level.TRACE, () -> settings.name + " >> " + (secret ? message.command() + " <redacted>"
                            : traceParams(message) != message.params() ? message.command() + " " + traceParams(message)
                            : line));
                    if (!secret) {
                        events.messageSent(message);
                    }
                    if (quit && quitting) {
                        link.shutdownOutput();
                        waitForServerToHangUp();
                        link.close();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // the link ended; a line taken but not written goes back for the next link
                if (taken != null) {
                    queue.giveBack(taken);
                }
            } catch (IOException e) {
                if (taken != null) {
                    queue.giveBack(taken);
                }
                if (!ended) {
                    abort("Writing to " + link.server() + " failed: " + e.getMessage());
                }
            } catch (Throwable e) {
                // A dead writer under a live reader would look connected and send nothing: drop the link, so that
                // the life cycle reconnects with a fresh writer; the line goes to the next link as after an I/O error.
                if (taken != null) {
                    queue.giveBack(taken);
                }
                if (!ended) {
                    LOG.log(Level.ERROR, settings.name + ": the writer to " + link.server() + " failed", e);
                    abort("Internal error while writing to " + link.server() + " (" + e + ")");
                }
                Failures.rethrowIfFatal(e);
            }
        }

        private void pace() throws InterruptedException {
            long wait;
            while ((wait = bucket.tryAcquire()) > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }

        private void waitForServerToHangUp() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!ended && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        // ------------------------------------------------------------ reader

        void received(IrcMessage message) {
            if (LOG.isLoggable(Level.TRACE)) {
                LOG.log(Level.TRACE, settings.name + " << " + message.command() + " " + traceParams(message));
            }
            try {
                synchronized (this) {
                    handle(message);
                }
                track(message);
            } catch (Throwable e) {
                Failures.rethrowIfFatal(e);
                LOG.log(Level.WARNING, settings.name + ": could not handle " + message.command(), e);
            }
            try {
                events.message(message);
            } catch (Throwable e) {
                // the component guards each listener; this guards the reader against the rest
                Failures.rethrowIfFatal(e);
                LOG.log(Level.ERROR, settings.name + ": dispatch of " + message.command() + " failed", e);
            }
        }

        private void handle(IrcMessage m) {
            if (registered && !motdDone
                    && System.nanoTime() - welcomedNanos > TimeUnit.MILLISECONDS.toNanos(settings.motdWaitMillis)) {
                // Some servers (or bouncers) send no 376/422 at all: the channels and the user's lines must not
                // wait for ever.
                LOG.log(Level.INFO, "{0}: no end of the message of the day {1} ms after the welcome; joining and "
                        + "sending queued lines now", settings.name, settings.motdWaitMillis);
                endOfMotd();
            }
            if (registrationHeld && !"CAP".equals(m.command()) && isErrorReply(m.command())) {
                // 421/451 and the like: a server without CAP, so without STS either
                sendRegistration();
            }
            switch (m.command()) {
                case "CAP" -> cap(m);
                case "AUTHENTICATE" -> authenticate(m);
                case "903", "907" -> saslSucceeded(m);
                case "902", "904", "905", "906" -> saslFailed(m);
                case "908" -> LOG.log(Level.INFO, "{0}: server offers SASL mechanisms {1}", settings.name,
                        m.param(1));
                case "001" -> welcomed(m);
                case "005" -> isupport.apply(m);
                case "376", "422" -> endOfMotd();
                case "432", "433", "436", "437" -> nickRefused(m);
                case "464" -> passwordRefused(m);
                case "ERROR" -> serverClosing(m);
                default -> {
                    // everything else is for the listeners
                }
            }
        }

        private void passwordRefused(IrcMessage m) {
            if (registered) {
                return;
            }
            // the ERROR that follows names the link, not the cause; this is what the user has to change
            String text = StringUtils.defaultIfBlank(m.lastParam(), "464");
            passwordReason = settings.serverPassword == null
                    ? "The server asks for a password; none is set for this network (" + text + ")"
                    : "The server refused the password (" + text + ")";
            endReason = passwordReason;
        }

        private void serverClosing(IrcMessage m) {
            endReason = passwordReason != null ? passwordReason
                    : "Server closed the link: " + StringUtils.defaultString(m.lastParam());
        }

        private void welcomed(IrcMessage m) {
            if (registered) {
                return;
            }
            registered = true;
            welcomedNanos = System.nanoTime();
            if (passwordReason != null) {
                // a server that complained about the password and let us in after all (SASL did it, say)
                if (endReason == passwordReason) {
                    endReason = null;
                }
                passwordReason = null;
            }
            capEnded = true;
            if (m.param(0) != null) {
                nick = m.param(0);
            }
            if (isSaslConfigured() && settings.saslRequired && !saslSucceeded) {
                fail("Registered without SASL authentication although it is required; disconnected");
                return;
            }
            setState(ConnectionState.CONNECTED, "Registered on " + link.server() + " as " + nick);
            if (capabilitiesChangedWhileRegistering) {
                capabilitiesChangedWhileRegistering = false;
                capabilitiesChanged();
            }
        }

        private void endOfMotd() {
            if (motdDone) {
                return;
            }
            motdDone = true;
            for (NetworkSettings.ChannelKey channel : channelsToJoin()) {
                control(channel.key() == null ? IrcMessage.of("JOIN", channel.channel())
                        : IrcMessage.of("JOIN", channel.channel(), channel.key()));
            }
            queue.openUserLane();
        }

        private void nickRefused(IrcMessage m) {
            // after registration a refused NICK is the user's business; 437 may also be about a channel
            if (registered || m.param(1) != null && isupport.isChannel(m.param(1))) {
                return;
            }
            String refused = nick;
            nick = nicks.next(isupport.nicklen().orElse(30));
            LOG.log(Level.INFO, "{0}: nick {1} refused ({2}); trying {3}", settings.name, refused, m.command(),
                    nick);
            control(IrcMessage.of("NICK", nick));
        }

        // ------------------------------------------------------------ CAP

        /** Our own capabilities, SASL if configured, and {@code requested} (what other bundles ask for). */
        private Set<String> wanted(Set<String> requested) {
            Set<String> wanted = new LinkedHashSet<>(OWN_CAPABILITIES);
            wanted.addAll(requested);
            if (isSaslConfigured()) {
                wanted.add("sasl");
            }
            return wanted;
        }

        private void cap(IrcMessage m) {
            String sub = StringUtils.defaultString(m.param(1)).toUpperCase(Locale.ROOT);
            String list = StringUtils.defaultString(m.lastParam());
            switch (sub) {
                case "LS" -> {
                    parseCapList(list, available);
                    boolean more = m.params().size() >= 4 && "*".equals(m.param(2));
                    if (!more && !capLsDone) {
                        capLsDone = true;
                        capsListed();
                    }
                }
                case "ACK" -> {
                    Set<String> next = new HashSet<>(enabled);
                    for (String cap : StringUtils.split(list, ' ')) {
                        if (cap.startsWith("-")) {
                            next.remove(cap.substring(1));
                        } else {
                            next.add(StringUtils.substringBefore(cap, "="));
                        }
                    }
                    enabled = Set.copyOf(next);
                    requestAnswered();
                }
                case "NAK" -> {
                    LOG.log(Level.INFO, "{0}: server refused capabilities {1}", settings.name, list);
                    requestAnswered();
                }
                case "NEW" -> {
                    Map<String, String> added = new LinkedHashMap<>();
                    parseCapList(list, added);
                    available.putAll(added);
                    if (added.containsKey("sts") && applySts(added.get("sts"))) {
                        return;
                    }
                    Set<String> want = wanted(events.requestedCapabilities());
                    want.retainAll(added.keySet());
                    want.removeAll(enabled);
                    want.remove("sasl");
                    request(want);
                }
                case "DEL" -> {
                    Set<String> next = new HashSet<>(enabled);
                    for (String cap : StringUtils.split(list, ' ')) {
                        available.remove(cap);
                        next.remove(cap);
                    }
                    enabled = Set.copyOf(next);
                }
                default -> {
                    // LIST and unknown subcommands need no action
                }
            }
        }

        /**
         * Applies an sts capability value; returns true when this plaintext link must be dropped for a TLS one.
         * Over verified TLS the policy (duration) is stored or refreshed; over plaintext only the port counts.
         * Over TLS without certificate verification nothing is stored: whoever answered may not be the server,
         * and a policy it made up would outlive this link.
         */
        private boolean applySts(String value) {
            Map<String, String> keys = StsPolicies.parse(value);
            String host = link.server().host();
            try {
                if (link.encrypted() && !link.secure()) {
                    LOG.log(Level.INFO, "{0}: not storing the STS policy of {1}: its certificate is not verified",
                            settings.name, link.server());
                    return false;
                }
                if (link.secure()) {
                    if (keys.containsKey("duration")) {
                        sts.update(host, link.server().port(), java.time.Duration.ofSeconds(
                                Long.parseLong(keys.get("duration"))));
                    }
                    return false;
                }
                if (!keys.containsKey("port")) {
                    return false;
                }
                int port = Integer.parseInt(keys.get("port"));
                if (port < 1 || port > 65535) {
                    return false;
                }
                stsUpgrades.put(hostKey(host), port);
                stsUpgrade = true;
                abort("Server " + link.server() + " requires TLS (STS); reconnecting securely on port " + port);
                return true;
            } catch (NumberFormatException e) {
                LOG.log(Level.WARNING, "{0}: ignoring malformed sts value {1}", settings.name, value);
                return false;
            }
        }

        private void parseCapList(String list, Map<String, String> into) {
            for (String token : StringUtils.split(list, ' ')) {
                int eq = token.indexOf('=');
                if (eq < 0) {
                    into.put(token, "");
                } else {
                    into.put(token.substring(0, eq), token.substring(eq + 1));
                }
            }
        }

        private void capsListed() {
            if (available.containsKey("sts") && applySts(available.get("sts"))) {
                return;
            }
            if (registrationHeld) {
                sendRegistration();
            }
            // plugin code, so asked once and never under the connection's lock
            Set<String> requested = Set.copyOf(events.requestedCapabilities());
            Set<String> want = wanted(requested);
            if (isSaslConfigured()) {
                String problem = saslProblem();
                if (problem != null) {
                    want.remove("sasl");
                    if (settings.saslRequired) {
                        fail(problem);
                        return;
                    }
                    events.notice(problem + "; continuing without SASL");
                }
            }
            want.retainAll(available.keySet());
            synchronized (NetworkConnection.this) {
                lastRequested = requested;
            }
            if (!request(want)) {
                capEnd();
            }
        }

        private String saslProblem() {
            String mechanism = settings.saslMechanism;
            if (!available.containsKey("sasl")) {
                return "Server " + link.server() + " does not offer SASL; not continuing unauthenticated "
                        + "(set sasl.required=false to connect anyway)";
            }
            String offered = available.get("sasl");
            if (!offered.isEmpty() && !List.of(offered.split(",")).contains(mechanism)) {
                return "Server " + link.server() + " offers SASL " + offered + " but not " + mechanism;
            }
            if (mechanism.equals("PLAIN") && !link.secure() && !settings.saslAllowPlaintext) {
                if (link.encrypted()) {
                    return "Refusing to send SASL PLAIN credentials to " + link.server() + ": its TLS certificate "
                            + "is not verified (tls.insecureSkipVerify), so anyone could be answering (pin its "
                            + "fingerprint with tls.pinnedFingerprints instead, or set sasl.allowPlaintext=true)";
                }
                return "Refusing to send SASL PLAIN credentials over an unencrypted connection to "
                        + link.server() + " (use a TLS server, +host:port, or set sasl.allowPlaintext=true)";
            }
            // the client certificate proves who we are without a secret a server could replay: encryption suffices
            if (mechanism.equals("EXTERNAL") && !link.encrypted()) {
                return "SASL EXTERNAL needs a TLS connection with a client certificate";
            }
            return null;
        }

        /** Sends CAP REQ lines (each under 510 bytes); returns whether anything was requested. */
        private boolean request(Collection<String> caps) {
            if (caps.isEmpty()) {
                return false;
            }
            StringBuilder line = new StringBuilder();
            for (String cap : caps) {
                if (line.length() > 0 && "CAP REQ :".length() + line.length() + 1 + cap.length() > 510 - 2) {
                    sendRequest(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(cap);
            }
            sendRequest(line.toString());
            return true;
        }

        private void sendRequest(String caps) {
            pendingRequests++;
            control(IrcMessage.of("CAP", "REQ", caps));
        }

        private void requestAnswered() {
            pendingRequests = Math.max(0, pendingRequests - 1);
            if (pendingRequests > 0 || capEnded) {
                return;
            }
            if (isSaslConfigured() && enabled.contains("sasl") && sasl == null && !saslSucceeded) {
                sasl = new SaslClient(settings.saslMechanism, settings.saslUser, settings.saslPassword);
                control(IrcMessage.of("AUTHENTICATE", settings.saslMechanism));
            } else if (isSaslConfigured() && settings.saslRequired && !saslSucceeded) {
                fail("Server " + link.server() + " refused the sasl capability; not continuing unauthenticated");
            } else {
                capEnd();
            }
        }

        private void capEnd() {
            if (!capEnded) {
                capEnded = true;
                control(IrcMessage.of("CAP", "END"));
            }
        }

        void capabilitiesChanged() {
            // plugin code: asked before taking any lock, so that a slow or re-entrant CapabilityRequest blocks
            // neither the reader nor send()
            Set<String> now = Set.copyOf(events.requestedCapabilities());
            synchronized (this) {
                capabilitiesChanged(now);
            }
        }

        private void capabilitiesChanged(Set<String> now) {
            if (!capLsDone) {
                return;
            }
            if (capEnded && !registered) {
                // a CAP REQ between CAP END and 001 would suspend registration again until another CAP END
                capabilitiesChangedWhileRegistering = true;
                return;
            }
            Set<String> want = wanted(now);
            want.retainAll(available.keySet());
            want.removeAll(enabled);
            want.remove("sasl");
            Set<String> release = new LinkedHashSet<>();
            synchronized (NetworkConnection.this) {
                for (String cap : lastRequested) {
                    if (!now.contains(cap) && !OWN_CAPABILITIES.contains(cap) && enabled.contains(cap)) {
                        release.add("-" + cap);
                    }
                }
                lastRequested = Set.copyOf(now);
            }
            want.addAll(release);
            request(want);
        }

        // ------------------------------------------------------------ SASL

        private void authenticate(IrcMessage m) {
            if (sasl == null) {
                return;
            }
            try {
                for (String payload : sasl.onServerData(StringUtils.defaultString(m.param(0), "+"))) {
                    control(IrcMessage.of("AUTHENTICATE", payload));
                }
            } catch (SaslClient.SaslException | IllegalArgumentException e) {
                control(IrcMessage.of("AUTHENTICATE", "*"));
                saslFailedWith("SASL " + settings.saslMechanism + " failed: " + e.getMessage());
            }
        }

        private void saslSucceeded(IrcMessage m) {
            if (sasl == null) {
                // no exchange of ours is under way (none began, or it failed): nothing to succeed
                return;
            }
            if (!sasl.serverProvedItself()) {
                // Anyone can say 903. For SCRAM the server's signature (v=) is what shows it holds the password's
                // keys; without it this may be an impostor that merely let us in.
                saslFailedWith("SASL " + sasl.mechanism() + " failed: the server did not prove it knows the password ("
                        + m.command() + " before a verified SCRAM server signature)");
                return;
            }
            sasl = null;
            saslSucceeded = true;
            capEnd();
        }

        private void saslFailed(IrcMessage m) {
            if (m.command().equals("906") && sasl == null) {
                return;
            }
            saslFailedWith("SASL authentication as " + settings.saslUser + " failed (" + m.command() + ": "
                    + StringUtils.defaultString(m.lastParam()) + ")");
        }

        private void saslFailedWith(String what) {
            sasl = null;
            if (settings.saslRequired) {
                fail(what + "; disconnected. Check the SASL settings, then reconnect");
            } else {
                events.notice(what + "; continuing unauthenticated");
                capEnd();
            }
        }
    }

    private boolean isSaslConfigured() {
        return !settings.saslMechanism.equals("NONE");
    }
}
