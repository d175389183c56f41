package org.switchboard.feature.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.CtcpMessage;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.BufferType;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.testfakes.FakeInvocation;
import org.switchboard.testfakes.FakeSession;

class MessagingCommandsTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();
    private final FakeConnection connection = new FakeConnection(protocol);
    private final FakeSession session = new FakeSession();

    @BeforeEach
    void buffers() {
        session.add("testnet", "testnet", BufferType.SERVER);
        session.add("testnet", "#chan", BufferType.CHANNEL);
        session.add("testnet", "alice", BufferType.QUERY);
    }

    private FakeInvocation run(CommandHandler handler, String name, String args, String buffer) {
        FakeInvocation invocation = new FakeInvocation(name, args, buffer, connection);
        handler.execute(invocation);
        return invocation;
    }

    private static void assertOneError(FakeInvocation invocation, String expectedStart) {
        assertEquals(1, invocation.errors.size(), invocation.errors.toString());
        assertTrue(invocation.errors.get(0).startsWith(expectedStart), invocation.errors.get(0));
    }

    @Test
    void msgSendsThePrivmsgWithTheWholeText() {
        FakeInvocation invocation = run(new MsgCommand(protocol), "msg", "bob  hello  there ", "#chan");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "bob", "hello  there ")), connection.sent);
        assertTrue(invocation.errors.isEmpty());
    }

    @Test
    void msgWithoutTextExplainsUsage() {
        FakeInvocation invocation = run(new MsgCommand(protocol), "msg", "bob", "#chan");
        assertOneError(invocation, "Usage: /msg");
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void aTargetStartingWithAColonIsRefused() {
        FakeInvocation invocation = run(new MsgCommand(protocol), "msg", ":bob hi", "#chan");
        assertOneError(invocation, "':bob' is not a valid nick or channel name");
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void msgWhileDisconnectedSendsNothing() {
        connection.state = ConnectionState.DISCONNECTED;
        FakeInvocation invocation = run(new MsgCommand(protocol), "msg", "bob hi", "#chan");
        assertOneError(invocation, "Not connected to testnet");
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void msgOutsideANetworkSaysItNeedsOne() {
        FakeInvocation invocation = new FakeInvocation("msg", "bob hi", "console", null);
        new MsgCommand(protocol).execute(invocation);
        assertOneError(invocation, "/msg needs a network");
    }

    @Test
    void longMessagesAreSplitIntoLinesThatFit() {
        String text = "word ".repeat(200).strip();
        run(new MsgCommand(protocol), "msg", "bob " + text, "#chan");
        assertTrue(connection.sent.size() > 1, "split into " + connection.sent.size());
        StringBuilder rejoined = new StringBuilder();
        for (IrcMessage part : connection.sent) {
            String line = ":" + connection.ownSource() + " " + protocol.serialize(part) + "\r\n";
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 512, line);
            rejoined.append(part.lastParam()).append(' ');
        }
        assertEquals(text.replace(" ", ""), rejoined.toString().replace(" ", ""));
    }

    @Test
    void refusedSendIsReported() {
        connection.refuse = true;
        FakeInvocation invocation = run(new MsgCommand(protocol), "msg", "bob hi", "#chan");
        assertOneError(invocation, "Could not send PRIVMSG");
    }

    @Test
    void noticeSendsANotice() {
        run(new NoticeCommand(protocol), "notice", "#chan the build is green", "testnet");
        assertEquals(List.of(IrcMessage.of("NOTICE", "#chan", "the build is green")), connection.sent);
    }

    @Test
    void noticeWithoutArgumentsExplainsUsage() {
        assertOneError(run(new NoticeCommand(protocol), "notice", "", "testnet"), "Usage: /notice");
    }

    @Test
    void queryOpensABufferAndSendsTheFirstMessage() {
        FakeInvocation invocation = run(new QueryCommand(session, protocol), "query", "bob are you there?", "#chan");
        assertEquals(List.of("testnet/bob"), session.openedQueries);
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "bob", "are you there?")), connection.sent);
        assertTrue(invocation.errors.isEmpty());
    }

    @Test
    void queryWithoutTextOnlyOpensTheBufferEvenWhileDisconnected() {
        connection.state = ConnectionState.DISCONNECTED;
        FakeInvocation invocation = run(new QueryCommand(session, protocol), "query", "bob", "#chan");
        assertEquals(List.of("testnet/bob"), session.openedQueries);
        assertTrue(connection.sent.isEmpty());
        assertTrue(invocation.errors.isEmpty());
    }

    @Test
    void queryOfAChannelIsRefused() {
        FakeInvocation invocation = run(new QueryCommand(session, protocol), "query", "#other", "#chan");
        assertOneError(invocation, "/query opens a conversation with a nick");
        assertTrue(session.openedQueries.isEmpty());
    }

    @Test
    void queryOutsideANetworkOpensNothing() {
        FakeInvocation invocation = new FakeInvocation("query", "bob", "console", null);
        new QueryCommand(session, protocol).execute(invocation);
        assertOneError(invocation, "/query needs a network");
        assertTrue(session.openedQueries.isEmpty());
    }

    @Test
    void queryWithoutNickExplainsUsage() {
        assertOneError(run(new QueryCommand(session, protocol), "query", " ", "#chan"), "Usage: /query");
    }

    @Test
    void meSendsACtcpActionToTheBuffersTarget() {
        run(new MeCommand(session, protocol), "me", "waves", "alice");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "alice", "\u0001ACTION waves\u0001")), connection.sent);
    }

    @Test
    void longActionsKeepTheirFramingInEveryPart() {
        String action = "dances ".repeat(120).strip();
        run(new MeCommand(session, protocol), "me", action, "#chan");
        assertTrue(connection.sent.size() > 1);
        StringBuilder rejoined = new StringBuilder();
        for (IrcMessage part : connection.sent) {
            assertEquals("#chan", part.param(0));
            CtcpMessage ctcp = protocol.parseCtcp(part.lastParam());
            assertTrue(ctcp != null && ctcp.isAction(), part.lastParam());
            assertTrue(part.lastParam().endsWith("\u0001"), part.lastParam());
            rejoined.append(ctcp.arguments()).append(' ');
        }
        assertEquals(action.replace(" ", ""), rejoined.toString().replace(" ", ""));
    }

    @Test
    void meInTheServerBufferIsRefused() {
        FakeInvocation invocation = run(new MeCommand(session, protocol), "me", "waves", "testnet");
        assertOneError(invocation, "/me only works in a channel or query");
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void meRefusesTextThatWouldBreakTheCtcpFraming() {
        FakeInvocation invocation = run(new MeCommand(session, protocol), "me", "a \u0001 b", "#chan");
        assertOneError(invocation, "Not sent: ");
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void meWithoutActionExplainsUsage() {
        assertOneError(run(new MeCommand(session, protocol), "me", "", "#chan"), "Usage: /me");
    }

    @Test
    void rawParsesAndSendsTheLineWithoutASourcePrefix() {
        run(new RawCommand(protocol), "raw", ":spoof!x@y PRIVMSG #chan :hello world", "testnet");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "#chan", "hello world")), connection.sent);
    }

    @Test
    void rawKeepsClientTags() {
        run(new RawCommand(protocol), "raw", "@+draft/react=1 TAGMSG #chan", "testnet");
        assertEquals("1", connection.sent.get(0).tag("+draft/react"));
        assertEquals("TAGMSG", connection.sent.get(0).command());
    }

    @Test
    void rawRefusesAMalformedLineWithTheReason() {
        FakeInvocation invocation = run(new RawCommand(protocol), "raw", ":only-a-prefix", "testnet");
        assertOneError(invocation, "Not sent, malformed IRC line: ");
        assertTrue(invocation.errors.get(0).length() > "Not sent, malformed IRC line: ".length());
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void rawWorksDuringRegistration() {
        connection.state = ConnectionState.REGISTERING;
        run(new RawCommand(protocol), "raw", "CAP LS 302", "testnet");
        assertEquals(List.of(IrcMessage.of("CAP", "LS", "302")), connection.sent);
    }
}
