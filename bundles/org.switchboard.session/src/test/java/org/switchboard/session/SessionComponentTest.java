package org.switchboard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcMessageListener;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Member;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.protocol.internal.IrcProtocolComponent;

/** Feeds scripted server lines through the session service and checks what a UI would read. */
class SessionComponentTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();
    private final List<SessionEvent> events = new ArrayList<>();
    private SessionComponent session;
    private FakeConnection connection;

    @BeforeEach
    void setUp() {
        session = new SessionComponent(protocol, 10_000);
        session.bindListener(events::add);
        connection = new FakeConnection("net", protocol);
        session.bindConnection(connection);
        receive(":irc.example 001 me :Welcome to the network, me");
        receive(":irc.example 005 me PREFIX=(qaohv)~&@%+ CHANTYPES=#& STATUSMSG=@+ CHANMODES=beI,k,l,imnst"
                + " CASEMAPPING=rfc1459 :are supported");
    }

    private void receive(String line) {
        IrcMessage message = protocol.parse(line);
        if (message.is("005")) {
            connection.isupport().apply(message);
        }
        session.onMessage(connection, message);
    }

    private Buffer buffer(String name) {
        return session.find("net", name).orElseThrow(() -> new AssertionError("no buffer " + name));
    }

    private static List<String> texts(Buffer buffer) {
        return buffer.lines(buffer.firstLine(), buffer.endLine()).stream().map(BufferLine::text)
                .collect(Collectors.toList());
    }

    private static BufferLine lastLine(Buffer buffer) {
        List<BufferLine> lines = buffer.lines(buffer.endLine() - 1, buffer.endLine());
        return lines.get(0);
    }

    private static List<String> memberNames(Buffer buffer) {
        return buffer.members().stream().map(m -> m.prefixes() + m.nick()).collect(Collectors.toList());
    }

    private void joinChannel() {
        receive(":me!me@client.example JOIN #Chan");
        receive(":irc.example 332 me #Chan :Welcome to \u0002#chan\u0002");
        receive(":irc.example 333 me #Chan alice!a@host 1700000000");
        receive(":irc.example 353 me = #Chan :me @+alice!a@host +bob!b@host2 carol");
        receive(":irc.example 353 me = #Chan :~dave");
        receive(":irc.example 366 me #Chan :End of /NAMES list.");
    }

    @Test
    void serverBufferExistsAsSoonAsTheConnectionIsBound() {
        Buffer server = buffer("net");
        assertEquals(BufferType.SERVER, server.type());
        assertTrue(texts(server).contains("Welcome to the network, me"));
    }

    @Test
    void joinTopicAndNamesBuildTheChannel() {
        joinChannel();
        Buffer channel = buffer("#chan");
        assertEquals(BufferType.CHANNEL, channel.type());
        assertEquals("#Chan", channel.name());
        assertTrue(channel.active());
        assertEquals("Welcome to \u0002#chan\u0002", channel.topic());
        assertEquals("alice!a@host", channel.topicSetBy());
        assertEquals(1_700_000_000_000L, channel.topicTime());
        assertEquals(List.of("~dave", "@+alice", "+bob", "carol", "me"), memberNames(channel));
        Member alice = channel.members().get(1);
        assertEquals("a", alice.user());
        assertEquals("host", alice.host());
        assertEquals(5, channel.memberCount());
    }

    @Test
    void aNamesBurstIsAppliedOnceAtItsEnd() {
        receive(":me!me@client.example JOIN #big");
        events.clear();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            names.append(i % 10 == 0 ? "@" : "").append("user").append(i).append(' ');
            if (i % 300 == 299) {
                receive(":irc.example 353 me = #big :" + names.toString().strip());
                names.setLength(0);
            }
        }
        receive(":irc.example 353 me = #big :" + names.toString().strip());
        assertEquals(1, buffer("#big").memberCount(), "members appear only when the burst ends");
        receive(":irc.example 366 me #big :End of /NAMES list.");
        long membersChanged = events.stream().filter(e -> e.type() == SessionEvent.Type.MEMBERS_CHANGED).count();
        assertEquals(1, membersChanged);
        assertEquals(2000, buffer("#big").memberCount(), "our own JOIN entry is replaced by the NAMES list");
        assertEquals("@user0", memberNames(buffer("#big")).get(0));
    }

    @Test
    void messagesGoToChannelQueryAndStatusmsgTargets() {
        joinChannel();
        receive(":bob!b@host2 PRIVMSG #chan :hello all");
        receive(":bob!b@host2 PRIVMSG @#CHAN :ops only");
        receive(":bob!b@host2 PRIVMSG #chan :\u0001ACTION waves\u0001");
        receive(":alice!a@host PRIVMSG me :psst");
        Buffer channel = buffer("#chan");
        List<BufferLine> lines = channel.lines(channel.endLine() - 3, channel.endLine());
        assertEquals(new BufferLine(lines.get(0).time(), LineKind.MESSAGE, "bob", "hello all", 0), lines.get(0));
        assertEquals("ops only", lines.get(1).text());
        assertEquals(LineKind.ACTION, lines.get(2).kind());
        assertEquals("waves", lines.get(2).text());
        Buffer query = buffer("alice");
        assertEquals(BufferType.QUERY, query.type());
        assertEquals("psst", lastLine(query).text());
        assertTrue(lastLine(query).has(BufferLine.HIGHLIGHT), "a private message is for us");
        assertEquals(1, query.highlightCount());
        assertEquals(3, channel.unreadCount());
        assertEquals(0, channel.highlightCount());
    }

    @Test
    void ownNickHighlightsAsAWholeWordUnderTheCaseMapping() {
        joinChannel();
        receive(":bob!b@host2 PRIVMSG #chan :ME: look");
        receive(":bob!b@host2 PRIVMSG #chan :meanwhile, nothing");
        Buffer channel = buffer("#chan");
        List<BufferLine> lines = channel.lines(channel.endLine() - 2, channel.endLine());
        assertTrue(lines.get(0).has(BufferLine.HIGHLIGHT));
        assertFalse(lines.get(1).has(BufferLine.HIGHLIGHT));
        assertEquals(1, channel.highlightCount());
        session.markRead(channel.id());
        assertEquals(0, channel.unreadCount());
        assertEquals(0, channel.highlightCount());
    }

    @Test
    void echoedOwnMessageGoesToTheQueryWithTheTarget() {
        receive(":me!me@client.example PRIVMSG Alice :hi there");
        Buffer query = buffer("alice");
        assertEquals("Alice", query.name());
        BufferLine line = lastLine(query);
        assertTrue(line.has(BufferLine.SELF));
        assertEquals(0, query.unreadCount(), "own messages are never unread");
    }

    @Test
    void sentMessagesAreShownOnlyWithoutEchoMessage() {
        joinChannel();
        Buffer channel = buffer("#chan");
        long before = channel.endLine();
        session.messageSent(connection, IrcMessage.of("PRIVMSG", "#chan", "typed by me"));
        assertEquals(before + 1, channel.endLine());
        BufferLine line = lastLine(channel);
        assertEquals("me", line.nick());
        assertTrue(line.has(BufferLine.SELF));

        connection.capabilities.add("echo-message");
        session.messageSent(connection, IrcMessage.of("PRIVMSG", "#chan", "echoed later"));
        assertEquals(before + 1, channel.endLine());
        session.messageSent(connection, IrcMessage.of("JOIN", "#x"));
        assertTrue(session.find("net", "#x").isEmpty());
    }

    @Test
    void partKickQuitAndNickUpdateEveryBuffer() {
        joinChannel();
        receive(":me!me@client.example JOIN #other");
        receive(":irc.example 353 me = #other :me bob");
        receive(":irc.example 366 me #other :End");
        receive(":bob!b@host2 PRIVMSG me :query open");

        receive(":bob!b@host2 NICK robert");
        assertTrue(memberNames(buffer("#chan")).contains("+robert"));
        assertTrue(memberNames(buffer("#other")).contains("robert"));
        assertEquals("robert", buffer("robert").name());
        assertTrue(session.find("net", "bob").isEmpty());
        assertEquals("bob is now known as robert", lastLine(buffer("#other")).text());

        receive(":robert!b@host2 QUIT :Ping timeout");
        assertFalse(memberNames(buffer("#chan")).contains("+robert"));
        assertFalse(memberNames(buffer("#other")).contains("robert"));
        assertEquals(LineKind.QUIT, lastLine(buffer("robert")).kind());
        assertTrue(lastLine(buffer("#chan")).text().contains("has quit (Ping timeout)"));

        receive(":carol!c@h PART #chan :bye");
        assertFalse(memberNames(buffer("#chan")).contains("carol"));
        receive(":alice!a@host KICK #chan dave :behave");
        assertEquals("dave was kicked by alice (behave)", lastLine(buffer("#chan")).text());
        assertEquals(List.of("@+alice", "me"), memberNames(buffer("#chan")));

        receive(":alice!a@host KICK #chan me :out");
        assertFalse(buffer("#chan").active());
        assertEquals(0, buffer("#chan").memberCount());
        receive(":me!me@client.example PART #other");
        assertFalse(buffer("#other").active());
    }

    @Test
    void ownNickChangeIsAnnouncedAndUsedForHighlights() {
        joinChannel();
        receive(":me!me@client.example NICK newme");
        connection.nick = "newme";
        assertTrue(memberNames(buffer("#chan")).contains("newme"));
        assertEquals("You are now known as newme", lastLine(buffer("#chan")).text());
        assertEquals("You are now known as newme", lastLine(buffer("net")).text());
        receive(":bob!b@host2 PRIVMSG #chan :newme, hi");
        assertTrue(lastLine(buffer("#chan")).has(BufferLine.HIGHLIGHT));
    }

    @Test
    void modeChangesUpdatePrefixesAndChannelModes() {
        joinChannel();
        receive(":alice!a@host MODE #chan +o-v+l carol bob 50");
        assertEquals(List.of("~dave", "@+alice", "@carol", "bob", "me"), memberNames(buffer("#chan")));
        assertEquals("+l 50", buffer("#chan").modes());
        receive(":alice!a@host MODE #chan +kv-l secret carol");
        assertEquals("+k secret", buffer("#chan").modes());
        assertEquals("@+carol", memberNames(buffer("#chan")).get(2));
        assertEquals("alice sets mode +kv-l secret carol", lastLine(buffer("#chan")).text());
        receive(":irc.example 324 me #chan +ntk secret");
        assertEquals("+ntk secret", buffer("#chan").modes());
        receive(":alice!a@host MODE #chan -t+b *!*@spam");
        assertEquals("+kn secret", buffer("#chan").modes());
    }

    @Test
    void topicChangesRecordSetter() {
        joinChannel();
        receive(":bob!b@host2 TOPIC #chan :new topic");
        assertEquals("new topic", buffer("#chan").topic());
        assertEquals("bob", buffer("#chan").topicSetBy());
        assertEquals("bob changed the topic to: new topic", lastLine(buffer("#chan")).text());
    }

    @Test
    void lookupsFollowTheCaseMapping() {
        receive(":me!me@client.example JOIN #Room[1]");
        assertEquals("#Room[1]", buffer("#room{1}").name());
        receive(":irc.example 005 me CASEMAPPING=ascii :are supported");
        assertEquals("#Room[1]", buffer("#room[1]").name());
        assertTrue(session.find("net", "#room{1}").isEmpty());
    }

    @Test
    void motdNumericsAndErrorsLandInTheServerBuffer() {
        receive(":irc.example 375 me :- irc.example Message of the day -");
        receive(":irc.example 372 me :- be nice");
        receive(":irc.example 376 me :End of /MOTD command.");
        receive(":irc.example 433 * me :Nickname is already in use");
        receive("ERROR :Closing link (me@client.example) [Quit]");
        Buffer server = buffer("net");
        List<BufferLine> lines = server.lines(server.endLine() - 5, server.endLine());
        assertEquals(LineKind.MOTD, lines.get(1).kind());
        assertEquals("- be nice", lines.get(1).text());
        assertEquals(LineKind.ERROR, lines.get(3).kind());
        assertEquals("me Nickname is already in use", lines.get(3).text());
        receive(":irc.example 265 me 1 1 :Current local users: 1, Max: 1");
        assertEquals("Current local users: 1, Max: 1", lastLine(buffer("net")).text());
        assertEquals(LineKind.ERROR, lines.get(4).kind());
        assertTrue(lines.get(4).text().contains("Closing link"));
    }

    @Test
    void awayAccountAndChghostReachTheMembers() {
        joinChannel();
        receive(":bob!b@host2 AWAY :lunch");
        receive(":bob!b@host2 ACCOUNT bobacct");
        receive(":bob!b@host2 CHGHOST newuser new.host");
        Member bob = buffer("#chan").members().stream().filter(m -> m.nick().equals("bob")).findFirst()
                .orElseThrow();
        assertTrue(bob.away());
        assertEquals("bobacct", bob.account());
        assertEquals("new.host", bob.host());
        receive(":bob!b@host2 AWAY");
        assertFalse(buffer("#chan").members().stream().filter(m -> m.nick().equals("bob")).findFirst()
                .orElseThrow().away());
    }

    @Test
    void extendedJoinRecordsAccountAndRealName() {
        joinChannel();
        receive(":erin!e@h JOIN #chan erinacct :Erin Example");
        Member erin = buffer("#chan").members().stream().filter(m -> m.nick().equals("erin")).findFirst()
                .orElseThrow();
        assertEquals("erinacct", erin.account());
        assertEquals("Erin Example", erin.realName());
        assertEquals("erin (e@h) has joined #Chan", lastLine(buffer("#chan")).text());
    }

    @Test
    void replayedMessagesWithAKnownMsgidAreDropped() {
        joinChannel();
        receive("@msgid=abc :bob!b@host2 PRIVMSG #chan :once");
        long end = buffer("#chan").endLine();
        receive("@msgid=abc :bob!b@host2 PRIVMSG #chan :once");
        assertEquals(end, buffer("#chan").endLine());
    }

    @Test
    void chathistoryBatchLinesAreHistoryAndNotUnread() {
        joinChannel();
        receive(":irc.example BATCH +h1 chathistory #chan");
        receive("@batch=h1 :bob!b@host2 PRIVMSG #chan :old news me");
        receive(":irc.example BATCH -h1");
        BufferLine line = lastLine(buffer("#chan"));
        assertTrue(line.has(BufferLine.HISTORY));
        assertFalse(line.has(BufferLine.HIGHLIGHT));
        assertEquals(0, buffer("#chan").unreadCount());
    }

    @Test
    void bouncerPlaybackIsMissedConversationAndIsNotTakenTwice() {
        joinChannel();
        for (String batch : List.of("p1", "p2")) {
            // a bouncer that keeps its buffer plays the same lines back on every attach
            receive(":irc.znc.in BATCH +" + batch + " znc.in/playback #chan");
            receive("@batch=" + batch + ";time=2026-12-02T05:00:00.250Z :bob!b@host2 PRIVMSG #chan :me: you there?");
            receive("@batch=" + batch + ";time=2026-12-02T05:00:01.500Z :bob!b@host2 PRIVMSG #chan :anyone?");
            receive(":irc.znc.in BATCH -" + batch);
        }
        Buffer channel = buffer("#chan");
        List<BufferLine> played = channel.lines(channel.firstLine(), channel.endLine()).stream()
                .filter(line -> line.has(BufferLine.HISTORY)).toList();
        assertEquals(List.of("me: you there?", "anyone?"), played.stream().map(BufferLine::text).toList());
        assertEquals(Instant.parse("2026-12-02T05:00:00.250Z").toEpochMilli(), played.get(0).time());
        assertTrue(played.get(0).has(BufferLine.HIGHLIGHT), "a mention while away highlights");
        assertEquals(2, channel.unreadCount());
        assertEquals(1, channel.highlightCount());
        // the same text at another time is another line
        receive("@time=2026-12-02T05:03:00.000Z :bob!b@host2 PRIVMSG #chan :anyone?");
        assertEquals(3, texts(channel).stream().filter(text -> text.endsWith("?")).count());
    }

    @Test
    void aLineSaidTwiceInOneSecondIsPlayedBackTwice() {
        joinChannel();
        receive(":irc.znc.in BATCH +p znc.in/playback #chan");
        receive("@batch=p;time=2026-12-02T05:00:00.100Z :bob!b@host2 PRIVMSG #chan :+1");
        receive("@batch=p;time=2026-12-02T05:00:00.600Z :bob!b@host2 PRIVMSG #chan :+1");
        receive(":irc.znc.in BATCH -p");
        assertEquals(2, texts(buffer("#chan")).stream().filter("+1"::equals).count(),
                "lines of one playback are not taken for each other");
    }

    @Test
    void disconnectDeactivatesBuffersAndExplains() {
        joinChannel();
        session.stateChanged(connection, ConnectionState.CONNECTED, ConnectionState.WAITING_TO_RECONNECT,
                "Connection reset by peer");
        assertFalse(buffer("#chan").active());
        assertFalse(buffer("net").active());
        assertEquals(0, buffer("#chan").memberCount());
        BufferLine line = lastLine(buffer("net"));
        assertEquals(LineKind.ERROR, line.kind());
        assertEquals("Connection lost: Connection reset by peer", line.text());
        assertEquals(line.text(), lastLine(buffer("#chan")).text(), "the channel says why the conversation stops");
        assertEquals(LineKind.ERROR, lastLine(buffer("#chan")).kind());

        long channelEnd = buffer("#chan").endLine();
        session.stateChanged(connection, ConnectionState.WAITING_TO_RECONNECT, ConnectionState.CONNECTING, null);
        session.stateChanged(connection, ConnectionState.CONNECTING, ConnectionState.WAITING_TO_RECONNECT,
                "Connection refused");
        assertEquals(channelEnd, buffer("#chan").endLine(), "a failed retry is told in the server buffer only");
        assertEquals("Connection lost: Connection refused", lastLine(buffer("net")).text());
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        List<SessionEvent> seen = new ArrayList<>();
        session.bindListener(e -> {
            throw new IllegalStateException("broken listener");
        });
        session.bindListener(seen::add);
        receive(":me!me@client.example JOIN #x");
        assertTrue(seen.stream().anyMatch(e -> e.type() == SessionEvent.Type.BUFFER_ADDED));
    }

    @Test
    void malformedMessagesAreSkipped() {
        receive(":irc.example 332 me");
        receive(":nobody MODE #nowhere");
        receive("KICK");
        receive(":bob!b@h PRIVMSG");
        receive(":me!me@client.example JOIN #fine");
        assertTrue(buffer("#fine").active());
    }

    @Test
    void closeAChannelPartsIt() {
        joinChannel();
        Buffer channel = buffer("#chan");
        session.close(channel.id());
        assertEquals(List.of(IrcMessage.of("PART", "#Chan")), connection.sent);
        assertTrue(session.find("net", "#chan").isEmpty());
        assertTrue(session.byId(channel.id()).isEmpty());
        session.close(buffer("net").id());
        assertTrue(session.find("net", "net").isPresent(), "the server buffer stays");
    }

    @Test
    void buffersAreListedServerFirstInOpeningOrder() {
        receive(":me!me@client.example JOIN #b");
        receive(":me!me@client.example JOIN #a");
        session.openQuery("net", "zed");
        assertEquals(List.of("net", "#b", "#a", "zed"),
                session.buffers().stream().map(Buffer::name).collect(Collectors.toList()));
    }

    @Test
    void aNetsplitBatchIsFoldedIntoOneLinePerChannel() {
        joinChannel();
        long before = buffer("#chan").endLine();
        receive(":irc.example BATCH +ns netsplit hub.example leaf.example");
        receive("@batch=ns :bob!b@host2 QUIT :hub.example leaf.example");
        receive("@batch=ns :carol!c@h QUIT :hub.example leaf.example");
        receive(":irc.example BATCH -ns");
        Buffer channel = buffer("#chan");
        assertEquals(before + 1, channel.endLine());
        assertEquals("Netsplit hub.example ↔ leaf.example: 2 quit (bob, carol)", lastLine(channel).text());
        assertEquals(List.of("~dave", "@+alice", "me"), memberNames(channel));

        receive(":irc.example BATCH +nj netjoin hub.example leaf.example");
        receive("@batch=nj :bob!b@host2 JOIN #chan");
        receive(":irc.example BATCH -nj");
        assertEquals("Netjoin hub.example ↔ leaf.example: 1 joined (bob)", lastLine(channel).text());
        assertTrue(memberNames(channel).contains("bob"));
    }

    @Test
    void aNetsplitBatchLeftOpenWhenTheLinkDropsIsShownNotLost() {
        joinChannel();
        receive(":irc.example BATCH +ns netsplit hub.example leaf.example");
        receive("@batch=ns :bob!b@host2 QUIT :hub.example leaf.example");
        session.stateChanged(connection, ConnectionState.CONNECTED, ConnectionState.WAITING_TO_RECONNECT,
                "Connection reset");
        Buffer channel = buffer("#chan");
        assertTrue(texts(channel).contains("Netsplit hub.example ↔ leaf.example: 1 quit (bob)"), texts(channel).toString());
        // the next link's batch of the same name is a batch of its own
        session.stateChanged(connection, ConnectionState.REGISTERING, ConnectionState.CONNECTED, null);
        joinChannel();
        receive("@batch=ns :carol!c@h QUIT :gone");
        assertEquals("carol (c@h) has quit (gone)", lastLine(buffer("#chan")).text());
    }

    @Test
    void aNetsplitBatchOpenWhenTheConnectionGoesAwayIsShown() {
        joinChannel();
        receive(":irc.example BATCH +ns netsplit hub.example leaf.example");
        receive("@batch=ns :bob!b@host2 QUIT :hub.example leaf.example");
        session.unbindConnection(connection);
        assertEquals("Netsplit hub.example ↔ leaf.example: 1 quit (bob)", lastLine(buffer("#chan")).text());
    }

    @Test
    void aBatchReferenceOpenedAgainEndsTheEarlierBatch() {
        joinChannel();
        receive(":irc.example BATCH +ns netsplit hub.example leaf.example");
        receive("@batch=ns :bob!b@host2 QUIT :hub.example leaf.example");
        receive(":irc.example BATCH +ns netsplit hub.example other.example");
        assertEquals("Netsplit hub.example ↔ leaf.example: 1 quit (bob)", lastLine(buffer("#chan")).text());
        receive("@batch=ns :carol!c@h QUIT :hub.example other.example");
        receive(":irc.example BATCH -ns");
        assertEquals("Netsplit hub.example ↔ other.example: 1 quit (carol)", lastLine(buffer("#chan")).text());
    }

    @Test
    void aLongNetjoinCountsEveryoneAndNamesTheFirst() {
        joinChannel();
        receive(":irc.example BATCH +nj netjoin hub.example leaf.example");
        for (int i = 0; i < 100; i++) {
            receive("@batch=nj :n" + i + "!u@h JOIN #chan");
        }
        receive(":irc.example BATCH -nj");
        String names = String.join(", ", java.util.stream.IntStream.range(0, 25).mapToObj(i -> "n" + i).toList());
        assertEquals("Netjoin hub.example ↔ leaf.example: 100 joined (" + names + " and 75 more)",
                lastLine(buffer("#chan")).text());
    }

    @Test
    void aServerThatNeverClosesItsBatchesCannotHoldBackItsLinesForEver() {
        joinChannel();
        receive(":irc.example BATCH +ns netsplit hub.example leaf.example");
        receive("@batch=ns :bob!b@host2 QUIT :hub.example leaf.example");
        for (int i = 0; i < org.switchboard.session.irc.MessageRouter.MAX_OPEN_BATCHES; i++) {
            receive(":irc.example BATCH +other" + i + " example/unclosed");
        }
        // the oldest, the netsplit, was given up on: what it held is shown
        assertTrue(texts(buffer("#chan")).contains("Netsplit hub.example ↔ leaf.example: 1 quit (bob)"),
                texts(buffer("#chan")).toString());
        receive("@batch=ns :carol!c@h QUIT :gone");
        assertEquals("carol (c@h) has quit (gone)", lastLine(buffer("#chan")).text());
    }

    @Test
    void aLiveHighlightIsAnnouncedWithItsLineButHistoryAndOwnLinesAreNot() {
        joinChannel();
        receive(":irc.example BATCH +h2 chathistory #chan");
        receive("@batch=h2;time=2024-01-01T10:00:00.000Z :bob!b@host2 PRIVMSG #chan :me: from the past");
        receive(":irc.example BATCH -h2");
        session.messageSent(connection, IrcMessage.of("PRIVMSG", "#chan", "me myself"));
        events.clear();
        receive(":bob!b@host2 PRIVMSG #chan :me: now");
        Buffer channel = buffer("#chan");
        List<SessionEvent> highlights = events.stream().filter(e -> e.type() == SessionEvent.Type.HIGHLIGHT).toList();
        assertEquals(List.of(new SessionEvent(SessionEvent.Type.HIGHLIGHT, channel.id(), channel.endLine() - 1)),
                highlights);
        assertEquals("me: now", channel.lines(highlights.get(0).line(), highlights.get(0).line() + 1).get(0).text());
        assertEquals(SessionEvent.Type.HIGHLIGHT, events.get(events.size() - 1).type(),
                "announced after the line and the counts are in place");
        assertEquals(-1, new SessionEvent(SessionEvent.Type.LINES_ADDED, 3).line());
    }

    @Test
    void ownAwayStateFollowsTheServerAndEndsWithTheLink() {
        assertFalse(session.away("net"));
        receive(":irc.example 306 me :You have been marked as being away");
        assertTrue(session.away("net"));
        assertEquals("You have been marked as being away", lastLine(buffer("net")).text());
        receive(":irc.example 305 me :You are no longer marked as being away");
        assertFalse(session.away("net"));
        receive(":irc.example 306 me :You have been marked as being away");
        session.stateChanged(connection, ConnectionState.CONNECTED, ConnectionState.WAITING_TO_RECONNECT, "timeout");
        assertFalse(session.away("net"), "a new link starts not away");
        assertFalse(session.away("elsewhere"));
    }

    @Test
    void claimedRepliesStayOutOfTheServerBufferWhileTheClaimantIsRegistered() {
        IrcMessageListener dialog = (c, m) -> { };
        session.bindClaimant(dialog, Map.of(IrcMessageListener.CLAIMS_PROPERTY, new String[] {"321", "322", "323"}));
        long before = buffer("net").endLine();
        receive(":irc.example 321 me Channel :Users Name");
        receive(":irc.example 322 me #big 120 :A topic");
        receive(":irc.example 323 me :End of /LIST");
        assertEquals(before, buffer("net").endLine(), "nothing written while the dialog claims the replies");
        receive(":irc.example 353 me = #Chan :someone");
        receive(":irc.example 372 me :- still shown");
        assertEquals("- still shown", lastLine(buffer("net")).text(), "other replies are not affected");

        session.unbindClaimant(dialog);
        receive(":irc.example 322 me #big 120 :A topic");
        assertEquals("#big 120 A topic", lastLine(buffer("net")).text());
    }

    @Test
    void whoisRepliesReadAsSentencesAboutTheirNick() {
        long signOn = 1_796_239_568L;
        receive(":irc.example 311 me ann ~ann host.example * :Ann Example");
        receive(":irc.example 319 me ann :@#ops +#chat #dog ");
        receive(":irc.example 312 me ann irc.example :The example server");
        receive(":irc.example 330 me ann annacct :is logged in as");
        receive(":irc.example 671 me ann :is using a secure connection");
        receive(":irc.example 317 me ann 3725 " + signOn + " :seconds idle, signon time");
        receive(":irc.example 318 me ann :End of /WHOIS list.");
        Buffer server = buffer("net");
        List<String> lines = texts(server).subList(texts(server).size() - 7, texts(server).size());
        String signedOn = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault()).format(Instant.ofEpochSecond(signOn));
        assertEquals(List.of(
                "[ann] (~ann@host.example): Ann Example",
                "[ann] channels: @#ops +#chat #dog",
                "[ann] irc.example (The example server)",
                "[ann] is logged in as annacct",
                "[ann] is using a secure connection",
                "[ann] idle 1 hour 2 minutes 5 seconds, signed on " + signedOn,
                "[ann] End of /WHOIS list."), lines);
        assertEquals(LineKind.INFO, lastLine(server).kind());

        receive(":irc.example 317 me ann 0 :seconds idle");
        assertEquals("[ann] idle 0 seconds", lastLine(server).text(), "a server that sends no sign-on time");
        receive(":irc.example 314 me old ~old gone.example * :Old Friend");
        receive(":irc.example 369 me old :End of WHOWAS");
        assertEquals(List.of("[old] was (~old@gone.example): Old Friend", "[old] End of WHOWAS"),
                texts(server).subList(texts(server).size() - 2, texts(server).size()));
    }

    @Test
    void anAwayReplyGoesToTheQueryWithThatNick() {
        receive(":ann!a@h PRIVMSG me :are you there?");
        receive(":irc.example 301 me ann :gone fishing");
        assertEquals("[ann] is away: gone fishing", lastLine(buffer("ann")).text());
        receive(":irc.example 301 me bob :at lunch");
        assertEquals("[bob] is away: at lunch", lastLine(buffer("net")).text(), "no query with bob: the server buffer");
    }

    @Test
    void aNamesListAfterTheJoinsOwnIsShownInTheChannelAndTheJoinsOwnIsNot() {
        joinChannel();
        Buffer channel = buffer("#chan");
        assertTrue(texts(channel).stream().noneMatch(t -> t.startsWith("Users on")), texts(channel).toString());
        receive(":irc.example 353 me = #Chan :me @alice!a@host");
        receive(":irc.example 366 me #Chan :End of /NAMES list.");
        assertEquals("Users on #Chan (2): @alice me", lastLine(channel).text());
        assertEquals(List.of("@alice", "me"), memberNames(channel));

        receive(":me!me@client.example PART #Chan");
        receive(":me!me@client.example JOIN #Chan");
        long before = channel.endLine();
        receive(":irc.example 353 me = #Chan :me bob");
        receive(":irc.example 366 me #Chan :End of /NAMES list.");
        assertTrue(texts(channel).subList((int) (before - channel.firstLine()), texts(channel).size()).stream()
                .noneMatch(t -> t.startsWith("Users on")), "after a rejoin the first list is the join's again");
    }

    @Test
    void aPingReplyEchoingOurOwnTimeShowsTheRoundTrip() {
        receive(":bob!b@h NOTICE me :\u0001PING " + (System.currentTimeMillis() - 250) + "\u0001");
        String text = lastLine(buffer("net")).text();
        assertTrue(text.matches("CTCP PING reply from bob: \\d+ ms"), text);
        long millis = Long.parseLong(text.replaceAll("\\D+", ""));
        assertTrue(millis >= 250 && millis < 10_000, text);
        receive(":bob!b@h NOTICE me :\u0001PING abc123\u0001");
        assertEquals("CTCP PING reply from bob: abc123", lastLine(buffer("net")).text(), "another client's token");
        receive(":bob!b@h NOTICE me :\u0001VERSION\u0001");
        assertEquals("CTCP VERSION reply from bob", lastLine(buffer("net")).text(), "a reply without arguments");
    }

    @Test
    void whoRepliesNameTheUserHostFlagsAndRealName() {
        receive(":irc.example 352 me #dog ~ann 127.0.0.1 irc.example ann H@ :0 Ann Example");
        assertEquals("[#dog] ann (~ann@127.0.0.1) H@: Ann Example", lastLine(buffer("net")).text());
        receive(":irc.example 315 me #dog :End of WHO list");
        assertEquals("[#dog] End of WHO list", lastLine(buffer("net")).text());
    }

    @Test
    void theReadPositionIsWhereTheBufferWasLastMarkedRead() {
        joinChannel();
        Buffer channel = buffer("#chan");
        session.markRead(channel.id());
        long read = channel.endLine();
        assertEquals(read, channel.readUpTo());
        receive(":alice!a@host PRIVMSG #Chan :one");
        receive(":bob!b@host2 JOIN #Chan");
        assertEquals(read, channel.readUpTo(), "lines that came meanwhile are after it");
        session.markRead(channel.id());
        assertEquals(channel.endLine(), channel.readUpTo());
    }

    @Test
    void aHugeChannelsListingNamesTheFirstAndCountsTheRest() {
        receive(":me!me@client.example JOIN #big");
        receive(":irc.example 353 me = #big :me");
        receive(":irc.example 366 me #big :End of /NAMES list.");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            names.append(" n").append(i);
        }
        receive(":irc.example 353 me = #big :" + names.toString().strip());
        receive(":irc.example 366 me #big :End of /NAMES list.");
        String text = lastLine(buffer("#big")).text();
        assertTrue(text.startsWith("Users on #big (1000): "), text);
        assertTrue(text.endsWith(" … and 700 more in the nick list"), text);
        assertEquals(1000, buffer("#big").memberCount());
    }
}
