package org.switchboard.shell;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.lang3.StringUtils;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.switchboard.api.command.CommandDispatcher;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.IrcProtocolException;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Session;

/**
 * Gogo commands in the {@code irc} scope. A plain component: Gogo finds it by its {@code osgi.command.*}
 * service properties and calls the public methods by name, turning the typed words into the String arguments;
 * several words of text arrive as separate arguments, hence the {@code String...} parameters.
 *
 * <h2>Choosing the network</h2>
 * With exactly one network connected, no command needs a network. Otherwise a buffer or target is written
 * {@code network/name} ({@code irc:join libera/#java}, {@code irc:tail oftc/#debian}); {@code irc:disconnect}
 * takes the network name, and {@code irc:raw} takes it as its first word ({@code irc:raw libera PING x}).
 *
 * <h2>Errors</h2>
 * Bad input and unusable states throw {@link IllegalArgumentException} or {@link IllegalStateException} with a
 * message for the user: Gogo prints it, and a script can catch it. Commands that go through the command
 * dispatcher ({@code join}, {@code part}, {@code say}, {@code msg}) print the feedback the command wrote into
 * its buffer, and fail when that feedback was an error.
 *
 * <p>Everything this component uses is optional and dynamic, so the shell stays usable (and says what is
 * missing) while the session, dispatcher or feature bundles are stopped, swapped or updated.
 */
@Component(service = ShellCommands.class, property = {
        "osgi.command.scope=irc",
        "osgi.command.function=networks", "osgi.command.function=connect", "osgi.command.function=disconnect",
        "osgi.command.function=join", "osgi.command.function=part", "osgi.command.function=say",
        "osgi.command.function=msg", "osgi.command.function=raw", "osgi.command.function=buffers",
        "osgi.command.function=tail" })
public final class ShellCommands {

    static final String NICK_PROPERTY = "switchboard.nick";
    static final String FRAMEWORK_UUID = "org.osgi.framework.uuid";
    static final int DEFAULT_TAIL_LINES = 20;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Map<String, IrcConnection> connections = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Session session;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CommandDispatcher dispatcher;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile IrcProtocol protocol;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationAdmin configurationAdmin;

    private final ZoneId zone;
    private volatile String launchNick;
    private volatile String launch;

    public ShellCommands() {
        this(ZoneId.systemDefault());
    }

    /** For tests: times in {@code tail} are shown in {@code zone}. */
    ShellCommands(ZoneId zone) {
        this.zone = zone;
    }

