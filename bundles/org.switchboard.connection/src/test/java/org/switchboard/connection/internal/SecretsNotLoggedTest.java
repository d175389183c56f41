package org.switchboard.connection.internal;

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

    /** Every log record of org.switchboard while {@code body} runs, formatted, with every level on. */
    private static String logsOf(Runnable body) {
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
