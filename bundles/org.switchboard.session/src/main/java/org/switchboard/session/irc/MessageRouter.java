package org.switchboard.session.irc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.CtcpMessage;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.ServicesPasswords;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.IrcSource;
import org.switchboard.api.irc.Isupport;
import org.switchboard.api.irc.ModeChange;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Member;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.session.model.BufferState;
import org.switchboard.session.model.NetworkState;
import org.switchboard.session.model.SessionModel;

/**
 * Turns what connections receive and send into session state: buffers, members, topics and scrollback lines.
 * Called on each connection's reader (and writer) thread; all work for one network happens under that
 * network's lock so that readers of the model never see half an update.
 */
public final class MessageRouter {

    private static final System.Logger LOG = System.getLogger(MessageRouter.class.getName());
    private static final DateTimeFormatter TOPIC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final UserReplies USER_REPLIES = new UserReplies(ZoneId.systemDefault());
    /** How many message ids per network are remembered to drop replayed duplicates. */
    private static final int SEEN_MSGIDS = 4096;
    /** How many nicks a /names listing names before it only counts the rest. */
    static final int LISTED_MEMBERS = 300;
    private static final byte[] NO_TEXT = new byte[0];
    private static final byte CTCP_DELIMITER = 1;
    private static final byte[] ACTION = "ACTION".getBytes(StandardCharsets.US_ASCII);

    private final SessionModel model;
    private final IrcProtocol protocol;
    private final LongSupplier clock;
    private final Map<String, RoutingState> routing = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile List<String> highlightWords = List.of();
    /** Numerics that a feature presents itself, left out of the server buffer. */
    private volatile Set<String> claimed = Set.of();

    /**
     * Per-network state that only the router needs: the network's model, open batches, recent message ids and the
     * highlight matchers, kept here so that a line costs one map lookup to find all of it.
     */
    private static final class RoutingState {
        final NetworkState network;
        /** The own nick and the highlight words as matchers, rebuilt when the nick, words or case mapping change. */
        WholeWordMatcher ownNick;
        List<String> matchedWords = List.of();
        List<WholeWordMatcher> wordMatchers = List.of();
        /** Open batches by reference, oldest first: a server that never closes them cannot grow this beyond a bound. */
        final Map<String, String> batchTypes = new LinkedHashMap<>();
        /** Open netsplit/netjoin batches: who left or came back, per channel, shown as one line at the end. */
        final Map<String, FoldedBatch> folded = new java.util.HashMap<>();
        final RecentIds seenMsgids = new RecentIds(SEEN_MSGIDS);

        RoutingState(NetworkState network) {
            this.network = network;
        }
    }

    /**
     * A netsplit or netjoin batch being collected. Per channel it keeps only the names its line shows and a count of
     * the rest, so a batch the server fills without end (JOIN and QUIT of the same nick, again and again) stays small.
     */
    private static final class FoldedBatch {
        final boolean split;
        final String servers;
        final long time;
        final Map<BufferState, FoldedNicks> nicks = new LinkedHashMap<>();

        FoldedBatch(boolean split, String servers, long time) {
            this.split = split;
            this.servers = servers;
            this.time = time;
        }

        void add(BufferState buffer, String nick) {
            FoldedNicks channel = nicks.computeIfAbsent(buffer, b -> new FoldedNicks());
            if (channel.shown.size() < FOLDED_NAMES) {
                channel.shown.add(nick);
            }
            channel.count++;
        }
    }

    /** One channel's part of a folded batch: the first names and how many there are in all. */
    private static final class FoldedNicks {
        final List<String> shown = new ArrayList<>();
        int count;
    }

    /** The netsplit/netjoin batch a message belongs to, or null. */
    private FoldedBatch foldedBatch(NetworkState network, IrcMessage m) {
        String batch = m.tag("batch");
        return batch == null ? null : routing(network.name()).folded.get(batch);
    }

    /** Names shown in one folded line before "and N more". */
    private static final int FOLDED_NAMES = 25;
    /**
     * Batches open at once on one network: servers nest a few (a netsplit inside a chathistory), never dozens. Past
     * this the oldest is given up on, so a server that never closes its batches cannot grow the router's state.
     */
    public static final int MAX_OPEN_BATCHES = 64;

    public MessageRouter(SessionModel model, IrcProtocol protocol, LongSupplier clock) {
        this.model = model;
        this.protocol = protocol;
        this.clock = clock;
    }

    /** Words besides the own nick that highlight a line (whole words, case-insensitive). */
    public void setHighlightWords(List<String> words) {
        List<String> cleaned = new ArrayList<>();
        for (String word : words) {
            if (word != null && !word.isBlank()) {
                cleaned.add(word.strip());
            }
        }
        highlightWords = List.copyOf(cleaned);
    }

    /** The replies features claim (see {@code IrcMessageListener.CLAIMS_PROPERTY}): not written to the server buffer. */
    public void setClaimed(Set<String> commands) {
        claimed = Set.copyOf(commands);
    }