    @Activate
    void activate(BundleContext context) {
        launchNick = context.getProperty(NICK_PROPERTY);
        launch = context.getProperty(FRAMEWORK_UUID);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConnection(IrcConnection connection) {
        connections.put(connection.network(), connection);
    }

    void unbindConnection(IrcConnection connection) {
        connections.remove(connection.network(), connection);
    }

    // ------------------------------------------------------------------ networks

    /** {@code irc:networks}: every configured network with its state, nick and lag. */
    public String networks() {
        List<IrcConnection> all = sortedConnections();
        if (all.isEmpty()) {
            return "No networks configured; irc:connect ircs://host[:port]/#channel adds one";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NETWORK", "STATE", "NICK", "LAG"});
        for (IrcConnection c : all) {
            long lag = c.lagMillis();
            rows.add(new String[] {c.network(), c.state().name(), StringUtils.defaultString(c.nick()),
                lag < 0 ? "-" : lag + " ms"});
        }
        return TextTable.format(rows);
    }

    /**
     * {@code irc:connect <network|url>}: connects a configured network by name, or adds a network for an
     * {@code irc://} / {@code ircs://} URL (connected at once, joining the URL's channels) as the nick of the
     * {@code switchboard.nick} framework property or the OS user name.
     */
    public String connect(String networkOrUrl) {
        return connect(networkOrUrl, null);
    }

    /** {@code irc:connect <url> <nick>}: adds a network for the URL with that nick. */
    public String connect(String networkOrUrl, String nick) {
        if (NetworkUrl.looksLikeUrl(networkOrUrl)) {
            return addNetwork(NetworkUrl.parse(networkOrUrl), nick);
        }
        if (nick != null) {
            throw new IllegalArgumentException("A nick can only be given with a URL: irc:connect ircs://host <nick>");
        }
        IrcConnection connection = connectionNamed(networkOrUrl).orElseThrow(
                () -> new IllegalArgumentException("No network named '" + networkOrUrl + "'" + knownNetworks()
                        + "; give an irc:// or ircs:// URL to add one"));
        ConnectionState state = connection.state();
        if (state == ConnectionState.CONNECTED || state == ConnectionState.CONNECTING
                || state == ConnectionState.REGISTERING) {
            return connection.network() + " is already " + state.name().toLowerCase(Locale.ROOT);
        }
        connection.connect();
        return "Connecting to " + connection.network();
    }

    /**
     * Writes the same factory configuration as a URL given on the command line (transient: dropped at the next
     * launch), so the connection bundle creates the connection.
     */
    private String addNetwork(NetworkUrl url, String nick) {
        ConfigurationAdmin admin = configurationAdmin;
        if (admin == null) {
            throw new IllegalStateException("Configuration Admin is not running: cannot add a network");
        }
        String chosenNick = StringUtils.isNotBlank(nick) ? nick.strip()
                : StringUtils.isNotBlank(launchNick) ? launchNick.strip()
                : defaultNick(System.getProperty("user.name"));
        String name = url.host();
        for (int i = 2; connections.containsKey(name); i++) {
            name = url.host() + "-" + i;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(IrcConnection.NETWORK_PROPERTY, name);
        properties.put("servers", new String[] {url.server()});
        properties.put("nick", chosenNick);
        properties.put("autojoin", url.channels().toArray(String[]::new));
        properties.put("transient", Boolean.TRUE);
        if (launch != null) {
            properties.put("transient.launch", launch);
        }
        try {
            Configuration configuration = admin.createFactoryConfiguration(IrcConnection.NETWORK_FACTORY_PID, "?");
            configuration.update(properties);
        } catch (IOException e) {
            throw new IllegalStateException("Could not store the network configuration: " + e.getMessage(), e);
        }
        return "Added network " + name + " (" + url.server() + ") as " + chosenNick
                + (url.channels().isEmpty() ? "" : ", joining " + String.join(", ", url.channels()));
    }

    /** The OS user name made acceptable as an IRC nick, as for command-line URLs. */
    static String defaultNick(String userName) {
        StringBuilder sb = new StringBuilder();
        for (char c : StringUtils.defaultString(userName).toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || "[]\\`_^{|}-".indexOf(c) >= 0)) {
                sb.append(c);
            }
        }
        while (sb.length() > 0 && (Character.isDigit(sb.charAt(0)) || sb.charAt(0) == '-')) {
            sb.deleteCharAt(0);
        }
        String nick = StringUtils.left(sb.toString(), 16);
        return nick.isEmpty() ? "switchboard" : nick;
    }

    /** {@code irc:disconnect}: disconnects the one connected network. */
    public String disconnect() {
        return disconnect(defaultNetwork().network(), new String[0]);
    }

    /** {@code irc:disconnect <network> [reason...]}. */
    public String disconnect(String network, String... reason) {
        IrcConnection connection = connectionNamed(network).orElseThrow(
                () -> new IllegalArgumentException("No network named '" + network + "'" + knownNetworks()));
        if (connection.state() == ConnectionState.DISCONNECTED) {
            throw new IllegalStateException(connection.network() + " is not connected");
        }
        String text = String.join(" ", reason).strip();
        connection.disconnect(text.isEmpty() ? null : text);
        return "Disconnected from " + connection.network();
    }

    // ------------------------------------------------------------------ through the command registry

    /** {@code irc:join [network/]#channel [key]}: runs {@code /join} through the command dispatcher. */
    public String join(String channel, String... key) {
        Target target = channelTarget(channel);
        return runCommand(target.network(), target.network(), "join",
                target.name() + (key.length == 0 ? "" : " " + String.join(" ", key)));
    }

    /** {@code irc:part [network/]#channel [reason...]}: runs {@code /part} through the command dispatcher. */
    public String part(String channel, String... reason) {
        Target target = channelTarget(channel);
        return runCommand(target.network(), target.network(), "part",
                target.name() + (reason.length == 0 ? "" : " " + String.join(" ", reason)));
    }

    /**
     * {@code irc:say [network/]<#channel|nick> <text...>}: the text as typed in that buffer (a query buffer is
     * opened for a nick). Text starting with {@code /} is sent as text, not run as a command.
     */
    public String say(String target, String... words) {
        String text = text(words, "irc:say <#channel|nick> <text...>");
        Target t = target(target);
        Session s = requireSession();
        if (s.find(t.network(), t.name()).isEmpty()) {
            IrcConnection connection = connections.get(t.network());
            if (connection != null && connection.isupport().isChannel(t.name())) {
                throw new IllegalStateException("Not in " + t.name() + " on " + t.network() + "; irc:join it first");
            }
            s.openQuery(t.network(), t.name());
        }
        String input = text.startsWith("/") ? "/" + text : text;
        return dispatch(t.network(), t.name(), input);
    }

    /**
     * {@code irc:msg [network/]<target> <text...>}: through {@code /msg} while a bundle provides it, else as a
     * PRIVMSG sent directly.
     */
    public String msg(String target, String... words) {
        String text = text(words, "irc:msg <#channel|nick> <text...>");
        Target t = target(target);
        CommandDispatcher d = dispatcher;
        if (d != null && d.hasCommand("msg")) {
            return runCommand(t.network(), t.network(), "msg", t.name() + " " + text);
        }
        IrcConnection connection = requireConnected(t.network());
        IrcMessage message = IrcMessage.of("PRIVMSG", t.name(), text);
        IrcProtocol p = protocol;
        List<IrcMessage> parts = p == null ? List.of(message)
                : p.splitMessage(message, connection.ownSource(), connection.isupport().linelen());
        for (IrcMessage part : parts) {
            if (!connection.send(part)) {
                throw new IllegalStateException("The connection to " + t.network() + " refused the message");
            }
        }
        return null;
    }

    /** {@code irc:raw [network] <line...>}: a protocol line, checked by the parser, sent as it is. */
    public String raw(String... words) {
        if (words.length == 0) {
            throw new IllegalArgumentException("Usage: irc:raw [network] <IRC line>");
        }
        int first = 0;
        String network;
        if (words.length > 1 && connectionNamed(words[0]).isPresent()) {
            network = connectionNamed(words[0]).get().network();
            first = 1;
        } else {
            network = defaultNetwork().network();
        }
        IrcProtocol p = protocol;
        if (p == null) {
            throw new IllegalStateException("The protocol service is not running");
        }
        String line = String.join(" ", List.of(words).subList(first, words.length));
        IrcMessage message;
        try {
            message = p.parse(line);
        } catch (IrcProtocolException e) {
            throw new IllegalArgumentException("Not sent, malformed IRC line: " + e.getMessage(), e);
        }
        IrcConnection connection = connections.get(network);
        ConnectionState state = connection.state();
        if (state != ConnectionState.CONNECTED && state != ConnectionState.REGISTERING) {
            throw new IllegalStateException("Not connected to " + network);
        }
        if (!connection.send(message.withSource(null))) {
            throw new IllegalStateException("The connection to " + network + " refused the line");
        }
        return null;
    }

    // ------------------------------------------------------------------ buffers

    /** {@code irc:buffers}: every buffer with its type, lines held and unread count. */
    public String buffers() {
        List<Buffer> all = requireSession().buffers();
        if (all.isEmpty()) {
            return "No buffers";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NETWORK", "BUFFER", "TYPE", "LINES", "UNREAD"});
        for (Buffer b : all) {
            rows.add(new String[] {b.network(), b.name(), b.type().name().toLowerCase(Locale.ROOT),
                Long.toString(b.endLine() - b.firstLine()), Integer.toString(b.unreadCount())});
        }
        return TextTable.format(rows);
    }

    /** {@code irc:tail [network/]<buffer>}: the last {@value #DEFAULT_TAIL_LINES} lines. */
    public String tail(String buffer) {
        return tail(buffer, DEFAULT_TAIL_LINES);
    }

    /** {@code irc:tail [network/]<buffer> <n>}: the last n lines, as {@code HH:mm <nick> text}. */
    public String tail(String buffer, int lines) {
        if (lines < 1) {
            throw new IllegalArgumentException("The number of lines must be at least 1");
        }
        Buffer b = findBuffer(buffer);
        long end = b.endLine();
        List<BufferLine> tail = b.lines(Math.max(b.firstLine(), end - lines), end);
        StringBuilder out = new StringBuilder();
        for (BufferLine line : tail) {
            if (out.length() > 0) {
                out.append(System.lineSeparator());
            }
            out.append(format(line));
        }
        return out.toString();
    }

    String format(BufferLine line) {
        String time = CLOCK.format(Instant.ofEpochMilli(line.time()).atZone(zone));
        IrcProtocol p = protocol;
        String text = p == null ? line.text() : p.stripFormatting(line.text());
        String nick = line.nick();
        return time + " " + switch (line.kind()) {
            case MESSAGE -> "<" + StringUtils.defaultString(nick, "?") + "> " + text;
            case ACTION -> "* " + StringUtils.defaultString(nick, "?") + " " + text;
            case NOTICE -> nick == null ? "-- " + text : "-" + nick + "- " + text;
            case ERROR -> "!! " + text;
            default -> "-- " + text;
        };
    }

    // ------------------------------------------------------------------ helpers

    /** A buffer or target name with its network. */
    record Target(String network, String name) {
    }

    /**
     * Reads {@code network/name} when the part before the first slash is a configured network; otherwise the
     * name belongs to the one connected network. Channel names may themselves hold a slash, hence the check.
     */
    Target target(String spec) {
        if (StringUtils.isBlank(spec)) {
            throw new IllegalArgumentException("A channel or nick is needed");
        }
        int slash = spec.indexOf('/');
        if (slash > 0 && slash < spec.length() - 1) {
            Optional<IrcConnection> named = connectionNamed(spec.substring(0, slash));
            if (named.isPresent()) {
                return new Target(named.get().network(), spec.substring(slash + 1));
            }
        }
        return new Target(defaultNetwork().network(), spec);
    }

    /**
     * A target that must be a channel; a name without a channel type gets {@code #}, which also spares shell
     * users from quoting {@code #}.
     */
    private Target channelTarget(String spec) {
        Target target = target(spec);
        IrcConnection connection = connections.get(target.network());
        if (connection != null && !connection.isupport().isChannel(target.name())) {
            return new Target(target.network(), "#" + target.name());
        }
        return target;
    }

    private Buffer findBuffer(String spec) {
        Session s = requireSession();
        int slash = spec.indexOf('/');
        if (slash > 0) {
            Optional<IrcConnection> named = connectionNamed(spec.substring(0, slash));
            String network = named.map(IrcConnection::network).orElse(spec.substring(0, slash));
            Optional<Buffer> found = s.find(network, spec.substring(slash + 1));
            if (found.isPresent()) {
                return found.get();
            }
        }
        List<Buffer> matches = new ArrayList<>();
        for (Buffer b : s.buffers()) {
            if (b.name().equalsIgnoreCase(spec)) {
                matches.add(b);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No buffer '" + spec + "'; irc:buffers lists them");
        }
        List<String> names = new ArrayList<>();
        for (Buffer b : matches) {
            names.add(b.network() + "/" + b.name());
        }
        throw new IllegalArgumentException("'" + spec + "' is open on several networks: write one of "
                + String.join(", ", names));
    }

    /** The one connected network (or the one configured network); an error naming the choices otherwise. */
    IrcConnection defaultNetwork() {
        List<IrcConnection> all = sortedConnections();
        if (all.size() == 1) {
            return all.get(0);
        }
        List<IrcConnection> connected = new ArrayList<>();
        for (IrcConnection c : all) {
            if (c.state() == ConnectionState.CONNECTED) {
                connected.add(c);
            }
        }
        if (connected.size() == 1) {
            return connected.get(0);
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("No networks configured; irc:connect ircs://host/#channel adds one");
        }
        String problem = connected.isEmpty() ? "No network is connected" : "Several networks are connected";
        throw new IllegalArgumentException(problem + "; name one as network/#channel (or as the first argument of irc:raw and irc:disconnect)"
                + knownNetworks());
    }

    private Optional<IrcConnection> connectionNamed(String name) {
        IrcConnection exact = connections.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (IrcConnection c : connections.values()) {
            if (c.network().equalsIgnoreCase(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private IrcConnection requireConnected(String network) {
        IrcConnection connection = connectionNamed(network)
                .orElseThrow(() -> new IllegalArgumentException("No network named '" + network + "'"));
        if (connection.state() != ConnectionState.CONNECTED) {
            throw new IllegalStateException("Not connected to " + network);
        }
        return connection;
    }

    private List<IrcConnection> sortedConnections() {
        List<IrcConnection> all = new ArrayList<>(connections.values());
        all.sort(Comparator.comparing(IrcConnection::network, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    private String knownNetworks() {
        List<String> names = new ArrayList<>();
        for (IrcConnection c : sortedConnections()) {
            names.add(c.network());
        }
        return names.isEmpty() ? "" : " (networks: " + String.join(", ", names) + ")";
    }

    private Session requireSession() {
        Session s = session;
        if (s == null) {
            throw new IllegalStateException("The session is not running");
        }
        return s;
    }

    private static String text(String[] words, String usage) {
        String text = String.join(" ", words);
        if (text.isBlank()) {
            throw new IllegalArgumentException("Usage: " + usage);
        }
        return text;
    }

    /**
     * Runs a slash command only while some bundle provides it: the point of going through the dispatcher is
     * that stopping the feature bundle takes the shell command's effect away too.
     */
    private String runCommand(String network, String buffer, String command, String arguments) {
        CommandDispatcher d = dispatcher;
        if (d == null || !d.hasCommand(command)) {
            throw new IllegalStateException("No bundle provides /" + command + " right now");
        }
        return dispatch(network, buffer, "/" + command + " " + arguments);
    }

    /**
     * Runs one line of input and hands back the feedback the dispatcher wrote into the buffer meanwhile (lines
     * without a nick, of kind INFO or ERROR); an error there fails the shell command too.
     */
    private String dispatch(String network, String buffer, String input) {
        CommandDispatcher d = dispatcher;
        if (d == null) {
            throw new IllegalStateException("The command dispatcher is not running");
        }
        Session s = session;
        Optional<Buffer> feedbackBuffer = s == null ? Optional.empty()
                : s.find(network, buffer).or(() -> s.find(network, network));
        long before = feedbackBuffer.map(Buffer::endLine).orElse(0L);
        d.execute(network, buffer, input);
        if (feedbackBuffer.isEmpty()) {
            return null;
        }
        List<String> info = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Buffer b = feedbackBuffer.get();
        for (BufferLine line : b.lines(before, b.endLine())) {
            if (line.nick() == null && line.kind() == LineKind.ERROR) {
                errors.add(line.text());
            } else if (line.nick() == null && line.kind() == LineKind.INFO) {
                info.add(line.text());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join(System.lineSeparator(), errors));
        }
        return info.isEmpty() ? null : String.join(System.lineSeparator(), info);
    }
}
