package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.testsupport.ScriptedIrcServer;

/** With every log level on, neither the server password nor the SASL password reaches a log record. */
class SecretsNotLoggedTest {

    private static final String SERVER_PASSWORD = "srv-pw-7f3a9";
    private static final String SASL_PASSWORD = "sasl-pw-c41d2";

    private static final String NICKSERV_PASSWORD = "ns-pw-93be1";

    /** The two halves of a password with a line break in between: neither may be logged. */
    private static final String BROKEN_PASSWORD_START = "pw-before-5c2e";
    private static final String BROKEN_PASSWORD_END = "pw-after-a71f";

    private static final String CHANNEL_KEY = "chan-key-44d0";

    /** Every log record of org.switchboard while {@code body} runs, formatted, with every level on. */
    static String logsOf(Runnable body) {
        List<String> logged = new CopyOnWriteArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("org.switchboard");
        Level previous = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        try {
            body.run();
        } finally {
            root.removeHandler(capture);
            root.setLevel(previous);
        }
        return String.join("\n", logged);
    }

    @Test
    void aPasswordSentToNickServIsMaskedInTheTraceBothWays() {
        String all = logsOf(() -> {
            try (ScriptedIrcServer server = ScriptedIrcServer.start(); Harness harness = new Harness()) {
                NetworkConnection connection = harness.start(Harness.settings(server.port()).build());
                ScriptedIrcServer.Peer peer = server.awaitPeer();
                RegistrationTest.register(peer, "alice");
                harness.awaitState(ConnectionState.CONNECTED);
                connection.send(org.switchboard.api.irc.IrcMessage.of("PRIVMSG", "NickServ",
                        "IDENTIFY alice " + NICKSERV_PASSWORD));
                peer.awaitLine("PRIVMSG NickServ :IDENTIFY alice " + NICKSERV_PASSWORD);
                // the server's alias, as /raw sends it
                connection.send(org.switchboard.api.irc.IrcMessage.of("NS", "IDENTIFY", NICKSERV_PASSWORD));
                peer.awaitLine("NS IDENTIFY " + NICKSERV_PASSWORD);
                // what an echo-message server sends back
                peer.send(":alice!a@h PRIVMSG NickServ :IDENTIFY alice " + NICKSERV_PASSWORD);
                peer.send(":NickServ!s@services. NOTICE alice :You are now identified for alice.");
                harness.awaitReceived(m -> m.is("NOTICE"));
            }
        });
        assertTrue(all.contains(">> PRIVMSG [NickServ, IDENTIFY alice ****]"), all);
        assertTrue(all.contains("<< PRIVMSG [NickServ, IDENTIFY alice ****]"), all);
        assertTrue(all.contains(">> NS [IDENTIFY ****]"), all);
        assertFalse(all.contains(NICKSERV_PASSWORD), all);
    }

    @Test
    void everyServicesAliasOfTheServersHasItsPasswordMaskedInTheTrace() {
        assertEquals(List.of("LOGIN ****"), traced("OS", "LOGIN", NICKSERV_PASSWORD));
        assertEquals(List.of("LOGIN ****"), traced("operserv", "LOGIN", NICKSERV_PASSWORD));
        assertEquals(List.of("IDENTIFY #chan ****"), traced("CHANSERV", "IDENTIFY", "#chan", NICKSERV_PASSWORD));
        assertEquals(List.of("GHOST alice ****"), traced("NickServ", "GHOST alice " + NICKSERV_PASSWORD));
        // IDENTIFY and LOGIN as commands of their own (UnrealIRCd, InspIRCd's services aliases)
        assertEquals(List.of("****"), traced("IDENTIFY", NICKSERV_PASSWORD));
        assertEquals(List.of("alice ****"), traced("login", "alice", NICKSERV_PASSWORD));
        // nothing secret: left as it is
        assertEquals(List.of("LIST"), traced("MS", "LIST"));
        assertEquals(List.of("#chan", "hello"), traced("PRIVMSG", "#chan", "hello"));
    }

    @Test
    void channelKeysAreMaskedInTheTraceOfOurJoins() {
        assertEquals(List.of("#locked", "****"), traced("JOIN", "#locked", CHANNEL_KEY));
        assertEquals(List.of("#a,#b", "****"), traced("JOIN", "#a,#b", CHANNEL_KEY + ",other"));
        assertEquals(List.of("#open"), traced("JOIN", "#open"));
        // a server's extended-join carries the account, not a key
        assertEquals(List.of("#x", "bobsaccount", "Bob"), NetworkConnection.traceParams(
                new org.switchboard.api.irc.IrcMessage(java.util.Map.of(), "bob!b@h", "JOIN",
                        List.of("#x", "bobsaccount", "Bob"))));
    }