    private RoutingState routing(String network) {
        RoutingState state = routing.get(network);
        return state != null ? state : routing.computeIfAbsent(network, n -> new RoutingState(model.network(n)));
    }

    /** The connection's routing state, its network brought up to date with what the server announced. */
    private RoutingState routing(IrcConnection connection) {
        RoutingState state = routing(connection.network());
        Isupport isupport = connection.isupport();
        if (isupport != null) {
            state.network.updateIsupport(isupport.caseMapping(), isupport.prefix());
        }
        return state;
    }

    private NetworkState network(IrcConnection connection) {
        return routing(connection).network;
    }

    // --- connection life cycle ---

    public void connectionAdded(IrcConnection connection) {
        NetworkState network = network(connection);
        synchronized (network) {
            network.setOwnNick(connection.nick());
            if (network.server().setActive(connection.state() == ConnectionState.CONNECTED)) {
                network.fire(SessionEvent.Type.BUFFER_STATE_CHANGED, network.server());
            }
        }
    }

    public void connectionRemoved(IrcConnection connection) {
        model.existingNetwork(connection.network()).ifPresent(network -> {
            synchronized (network) {
                deactivateAll(network);
                RoutingState state = routing.get(network.name());
                if (state != null) {
                    endOpenBatches(state);
                }
            }
        });
    }

    public void stateChanged(IrcConnection connection, ConnectionState current, String detail) {
        NetworkState network = network(connection);
        synchronized (network) {
            // While connecting, the connection's detail says it best ("Connecting to host:6697"); when the link
            // goes down, what happened comes first and the detail says why.
            boolean hasDetail = detail != null && !detail.isBlank();
            String text = switch (current) {
                case CONNECTING -> hasDetail ? detail : "Connecting…";
                case REGISTERING -> hasDetail ? detail : "Connected; logging in…";
                case CONNECTED -> hasDetail ? detail : "Logged in as " + connection.nick();
                case DISCONNECTED -> "Disconnected" + (hasDetail ? ": " + detail : "");
                case WAITING_TO_RECONNECT -> "Connection lost" + (hasDetail ? ": " + detail : "");
            };
            boolean failure = detail != null
                    && (current == ConnectionState.DISCONNECTED || current == ConnectionState.WAITING_TO_RECONNECT);
            network.server().append(now(null), failure ? LineKind.ERROR : LineKind.INFO, null, text, 0);
            if (current == ConnectionState.CONNECTED) {
                network.setOwnNick(connection.nick());
                setActive(network, network.server(), true);
                for (BufferState buffer : network.buffers()) {
                    if (buffer.type() == BufferType.QUERY) {
                        setActive(network, buffer, true);
                    }
                }
            } else {
                network.setOwnAway(false);
                // Where the user was talking, the gap in the conversation is explained; buffers already
                // inactive (a retry that failed again) are not told twice.
                for (BufferState buffer : network.buffers()) {
                    if (buffer.type() != BufferType.SERVER && buffer.active()) {
                        buffer.append(now(null), failure ? LineKind.ERROR : LineKind.INFO, null, text, 0);
                    }
                }
                deactivateAll(network);
                // the batches of the link that ended: their references mean nothing on the next one
                endOpenBatches(routing(network.name()));
            }
        }
    }

    /** Forgets every open batch; what open netsplit or netjoin batches collected is shown, not lost. */
    private static void endOpenBatches(RoutingState state) {
        for (FoldedBatch open : state.folded.values()) {
            foldedLines(open);
        }
        state.folded.clear();
        state.batchTypes.clear();
    }

    /** Forgets one open batch; what it collected, if it folds lines, is shown. */
    private static void endBatch(RoutingState state, String id) {
        state.batchTypes.remove(id);
        FoldedBatch done = state.folded.remove(id);
        if (done != null) {
            foldedLines(done);
        }
    }

    private void deactivateAll(NetworkState network) {
        for (BufferState buffer : network.buffers()) {
            setActive(network, buffer, false);
        }
        network.clearAllMembers();
    }

    private static void setActive(NetworkState network, BufferState buffer, boolean active) {
        if (buffer.setActive(active)) {
            network.fire(SessionEvent.Type.BUFFER_STATE_CHANGED, buffer);
        }
    }

    public void notice(IrcConnection connection, String text) {
        NetworkState network = network(connection);
        synchronized (network) {
            network.server().append(now(null), LineKind.INFO, null, text, 0);
        }
    }

    /**
     * Shows what we sent, for servers that do not echo it back: without echo-message the server never tells
     * us our own PRIVMSG and NOTICE.
     */
    public void messageSent(IrcConnection connection, IrcMessage message) {
        if (!(message.is("PRIVMSG") || message.is("NOTICE")) || message.params().size() < 2
                || connection.enabledCapabilities().contains("echo-message")) {
            return;
        }
        RoutingState state = routing(connection);
        NetworkState network = state.network;
        synchronized (network) {
            String own = connection.nick();
            network.setOwnNick(own);
            String source = connection.ownSource() != null ? connection.ownSource() : own;
            for (String target : message.param(0).split(",")) {
                if (!target.isEmpty()) {
                    routeMessage(connection, state,
                            new IrcMessage(message.tags(), source, message.command(), List.of(target,
                                    message.param(1))), message.is("NOTICE"));
                }
            }
        }
    }

