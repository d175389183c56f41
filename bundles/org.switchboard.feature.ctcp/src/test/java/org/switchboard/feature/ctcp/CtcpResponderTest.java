package org.switchboard.feature.ctcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.testfakes.MutableClock;

class CtcpResponderTest {

    private static final String CTCP = "\u0001";

    private final IrcProtocol protocol = new IrcProtocolComponent();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:34:56Z"),
            ZoneId.of("Europe/Berlin"));
    private final FakeConnection net = new FakeConnection("net", protocol);
    private final FakeConnection other = new FakeConnection("other", protocol);
    private final CtcpResponder responder = new CtcpResponder(protocol, clock, "1.2.3",
            new ReplyLimiter(clock, 3, 2000, 5, 1000));

    private void receive(FakeConnection connection, String line) {
        responder.onMessage(connection, protocol.parse(line));
    }

    @Test
    void versionIsAnsweredByNotice() {
        receive(net, ":bob!b@host PRIVMSG Me[away] :" + CTCP + "VERSION" + CTCP);
        assertEquals(List.of(IrcMessage.of("NOTICE", "bob", CTCP + "VERSION Switchboard 1.2.3 - Java "
                + System.getProperty("java.version") + CTCP)), net.sent);
    }

    @Test
    void pingEchoesItsArgument() {
        receive(net, ":bob!b@host PRIVMSG Me[away] :" + CTCP + "PING 1700000000 123" + CTCP);
        assertEquals(List.of(IrcMessage.of("NOTICE", "bob", CTCP + "PING 1700000000 123" + CTCP)), net.sent);
    }

    @Test
    void pingWithoutClosingDelimiterIsStillAnswered() {
        receive(net, ":bob!b@host PRIVMSG Me[away] :" + CTCP + "PING abc");
        assertEquals(List.of(IrcMessage.of("NOTICE", "bob", CTCP + "PING abc" + CTCP)), net.sent);
    }

    @Test
    void timeIsTheLocalTimeInRfc1123Form() {
        receive(net, ":bob!b@host PRIVMSG Me[away] :" + CTCP + "TIME" + CTCP);
        String expected = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.of(2026, 3, 1, 13, 34, 56, 0, ZoneId.of("Europe/Berlin")));
        assertEquals("Sun, 1 Mar 2026 13:34:56 +0100", expected);
        assertEquals(List.of(IrcMessage.of("NOTICE", "bob", CTCP + "TIME " + expected + CTCP)), net.sent);
    }

    @Test
    void clientinfoListsTheSupportedQueries() {
        receive(net, ":bob!b@host PRIVMSG #chan :" + CTCP + "clientinfo" + CTCP);
        assertEquals(List.of(IrcMessage.of("NOTICE", "bob",
                CTCP + "CLIENTINFO ACTION CLIENTINFO PING TIME VERSION" + CTCP)), net.sent);
    }

    @Test
    void noticesAreNeverAnswered() {
        receive(net, ":bob!b@host NOTICE Me[away] :" + CTCP + "VERSION" + CTCP);
        assertTrue(net.sent.isEmpty());
    }

    @Test
    void actionsUnknownQueriesAndPlainTextAreNotAnswered() {
        receive(net, ":bob!b@host PRIVMSG #chan :" + CTCP + "ACTION waves" + CTCP);
        receive(net, ":bob!b@host PRIVMSG Me[away] :" + CTCP + "DCC SEND x 1 2 3" + CTCP);
        receive(net, ":bob!b@host PRIVMSG Me[away] :VERSION");
        assertTrue(net.sent.isEmpty());
    }

    @Test
    void plainActionsAreToldFromTheBytesAndLookalikesAreNot() {
        assertTrue(CtcpResponder.isPlainAction(bytes(CTCP + "ACTION waves" + CTCP)));
        assertTrue(CtcpResponder.isPlainAction(bytes(CTCP + "ACTION" + CTCP)));
        assertTrue(CtcpResponder.isPlainAction(bytes(CTCP + "ACTION waves")));
        assertFalse(CtcpResponder.isPlainAction(bytes(CTCP + "ACTIONS" + CTCP)));
        assertFalse(CtcpResponder.isPlainAction(bytes(CTCP + "ACTION")));
        assertFalse(CtcpResponder.isPlainAction(bytes(CTCP + "VERSION" + CTCP)));
        assertFalse(CtcpResponder.isPlainAction(bytes("ACTION waves")));
        // A query that merely starts like an action is still answered.
        receive(net, ":bob!b@host PRIVMSG Me[away] :" + CTCP + "ACTIONVERSION" + CTCP);
        receive(net, ":bob!b@host PRIVMSG Me[away] :" + CTCP + "VERSION" + CTCP);
        assertEquals(1, net.sent.size(), net.sent.toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void queriesFromOurOwnNickAreIgnoredUnderTheCaseMapping() {
        receive(net, ":me{AWAY}!u@h PRIVMSG #chan :" + CTCP + "VERSION" + CTCP);
        assertTrue(net.sent.isEmpty());
    }

    @Test
    void queriesWithoutSourceAreIgnored() {
        receive(net, "PRIVMSG Me[away] :" + CTCP + "VERSION" + CTCP);
        assertTrue(net.sent.isEmpty());
    }

    @Test
    void overlongPingTokensAreCut() {
        receive(net, ":bob!b@host PRIVMSG Me[away] :" + CTCP + "PING " + "x".repeat(400) + CTCP);
        assertEquals(CTCP + "PING " + "x".repeat(CtcpResponder.MAX_PING_ARGUMENT) + CTCP, net.sent.get(0).lastParam());
    }

    @Test
    void aFloodOnOneNetworkGetsTheBurstThenOneReplyPerInterval() {
        for (int i = 0; i < 10; i++) {
            receive(net, ":bob" + i + "!b@host PRIVMSG #chan :" + CTCP + "PING " + i + CTCP);
        }
        assertEquals(3, net.sent.size(), "burst of the network bucket");
        clock.advanceMillis(1999);
        receive(net, ":late!b@host PRIVMSG #chan :" + CTCP + "PING x" + CTCP);
        assertEquals(3, net.sent.size(), "no token before the interval");
        clock.advanceMillis(1);
        receive(net, ":late!b@host PRIVMSG #chan :" + CTCP + "PING y" + CTCP);
        receive(net, ":late!b@host PRIVMSG #chan :" + CTCP + "PING z" + CTCP);
        assertEquals(4, net.sent.size(), "exactly one token after one interval");
        assertEquals(CTCP + "PING y" + CTCP, net.sent.get(3).lastParam());
    }

    @Test
    void networksHaveTheirOwnBucketsUnderAGlobalCap() {
        for (int i = 0; i < 5; i++) {
            receive(net, ":bob!b@host PRIVMSG #chan :" + CTCP + "VERSION" + CTCP);
            receive(other, ":bob!b@host PRIVMSG #chan :" + CTCP + "VERSION" + CTCP);
        }
        assertEquals(3, net.sent.size());
        assertEquals(2, other.sent.size(), "the global bucket of 5 was empty after 3 + 2");
        clock.advanceMillis(1000);
        receive(other, ":bob!b@host PRIVMSG #chan :" + CTCP + "VERSION" + CTCP);
        assertEquals(3, other.sent.size(), "the global bucket refills once a second");
    }

    @Test
    void tokensDoNotPileUpBeyondTheBurst() {
        clock.advanceMillis(60_000);
        for (int i = 0; i < 10; i++) {
            receive(net, ":bob!b@host PRIVMSG #chan :" + CTCP + "TIME" + CTCP);
        }
        assertEquals(3, net.sent.size());
    }
}