    @Test
    void aServerPasswordWithALineBreakIsNeitherSentNorLoggedAndNeitherAreChannelKeys() {
        String[] notices = new String[1];
        String all = logsOf(() -> {
            try (ScriptedIrcServer server = ScriptedIrcServer.start(); Harness harness = new Harness()) {
                NetworkConnection connection = harness.start(Harness.settings(server.port())
                        .serverPassword(BROKEN_PASSWORD_START + "\r" + BROKEN_PASSWORD_END)
                        .autojoin(List.of("#locked " + CHANNEL_KEY)).build());
                ScriptedIrcServer.Peer peer = server.awaitPeer();
                RegistrationTest.register(peer, "alice");
                harness.awaitState(ConnectionState.CONNECTED);
                peer.awaitLine("JOIN #locked " + CHANNEL_KEY);
                // as /raw or /oper would send them
                assertFalse(connection.send(org.switchboard.api.irc.IrcMessage.of("OPER", "admin",
                        BROKEN_PASSWORD_START + "\n" + BROKEN_PASSWORD_END)));
                assertFalse(connection.send(org.switchboard.api.irc.IrcMessage.of("PASS",
                        BROKEN_PASSWORD_START + "\u0000" + BROKEN_PASSWORD_END)));
                connection.send(org.switchboard.api.irc.IrcMessage.of("JOIN", "#typed", CHANNEL_KEY));
                peer.awaitLine("JOIN #typed " + CHANNEL_KEY);
                assertFalse(peer.received().stream().anyMatch(line -> line.startsWith("PASS")), peer.received().toString());
                notices[0] = harness.notices.toString();
            }
        });
        assertFalse(all.contains(BROKEN_PASSWORD_START), all);
        assertFalse(all.contains(BROKEN_PASSWORD_END), all);
        assertFalse(notices[0].contains(BROKEN_PASSWORD_START), notices[0]);
        assertFalse(all.contains(CHANNEL_KEY), all);
        // and the refusals were logged (the secrets were not merely dropped unseen)
        assertTrue(all.contains("not sending an invalid PASS"), all);
        assertTrue(all.contains("Refused to send an invalid OPER"), all);
        assertTrue(notices[0].contains("Not sent: PASS (parameter 1 holds a line break or NUL character)"), notices[0]);
        assertTrue(all.contains(">> JOIN [#locked, ****]"), all);
        assertTrue(all.contains(">> JOIN [#typed, ****]"), all);
    }

    @Test
    void aBadAutojoinEntryIsRefusedWithoutItsKey() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Harness.settings(1)
                        .autojoin(List.of("#locked " + CHANNEL_KEY + " with spaces")).build());
        assertTrue(refused.getMessage().contains("#locked"), refused.getMessage());
        assertFalse(refused.getMessage().contains(CHANNEL_KEY), refused.getMessage());
    }

    private static List<String> traced(String command, String... params) {
        return NetworkConnection.traceParams(org.switchboard.api.irc.IrcMessage.of(command, params));
    }

    @Test
    void passwordsNeverAppearInLogs() {
        String all = logsOf(() -> {
            try (ScriptedIrcServer server = ScriptedIrcServer.start(); Harness harness = new Harness()) {
                harness.start(Harness.settings(server.port()).serverPassword(SERVER_PASSWORD)
                        .sasl("PLAIN", "alice", SASL_PASSWORD).saslAllowPlaintext(true).build());
                ScriptedIrcServer.Peer peer = server.awaitPeer();
                RegistrationTest.negotiate(peer, "sasl");
                peer.awaitLine("AUTHENTICATE PLAIN");
                peer.send("AUTHENTICATE +");
                peer.awaitLineStartingWith("AUTHENTICATE ");
                peer.send(":srv 904 alice :SASL authentication failed");
                harness.awaitState(ConnectionState.DISCONNECTED);
                assertTrue(peer.received().contains("PASS " + SERVER_PASSWORD), "the password must reach the server");
            }
        });
        assertTrue(all.contains(">> NICK alice"), "trace logging was not captured:\n" + all);
        assertTrue(all.contains("PASS <redacted>"), all);
        assertFalse(all.contains(SERVER_PASSWORD), all);
        assertFalse(all.contains(SASL_PASSWORD), all);
        String encoded = java.util.Base64.getEncoder().encodeToString(
                ("alice\0alice\0" + SASL_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(all.contains(encoded), all);
        assertFalse(NetworkSettings.builder("n", "alice").server("h", 1, false).serverPassword(SERVER_PASSWORD)
                .sasl("PLAIN", "alice", SASL_PASSWORD).build().toString().contains("pw-"));
    }
}