    // --- received messages ---

    public void onMessage(IrcConnection connection, IrcMessage message) {
        RoutingState state = routing(connection);
        NetworkState network = state.network;
        synchronized (network) {
            try {
                dispatch(connection, state, message);
            } catch (RuntimeException e) {
                // A message we cannot make sense of must not take the reader thread down.
                LOG.log(System.Logger.Level.WARNING, "Could not apply " + message + " on " + network.name(), e);
            }
        }
    }

    private void dispatch(IrcConnection connection, RoutingState state, IrcMessage m) {
        NetworkState network = state.network;
        String command = m.command();
        switch (command) {
            case "PING", "PONG", "CAP", "AUTHENTICATE" -> {
                // handled by the connection and keepalive bundles
            }
            case "PRIVMSG" -> routeMessage(connection, state, m, false);
            case "NOTICE" -> routeMessage(connection, state, m, true);
            case "JOIN" -> join(connection, network, m);
            case "PART" -> part(network, m);
            case "KICK" -> kick(network, m);
            case "QUIT" -> quit(network, m);
            case "NICK" -> nick(network, m);
            case "MODE" -> mode(connection, network, m);
            case "TOPIC" -> topic(network, m);
            case "AWAY" -> userDetail(network, m, u -> u.away(m.param(0) != null));
            case "ACCOUNT" -> userDetail(network, m, u -> u.account(accountOrNull(m.param(0))));
            case "CHGHOST" -> userDetail(network, m, u -> u.userAndHost(m.param(0), m.param(1)));
            case "SETNAME" -> userDetail(network, m, u -> u.realName(m.param(0)));
            case "BATCH" -> batch(network, m);
            case "ERROR" -> network.server().append(now(m), LineKind.ERROR, null,
                    "Server closed the link: " + nullToEmpty(m.lastParam()), 0);
            case "INVITE" -> network.server().append(now(m), LineKind.INFO, m.sourceNick(),
                    m.sourceNick() + " invites you to " + m.param(1), BufferLine.HIGHLIGHT);
            case "WALLOPS" -> network.server().append(now(m), LineKind.NOTICE, m.sourceNick(),
                    nullToEmpty(m.lastParam()), 0);
            default -> {
                if (isNumeric(command)) {
                    numeric(network, m);
                } else {
                    network.server().append(now(m), LineKind.INFO, m.sourceNick(),
                            command + " " + String.join(" ", m.params()), 0);
                }
            }
        }
    }

    private static boolean isNumeric(String command) {
        return command.length() == 3 && Character.isDigit(command.charAt(0)) && Character.isDigit(command.charAt(1))
                && Character.isDigit(command.charAt(2));
    }

    private void numeric(NetworkState network, IrcMessage m) {
        BufferState server = network.server();
        switch (m.command()) {
            case "001" -> {
                network.setOwnNick(m.param(0));
                server.append(now(m), LineKind.INFO, null, nullToEmpty(m.lastParam()), 0);
            }
            case "375", "372", "376", "422" -> server.append(now(m), LineKind.MOTD, null,
                    nullToEmpty(m.lastParam()), 0);
            case "331" -> withBuffer(network, m.param(1), b -> {
                b.setTopic("", null, 0);
                network.fire(SessionEvent.Type.TOPIC_CHANGED, b);
            });
            case "332" -> {
                BufferState channel = network.findChannelOrQuery(m.param(1));
                if (channel == null) {
                    server.append(now(m), LineKind.TOPIC, null, "Topic for " + m.param(1) + ": " + m.lastParam(), 0);
                } else {
                    channel.setTopic(m.lastParam(), null, 0);
                    channel.append(now(m), LineKind.TOPIC, null, "Topic: " + m.lastParam(), 0);
                    network.fire(SessionEvent.Type.TOPIC_CHANGED, channel);
                }
            }
            case "333" -> {
                BufferState channel = network.findChannelOrQuery(m.param(1));
                if (channel != null && m.params().size() >= 4) {
                    long time = parseSeconds(m.param(3)) * 1000;
                    String setter = m.param(2);
                    channel.setTopicDetails(setter, time);
                    channel.append(now(m), LineKind.TOPIC, null, "Topic set by " + setter
                            + (time > 0 ? " on " + TOPIC_TIME.format(Instant.ofEpochMilli(time)) : ""), 0);
                    network.fire(SessionEvent.Type.TOPIC_CHANGED, channel);
                }
            }
            case "324" -> {
                BufferState channel = network.findChannelOrQuery(m.param(1));
                String modes = String.join(" ", m.params().subList(Math.min(2, m.params().size()),
                        m.params().size()));
                if (channel != null) {
                    channel.setModes(modes);
                    channel.append(now(m), LineKind.MODE, null, "Channel modes: " + modes, 0);
                    network.fire(SessionEvent.Type.BUFFER_STATE_CHANGED, channel);
                } else {
                    server.append(now(m), LineKind.MODE, null, m.param(1) + " modes: " + modes, 0);
                }
            }
            case "305", "306" -> {
                network.setOwnAway(m.command().equals("306"));
                server.append(now(m), LineKind.INFO, null, numericText(m.params()), 0);
            }
            case "353" -> names(network, m);
            case "366" -> {
                BufferState channel = network.findChannelOrQuery(m.param(1));
                // The first list after a join fills the nick list; a later one answers a /names, so it is shown.
                boolean askedFor = channel != null && channel.membersListed();
                if (channel != null && network.applyPendingNames(channel)) {
                    network.fire(SessionEvent.Type.MEMBERS_CHANGED, channel);
                    if (askedFor) {
                        channel.append(now(m), LineKind.INFO, null, memberListing(channel.name(), channel.members()), 0);
                    }
                    channel.setMembersListed();
                }
            }
            default -> {
                if (claimed.contains(m.command())) {
                    // A feature shows these replies itself (the channel list dialog shows 322s).
                    return;
                }
                if (UserReplies.isUserReply(m.command())) {
                    // An away reply also answers a message to that nick: it belongs with the conversation.
                    BufferState query = m.command().equals("301") && UserReplies.nick(m.params()) != null
                            ? network.findChannelOrQuery(UserReplies.nick(m.params())) : null;
                    (query != null ? query : server).append(now(m), LineKind.INFO, null,
                            USER_REPLIES.text(m.command(), m.params()), 0);
                    return;
                }
                int code = Integer.parseInt(m.command());
                LineKind kind = code >= 400 && code < 600 ? LineKind.ERROR : LineKind.INFO;
                List<String> params = m.params();
                String text = numericText(params);
                // Errors about a channel or nick we have a buffer for (404 cannot send, 401 no such nick...)
                // belong in that buffer, where the user just typed.
                BufferState target = kind == LineKind.ERROR && params.size() > 2
                        ? network.findChannelOrQuery(params.get(1)) : null;
                (target != null ? target : server).append(now(m), kind, null, text, 0);
            }
        }
    }

    /**
     * The readable part of a numeric: the parameters after our nick, except that counts repeated before a
     * sentence ({@code 265 me 1 1 :Current local users: 1, Max: 1}) are left out.
     */
    static String numericText(List<String> params) {
        if (params.size() < 2) {
            return "";
        }
        List<String> rest = params.subList(1, params.size());
        String last = rest.get(rest.size() - 1);
        if (last.indexOf(' ') >= 0 && rest.size() > 1
                && rest.subList(0, rest.size() - 1).stream().allMatch(p -> !p.isEmpty() && p.chars().allMatch(Character::isDigit))) {
            return last;
        }
        return String.join(" ", rest);
    }

    /**
     * {@code Users on #chan (3): @ann +bob carl}, in the nick list's order; in a huge channel only the first
     * {@link #LISTED_MEMBERS}, since one line of ten thousand nicks helps nobody and costs the window a long layout.
     */
    static String memberListing(String channelName, List<Member> members) {
        StringBuilder text = new StringBuilder("Users on ").append(channelName).append(" (")
                .append(members.size()).append("):");
        for (Member member : members.subList(0, Math.min(members.size(), LISTED_MEMBERS))) {
            text.append(' ');
            if (member.highestPrefix() != 0) {
                text.append(member.highestPrefix());
            }
            text.append(member.nick());
        }
        if (members.size() > LISTED_MEMBERS) {
            text.append(" … and ").append(members.size() - LISTED_MEMBERS).append(" more in the nick list");
        }
        return text.toString();
    }

    private static long parseSeconds(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    private void withBuffer(NetworkState network, String name,
            java.util.function.Consumer<BufferState> action) {
        BufferState buffer = name == null ? null : network.findChannelOrQuery(name);
        if (buffer != null) {
            action.accept(buffer);
        }
    }

    private void names(NetworkState network, IrcMessage m) {
        String channelName = m.param(2);
        String names = m.param(3);
        if (channelName == null || names == null) {
            return;
        }
        BufferState channel = network.findChannelOrQuery(channelName);
        if (channel == null || channel.type() != BufferType.CHANNEL || !channel.active()) {
            network.server().append(now(m), LineKind.INFO, null, "Users on " + channelName + ": " + names, 0);
            return;
        }
        String symbols = network.prefix().symbols();
        for (String token : names.split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            int i = 0;
            while (i < token.length() && symbols.indexOf(token.charAt(i)) >= 0) {
                i++;
            }
            if (i == token.length()) {
                continue;
            }
            String prefixes = sortPrefixes(token.substring(0, i), symbols);
            IrcSource who = IrcSource.parse(token.substring(i));
            network.addPendingName(channel, who.nick(), prefixes, who.user(), who.host());
        }
    }

    private static String sortPrefixes(String prefixes, String order) {
        if (prefixes.length() < 2) {
            return prefixes;
        }
        StringBuilder sorted = new StringBuilder(prefixes.length());
        for (int i = 0; i < order.length(); i++) {
            if (prefixes.indexOf(order.charAt(i)) >= 0) {
                sorted.append(order.charAt(i));
            }
        }
        return sorted.toString();
    }

    private void join(IrcConnection connection, NetworkState network, IrcMessage m) {
        String channelName = m.param(0);
        if (channelName == null || m.source() == null) {
            return;
        }
        IrcSource who = IrcSource.parse(m.source());
        BufferState channel;
        if (network.isOwnNick(who.nick())) {
            channel = network.getOrCreate(BufferType.CHANNEL, channelName);
            channel.clearMembers();
            setActive(network, channel, true);
        } else {
            channel = network.findChannelOrQuery(channelName);
            if (channel == null) {
                return;
            }
        }
        network.addMember(channel, who.nick(), "");
        NetworkState.UserUpdate update = network.update(who.nick());
        update.userAndHost(who.user(), who.host());
        if (m.params().size() >= 3) {
            // extended-join: account name ("*" when logged out) and real name
            update.account(accountOrNull(m.param(1))).realName(m.param(2));
        }
        FoldedBatch netjoin = foldedBatch(network, m);
        if (netjoin != null) {
            netjoin.add(channel, who.nick());
        } else {
            channel.append(now(m), LineKind.JOIN, who.nick(),
                    who.nick() + hostPart(who) + " has joined " + channel.name(), flags(m, network));
        }
        network.fire(SessionEvent.Type.MEMBERS_CHANGED, channel);
    }

    private void part(NetworkState network, IrcMessage m) {
        IrcSource who = sourceOf(m);
        BufferState channel = who == null ? null : network.findChannelOrQuery(m.param(0));
        if (channel == null) {
            return;
        }
        String reason = m.param(1);
        channel.append(now(m), LineKind.PART, who.nick(), who.nick() + hostPart(who) + " has left "
                + channel.name() + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"), flags(m, network));
        leave(network, channel, who.nick());
    }

    private void kick(NetworkState network, IrcMessage m) {
        BufferState channel = network.findChannelOrQuery(m.param(0));
        String victim = m.param(1);
        if (channel == null || victim == null) {
            return;
        }
        String reason = m.param(2);
        channel.append(now(m), LineKind.KICK, m.sourceNick(), victim + " was kicked by " + m.sourceNick()
                + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"),
                network.isOwnNick(victim) ? BufferLine.HIGHLIGHT : 0);
        leave(network, channel, victim);
    }

    private void leave(NetworkState network, BufferState channel, String nick) {
        if (network.isOwnNick(nick)) {
            channel.clearMembers();
            setActive(network, channel, false);
            network.fire(SessionEvent.Type.MEMBERS_CHANGED, channel);
        } else if (network.removeMember(channel, nick)) {
            network.fire(SessionEvent.Type.MEMBERS_CHANGED, channel);
        }
    }

    private void quit(NetworkState network, IrcMessage m) {
        IrcSource who = sourceOf(m);
        if (who == null || network.isOwnNick(who.nick())) {
            return;
        }
        String reason = m.param(0);
        String text = who.nick() + hostPart(who) + " has quit" + (reason == null || reason.isEmpty() ? ""
                : " (" + reason + ")");
        long time = now(m);
        int flags = flags(m, network);
        FoldedBatch netsplit = foldedBatch(network, m);
        for (BufferState channel : network.channelsOf(who.nick())) {
            if (netsplit != null) {
                netsplit.add(channel, who.nick());
            } else {
                channel.append(time, LineKind.QUIT, who.nick(), text, flags);
            }
            network.removeMember(channel, who.nick());
            network.fire(SessionEvent.Type.MEMBERS_CHANGED, channel);
        }
        BufferState query = network.findChannelOrQuery(who.nick());
        if (query != null && query.type() == BufferType.QUERY) {
            query.append(time, LineKind.QUIT, who.nick(), text, flags);
        }
    }

    private void nick(NetworkState network, IrcMessage m) {
        IrcSource who = sourceOf(m);
        String newNick = m.param(0);
        if (who == null || newNick == null) {
            return;
        }
        long time = now(m);
        if (network.isOwnNick(who.nick())) {
            network.setOwnNick(newNick);
            List<BufferState> touched = network.renameUser(who.nick(), newNick);
            String text = "You are now known as " + newNick;
            network.forEachBuffer(b -> {
                if (b.type() != BufferType.QUERY || touched.contains(b)) {
                    b.append(time, LineKind.NICK, newNick, text, BufferLine.SELF);
                }
            });
            touched.forEach(b -> network.fire(SessionEvent.Type.MEMBERS_CHANGED, b));
            return;
        }
        List<BufferState> touched = network.renameUser(who.nick(), newNick);
        String text = who.nick() + " is now known as " + newNick;
        for (BufferState buffer : touched) {
            buffer.append(time, LineKind.NICK, newNick, text, 0);
            if (buffer.type() == BufferType.CHANNEL) {
                network.fire(SessionEvent.Type.MEMBERS_CHANGED, buffer);
            }
        }
    }

    private void mode(IrcConnection connection, NetworkState network, IrcMessage m) {
        String target = m.param(0);
        if (target == null || m.params().size() < 2) {
            return;
        }
        Isupport isupport = connection.isupport();
        String who = m.sourceNick() == null ? "The server" : m.sourceNick();
        String change = String.join(" ", m.params().subList(1, m.params().size()));
        if (!isupport.isChannel(target)) {
            network.server().append(now(m), LineKind.MODE, m.sourceNick(), who + " sets mode " + change + " on "
                    + target, 0);
            return;
        }
        BufferState channel = network.findChannelOrQuery(target);
        if (channel == null) {
            return;
        }
        List<ModeChange> changes = protocol.parseModes(m.params().subList(1, m.params().size()), isupport, true);
        Isupport.Prefix prefix = isupport.prefix();
        boolean membersChanged = false;
        List<ModeChange> channelModes = new ArrayList<>();
        for (ModeChange mc : changes) {
            char symbol = prefix.symbolFor(mc.mode());
            if (symbol != 0) {
                if (mc.argument() != null && network.changePrefix(channel, mc.argument(), symbol, mc.adding())) {
                    membersChanged = true;
                }
            } else {
                channelModes.add(mc);
            }
        }
        if (!channelModes.isEmpty()) {
            String before = channel.modes();
            String after = ChannelModes.apply(before, channelModes, isupport.chanmodes());
            if (!after.equals(before)) {
                channel.setModes(after);
                network.fire(SessionEvent.Type.BUFFER_STATE_CHANGED, channel);
            }
        }
        channel.append(now(m), LineKind.MODE, m.sourceNick(), who + " sets mode " + change, 0);
        if (membersChanged) {
            network.fire(SessionEvent.Type.MEMBERS_CHANGED, channel);
        }
    }

    private void topic(NetworkState network, IrcMessage m) {
        BufferState channel = network.findChannelOrQuery(m.param(0));
        if (channel == null) {
            return;
        }
        String text = nullToEmpty(m.param(1));
        String who = m.sourceNick();
        long time = now(m);
        channel.setTopic(text, who, time);
        channel.append(time, LineKind.TOPIC, who, text.isEmpty() ? who + " cleared the topic"
                : who + " changed the topic to: " + text, flags(m, network));
        network.fire(SessionEvent.Type.TOPIC_CHANGED, channel);
    }

    private void userDetail(NetworkState network, IrcMessage m,
            java.util.function.Consumer<NetworkState.UserUpdate> change) {
        String nick = m.sourceNick();
        NetworkState.UserUpdate update = nick == null ? null : network.update(nick);
        if (update == null) {
            return;
        }
        change.accept(update);
        for (BufferState channel : network.userChanged(nick)) {
            network.fire(SessionEvent.Type.MEMBERS_CHANGED, channel);
        }
    }

    private void batch(NetworkState network, IrcMessage m) {
        String ref = m.param(0);
        if (ref == null || ref.length() < 2) {
            return;
        }
        RoutingState state = routing(network.name());
        String id = ref.substring(1);
        if (ref.charAt(0) == '+') {
            String type = nullToEmpty(m.param(1));
            // a reference opened again without its end ends the earlier batch: no line it held is lost
            endBatch(state, id);
            if (state.batchTypes.size() >= MAX_OPEN_BATCHES) {
                // the oldest open batch is given up on; a folded one shows what it has so far
                endBatch(state, state.batchTypes.keySet().iterator().next());
            }
            state.batchTypes.put(id, type);
            if (("chathistory".equals(type) || "znc.in/playback".equals(type)) && m.params().size() >= 3) {
                BufferState target = network.findChannelOrQuery(m.param(2));
                if (target != null) {
                    target.beginPlayback();
                }
            }
            if ("netsplit".equalsIgnoreCase(type) || "netjoin".equalsIgnoreCase(type)) {
                String servers = m.params().size() >= 4 ? m.param(2) + " ↔ " + m.param(3) : "";
                state.folded.put(id, new FoldedBatch("netsplit".equalsIgnoreCase(type), servers, now(m)));
            }
        } else if (ref.charAt(0) == '-') {
            endBatch(state, id);
        }
    }

    private static void foldedLines(FoldedBatch batch) {
        for (Map.Entry<BufferState, FoldedNicks> entry : batch.nicks.entrySet()) {
            FoldedNicks nicks = entry.getValue();
            StringBuilder text = new StringBuilder(batch.split ? "Netsplit" : "Netjoin");
            if (!batch.servers.isEmpty()) {
                text.append(' ').append(batch.servers);
            }
            text.append(": ").append(nicks.count).append(batch.split ? " quit (" : " joined (");
            text.append(String.join(", ", nicks.shown));
            if (nicks.count > nicks.shown.size()) {
                text.append(" and ").append(nicks.count - nicks.shown.size()).append(" more");
            }
            text.append(')');
            entry.getKey().append(batch.time, batch.split ? LineKind.QUIT : LineKind.JOIN, null, text.toString(), 0);
        }
    }

    /**
     * Line flags that follow from the message itself: replayed history. A bouncer's playback is what was said
     * while no client was attached, so it counts as unread and highlights; chathistory is history asked for,
     * which the user may have read elsewhere, so it does neither.
     */
    private int flags(IrcMessage m, NetworkState network) {
        String batch = m.tag("batch");
        if (batch != null) {
            String type = routing(network.name()).batchTypes.get(batch);
            if ("chathistory".equals(type)) {
                return BufferLine.HISTORY | BufferState.NOT_COUNTED;
            }
            if ("znc.in/playback".equals(type)) {
                return BufferLine.HISTORY;
            }
        }
        return 0;
    }

    // --- PRIVMSG / NOTICE ---

    /**
     * The hot path of a flood: every PRIVMSG and NOTICE. A channel message's text stays the UTF-8 bytes the parser
     * read ({@link IrcMessage#lastParamUtf8}): the highlight search (see {@link WholeWordMatcher}), the scrollback and
     * the disk log all work on them, so the text is never decoded here. Only CTCP (a first byte of 0x01) is read as a
     * string.
     */
    private void routeMessage(IrcConnection connection, RoutingState routingState, IrcMessage m, boolean notice) {
        NetworkState network = routingState.network;
        String target = m.param(0);
        if (target == null) {
            return;
        }
        byte[] utf8 = m.paramCount() >= 2 ? m.lastParamUtf8() : NO_TEXT;
        String msgid = m.tag("msgid");
        if (msgid != null && !routingState.seenMsgids.add(msgid)) {
            return; // replayed by a bouncer or chathistory: already shown
        }
        String sender = m.sourceNick();
        // a source without user and host (no '!' or '@') that looks like a host name is a server
        boolean fromServer = sender != null && sender.length() == m.source().length() && sender.indexOf('.') >= 0;
        boolean self = sender != null && network.isOwnNick(sender);
        long time = now(m);
        int flags = flags(m, network) | (self ? BufferLine.SELF : 0);

        LineKind kind = notice ? LineKind.NOTICE : LineKind.MESSAGE;
        byte[] action = utf8.length >= 2 && utf8[0] == CTCP_DELIMITER ? actionText(utf8) : null;
        if (action != null) {
            kind = LineKind.ACTION;
            utf8 = action;
        } else if (utf8.length >= 2 && utf8[0] == CTCP_DELIMITER) {
            CtcpMessage ctcp = protocol.parseCtcp(m.lastParam());
            if (ctcp != null && !ctcp.isAction()) {
                if (!self) {
                    String line = notice
                            ? "CTCP " + ctcp.command() + " reply from " + sender + suffix(": ", ctcpReplyText(ctcp))
                            : "CTCP " + ctcp.command() + " request from " + sender;
                    network.server().append(time, LineKind.INFO, sender, line.strip(), flags);
                }
                return;
            }
            if (ctcp != null) {
                kind = LineKind.ACTION;
                utf8 = ctcp.arguments().getBytes(StandardCharsets.UTF_8);
            }
        }

        Isupport isupport = connection.isupport();
        boolean channel = isupport.isChannel(target);
        String bufferTarget = channel ? target : stripStatusPrefix(target, isupport);
        BufferState buffer;
        if (channel || isupport.isChannel(bufferTarget)) {
            buffer = network.getOrCreate(BufferType.CHANNEL, bufferTarget);
        } else if (sender == null || fromServer || "*".equals(target) || target.startsWith("$")) {
            buffer = network.server();
        } else {
            String other = self ? bufferTarget : sender;
            if (notice) {
                BufferState query = network.findChannelOrQuery(other);
                buffer = query != null ? query : network.server();
            } else {
                buffer = network.getOrCreate(BufferType.QUERY, other);
                setActive(network, buffer, true);
            }
        }
        if (self && !channel && kind != LineKind.ACTION) {
            utf8 = withoutServicesPassword(bufferTarget, utf8);
        }
        boolean privateMessage = buffer.type() == BufferType.QUERY && !notice;
        if (!self && (flags & BufferState.NOT_COUNTED) == 0 && (privateMessage || mentionsOwnNick(utf8, routingState)
                || mentionsAnyWord(utf8, routingState))) {
            flags |= BufferLine.HIGHLIGHT;
        }
        buffer.append(time, kind, sender, utf8, flags);
    }

    /**
     * What the user sent to services with its passwords masked ({@link ServicesPasswords}), so that neither the
     * scrollback nor the disk log holds them; the text itself for anything else.
     */
    private static byte[] withoutServicesPassword(String target, byte[] utf8) {
        String text = new String(utf8, StandardCharsets.UTF_8);
        String redacted = ServicesPasswords.redact(target, text);
        return redacted == text ? utf8 : redacted.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The text of a CTCP ACTION (one line in eight of a busy channel), cut from the bytes: what
     * {@code parseCtcp(text).arguments()} gives for a message whose command is ACTION in any case, without decoding
     * and encoding the text again; {@code null} for anything else. {@code text} starts with the CTCP delimiter.
     */
    static byte[] actionText(byte[] text) {
        int end = 1;
        while (end < text.length && text[end] != CTCP_DELIMITER) {
            end++;
        }
        int commandEnd = 1;
        while (commandEnd < end && text[commandEnd] != ' ') {
            commandEnd++;
        }
        if (commandEnd - 1 != ACTION.length) {
            return null;
        }
        for (int i = 0; i < ACTION.length; i++) {
            // ASCII upper-casing; a byte of a longer UTF-8 sequence never equals an ASCII letter
            byte b = text[1 + i];
            if ((b >= 'a' && b <= 'z' ? b - 32 : b) != ACTION[i]) {
                return null;
            }
        }
        return commandEnd < end ? Arrays.copyOfRange(text, commandEnd + 1, end) : NO_TEXT;
    }

    private static String stripStatusPrefix(String target, Isupport isupport) {
        String statusmsg = isupport.statusmsg();
        int i = 0;
        while (i < target.length() - 1 && statusmsg.indexOf(target.charAt(i)) >= 0) {
            i++;
        }
        if (i > 0 && isupport.isChannel(target.substring(i))) {
            return target.substring(i);
        }
        return target;
    }

    /** True when the text names our nick as a whole word, under the network's case mapping. */
    private static boolean mentionsOwnNick(byte[] text, RoutingState state) {
        NetworkState network = state.network;
        String own = network.ownNick();
        if (own == null || own.isEmpty()) {
            return false;
        }
        WholeWordMatcher matcher = state.ownNick;
        if (matcher == null || !matcher.isFor(own, network.caseMapping())) {
            matcher = new WholeWordMatcher(own, network.caseMapping());
            state.ownNick = matcher;
        }
        return matcher.foundIn(text);
    }

    /** True when the text holds one of the highlight words as a whole word, under the network's case mapping. */
    private boolean mentionsAnyWord(byte[] text, RoutingState state) {
        List<String> words = highlightWords;
        if (words.isEmpty()) {
            return false;
        }
        CaseMapping mapping = state.network.caseMapping();
        if (state.matchedWords != words || !state.wordMatchers.get(0).isFor(words.get(0), mapping)) {
            state.wordMatchers = words.stream().map(word -> new WholeWordMatcher(word, mapping)).toList();
            state.matchedWords = words;
        }
        for (WholeWordMatcher matcher : state.wordMatchers) {
            if (matcher.foundIn(text)) {
                return true;
            }
        }
        return false;
    }

    private static IrcSource sourceOf(IrcMessage m) {
        return m.source() == null ? null : IrcSource.parse(m.source());
    }

    private static String hostPart(IrcSource who) {
        if (who.user() == null && who.host() == null) {
            return "";
        }
        return " (" + (who.user() == null ? "" : who.user()) + "@" + nullToEmpty(who.host()) + ")";
    }

    private static String accountOrNull(String account) {
        return account == null || "*".equals(account) ? null : account;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * A reply's arguments; for a PING reply that echoes a time of ours from the last hour (what /ping sends), the
     * round trip instead.
     */
    private String ctcpReplyText(CtcpMessage reply) {
        if (reply.command().equals("PING")) {
            try {
                long roundTrip = clock.getAsLong() - Long.parseLong(reply.arguments().strip());
                if (roundTrip >= 0 && roundTrip < TimeUnit.HOURS.toMillis(1)) {
                    return roundTrip < 10_000 ? roundTrip + " ms" : String.format(Locale.ROOT, "%.1f s", roundTrip / 1000.0);
                }
            } catch (NumberFormatException e) {
                // some other client's token: shown as it is
            }
        }
        return reply.arguments();
    }

    /** {@code separator + text}, or nothing for an empty text. */
    private static String suffix(String separator, String text) {
        return text.isBlank() ? "" : separator + text;
    }

    private long now(IrcMessage m) {
        if (m != null) {
            // serverTime looks up its tags in the wire form; asking tags() first would decode every tag of the line
            Instant serverTime = protocol.serverTime(m);
            if (serverTime != null) {
                return serverTime.toEpochMilli();
            }
        }
        return clock.getAsLong();
    }
}
