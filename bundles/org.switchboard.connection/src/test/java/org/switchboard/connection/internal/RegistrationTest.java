package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.testsupport.ScriptedIrcServer;

/** Registration against exact server scripts: CAP 302, PASS, NICK/USER, nick fallbacks, SASL. */
class RegistrationTest {

    private final ScriptedIrcServer server = ScriptedIrcServer.start();
    private final Harness harness = new Harness();

    @AfterEach
    void tearDown() {
        server.close();
        harness.close();
    }

    /** Answers CAP LS with {@code caps} and returns the capabilities the client requested (none: CAP END). */
    static Set<String> negotiate(ScriptedIrcServer.Peer peer, String caps) {
        peer.awaitLine("CAP LS 302");
        peer.send(":" + ScriptedIrcServer.SERVER_NAME + " CAP * LS :" + caps);
        String next = peer.awaitLine(line -> line.startsWith("CAP REQ") || line.equals("CAP END"));
        if (next.equals("CAP END")) {
            return Set.of();
        }
        String requested = StringUtils.removeStart(StringUtils.substringAfter(next, "CAP REQ "), ":");
        peer.send(":" + ScriptedIrcServer.SERVER_NAME + " CAP * ACK :" + requested);
        return Set.of(StringUtils.split(requested, ' '));
    }

    /** A complete plain registration: empty CAP LS, NICK/USER, welcome. */
    static void register(ScriptedIrcServer.Peer peer, String nick) {
        peer.awaitLine("CAP LS 302");
        peer.send(":" + ScriptedIrcServer.SERVER_NAME + " CAP * LS :");
        peer.awaitLine("CAP END");
        peer.welcome(nick, "CHANTYPES=#", "NETWORK=Scripted", "CASEMAPPING=rfc1459");
    }

    @Test
    void registersWithCapNickAndUserButNoPass() {
        harness.start(Harness.settings(server.port()).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        Set<String> requested = negotiate(peer, "multi-prefix server-time away-notify draft/example=a=b");
        peer.awaitLine("CAP END");
        assertEquals(Set.of("multi-prefix", "server-time"), requested);
        peer.welcome("alice", "NETWORK=Scripted", "NICKLEN=20");

        Harness.StateChange connected = harness.awaitState(ConnectionState.CONNECTED);
        assertTrue(connected.detail().contains("alice"), connected.detail());
        harness.awaitReceived(m -> m.is("376"));
        List<String> lines = peer.received();
        assertEquals("CAP LS 302", lines.get(0));
        assertTrue(lines.contains("NICK alice"), lines.toString());
        assertTrue(lines.contains("USER alice 0 * :Alice Real"), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("PASS")), lines.toString());
        assertEquals(Set.of("multi-prefix", "server-time"), harness.connection.enabledCapabilities());
        assertEquals(20, harness.connection.isupport().nicklen().getAsInt());
        assertEquals("Scripted", harness.connection.isupport().network().orElseThrow());
    }

    @Test
    void onPlaintextThePasswordWaitsForTheCapabilityListAndPrecedesNickAndUser() {
        harness.start(Harness.settings(server.port()).serverPassword("s3cret").build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.send(":srv CAP * LS * :multi-prefix");
        peer.send(":srv NOTICE * :*** Looking up your hostname...");
        peer.send(":srv CAP * LS :server-time");
        peer.awaitLineStartingWith("USER ");
        List<String> lines = peer.received();
        assertEquals(List.of("CAP LS 302", "PASS s3cret", "NICK alice"), lines.subList(0, 3), lines.toString());
        // the PASS line is a secret: not reported as "sent"
        peer.awaitLineStartingWith("CAP REQ");
        peer.send(":srv CAP * ACK :multi-prefix server-time");
        peer.awaitLine("CAP END");
        peer.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
        assertFalse(harness.sent.stream().anyMatch(m -> m.is("PASS")));
        assertTrue(harness.sent.stream().anyMatch(m -> m.is("NICK")));
    }

    @Test
    void aRefusedPasswordIsTheReasonShownNotTheErrorThatFollowsIt() {
        harness.start(Harness.settings(server.port()).serverPassword("wrong").reconnect(5000, 5000).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.send(":srv CAP * LS :multi-prefix");
        peer.awaitLineStartingWith("USER ");
        peer.send(":srv 464 alice :Password incorrect");
        Harness.StateChange dropped = closedWith(peer, "ERROR :Closing Link: 127.0.0.1 (Bad Password)");
        assertTrue(dropped.detail().startsWith("The server refused the password (Password incorrect); retrying in"),
                dropped.detail());
        assertFalse(dropped.detail().contains("wrong"), "the password itself is never shown: " + dropped.detail());
    }

    @Test
    void aServerThatWantsAPasswordWhereNoneIsSetSaysSo() {
        harness.start(Harness.settings(server.port()).reconnect(5000, 5000).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLineStartingWith("USER ");
        peer.send(":srv 464 alice :Password required");
        Harness.StateChange dropped = closedWith(peer, "ERROR :Closing Link: 127.0.0.1 (Bad Password)");
        assertTrue(dropped.detail().startsWith(
                "The server asks for a password; none is set for this network (Password required)"), dropped.detail());
    }

    @Test
    void a464ThatIsFollowedByTheWelcomeIsForgotten() {
        harness.start(Harness.settings(server.port()).reconnect(5000, 5000).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLineStartingWith("USER ");
        peer.send(":srv 464 alice :Password required");
        peer.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
        Harness.StateChange dropped = closedWith(peer, "ERROR :Closing Link: 127.0.0.1 (Ping timeout)");
        assertTrue(dropped.detail().startsWith("Server closed the link: Closing Link: 127.0.0.1 (Ping timeout)"),
                dropped.detail());
    }

    @Test
    void a464AfterRegistrationIsNotAboutTheServerPassword() {
        harness.start(Harness.settings(server.port()).reconnect(5000, 5000).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLineStartingWith("USER ");
        peer.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
        // an OPER with a wrong password, say
        peer.send(":srv 464 alice :Password incorrect");
        Harness.StateChange dropped = closedWith(peer, "ERROR :Closing Link: 127.0.0.1 (Killed)");
        assertTrue(dropped.detail().startsWith("Server closed the link: Closing Link: 127.0.0.1 (Killed)"),
                dropped.detail());
    }

    @Test
    void aServerWithoutCapGetsThePasswordAfterItsErrorReply() {
        harness.start(Harness.settings(server.port()).serverPassword("s3cret").build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.send(":srv 421 * CAP :Unknown command");
        peer.awaitLineStartingWith("USER ");
        assertEquals(List.of("CAP LS 302", "PASS s3cret", "NICK alice"), peer.received().subList(0, 3));
        peer.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
    }

    @Test
    void aServerThatNeverAnswersCapLsGetsThePasswordAtOnceNextTime() {
        harness.start(Harness.settings(server.port()).serverPassword("s3cret").reconnect(50, 100).build());
        ScriptedIrcServer.Peer silent = server.awaitPeer();
        silent.awaitLine("CAP LS 302");
        // the keepalive's registration timeout would end this link; a hang-up ends it the same way
        silent.close();
        ScriptedIrcServer.Peer next = server.awaitPeer();
        next.awaitLineStartingWith("USER ");
        assertEquals(List.of("CAP LS 302", "PASS s3cret", "NICK alice"), next.received().subList(0, 3));
        assertEquals(List.of("CAP LS 302"), silent.received());
        next.send(":srv CAP * LS :");
        next.awaitLine("CAP END");
        next.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
    }

    @Test
    void withoutAPasswordNickAndUserDoNotWaitForTheCapabilityList() {
        harness.start(Harness.settings(server.port()).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLineStartingWith("USER ");
        assertEquals(List.of("CAP LS 302", "NICK alice"), peer.received().subList(0, 2));
    }

    @Test
    void multiLineLsIsCollectedAndNakLeavesNothingEnabled() {
        harness.capabilities.add("away-notify");
        harness.start(Harness.settings(server.port()).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.send(":srv CAP * LS * :multi-prefix sasl=PLAIN,EXTERNAL");
        peer.send(":srv CAP * LS * :account-tag");
        peer.send(":srv CAP * LS :away-notify draft/x=a=b");
        String req = peer.awaitLineStartingWith("CAP REQ");
        assertEquals(Set.of("multi-prefix", "away-notify"),
                Set.of(StringUtils.split(StringUtils.substringAfter(req, ":"), ' ')));
        assertEquals(1, peer.received().stream().filter(l -> l.startsWith("CAP REQ")).count());
        peer.send(":srv CAP * NAK :" + StringUtils.substringAfter(req, ":"));
        peer.awaitLine("CAP END");
        peer.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
        assertEquals(Set.of(), harness.connection.enabledCapabilities());
    }

    @Test
    void longRequestsAreSplitUnder510BytesAndAckedAtomically() {
        Set<String> many = new HashSet<>();
        StringBuilder offered = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            String cap = "vendor.example/capability-number-" + i;
            many.add(cap);
            offered.append(cap).append(' ');
        }
        harness.capabilities.addAll(many);
        harness.start(Harness.settings(server.port()).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.send(":srv CAP * LS :" + offered.toString().trim());
        Set<String> requested = new HashSet<>();
        List<String> requests = new java.util.ArrayList<>();
        while (requested.size() < many.size()) {
            String line = peer.awaitLineStartingWith("CAP REQ :");
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length + 2 <= 510, line);
            requests.add(line);
            requested.addAll(List.of(StringUtils.split(line.substring("CAP REQ :".length()), ' ')));
        }
        assertEquals(many, requested);
        assertTrue(requests.size() > 1);
        for (int i = 0; i < requests.size(); i++) {
            assertFalse(peer.received().contains("CAP END"), "CAP END before every REQ was answered");
            peer.send(":srv CAP * ACK :" + requests.get(i).substring("CAP REQ :".length()));
        }
        peer.awaitLine("CAP END");
        peer.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
        assertEquals(many, harness.connection.enabledCapabilities());
    }

    @Test
    void takenNickFallsBackToAlternatesThenGeneratedNicks() {
        harness.start(Harness.settings(server.port()).alternateNicks(List.of("alicia")).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.send(":srv CAP * LS :");
        peer.awaitLine("NICK alice");
        peer.send(":srv 433 * alice :Nickname is already in use");
        peer.awaitLine("NICK alicia");
        peer.send(":srv 432 * alicia :Erroneous nickname");
        peer.awaitLine("NICK alice_");
        peer.send(":srv 437 * alice_ :Nick/channel is temporarily unavailable");
        peer.awaitLine("NICK alice1");
        peer.send(":srv 436 * alice1 :Nickname collision");
        peer.awaitLine("NICK alice2");
        peer.welcome("alice2");
        harness.awaitState(ConnectionState.CONNECTED);
        assertEquals("alice2", harness.connection.nick());
        // after registration a 433 is the user's business: no automatic NICK
        harness.connection.send(org.switchboard.api.irc.IrcMessage.of("NICK", "bob"));
        peer.awaitLine("NICK bob");
        peer.send(":srv 433 alice2 bob :Nickname is already in use");
        harness.connection.send(org.switchboard.api.irc.IrcMessage.of("PRIVMSG", "#x", "marker"));
        peer.awaitLineStartingWith("PRIVMSG #x");
        assertEquals(1, peer.received().stream().filter(l -> l.startsWith("NICK bob")).count());
        assertFalse(peer.received().contains("NICK alice3"));
    }

    /** Registers without a MOTD, then queues a line for #wait; the line and the JOIN wait for the MOTD's end. */
    private ScriptedIrcServer.Peer welcomedWithoutMotd(int motdWaitMillis) {
        harness.start(Harness.settings(server.port()).autojoin(List.of("#wait")).motdWaitMillis(motdWaitMillis)
                .build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.send(":srv CAP * LS :");
        peer.awaitLineStartingWith("USER ");
        peer.send(":srv 001 alice :Welcome, and no MOTD will follow");
        harness.awaitState(ConnectionState.CONNECTED);
        harness.connection.send(org.switchboard.api.irc.IrcMessage.of("PRIVMSG", "#wait", "queued"));
        return peer;
    }

    @Test
    void withinTheMotdWaitALineFromTheServerReleasesNothing() {
        // a wait no slow machine can outlast while the test runs
        ScriptedIrcServer.Peer peer = welcomedWithoutMotd(60_000);
        peer.send(":srv NOTICE alice :still registering you");
        // the PONG goes out behind a JOIN that the NOTICE would have queued
        peer.send("PING :sync");
        peer.awaitLineStartingWith("PONG");
        assertFalse(peer.received().stream().anyMatch(l -> l.startsWith("JOIN") || l.startsWith("PRIVMSG")),
                peer.received().toString());
        // the MOTD may still come, and its end releases them
        peer.send(":srv 422 alice :MOTD File is missing");
        peer.awaitLine("JOIN #wait");
        peer.awaitLineStartingWith("PRIVMSG #wait");
    }

    @Test
    void aServerThatNeverEndsItsMotdGetsTheChannelsAndQueuedLinesAfterTheWait() {
        ScriptedIrcServer.Peer peer = welcomedWithoutMotd(50);
        // at least the wait; a slower test only waits longer
        Harness.sleep(200);
        // The first line after the wait releases them.
        peer.send(":srv NOTICE alice :anything at all");
        peer.awaitLine("JOIN #wait");
        peer.awaitLineStartingWith("PRIVMSG #wait");
    }

    @Test
    void pingBeforeWelcomeIsAnsweredSoRegistrationCompletes() {
        harness.start(Harness.settings(server.port()).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.awaitLineStartingWith("USER ");
        // a server that wants its cookie back before it says 001 (and never answers CAP)
        peer.send("PING :cookie-1234");
        String pong = peer.awaitLineStartingWith("PONG");
        assertEquals("PONG cookie-1234", pong.replace(":", ""));
        peer.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
        // a server without CAP support: no CAP END needed after 001
        assertFalse(peer.received().contains("CAP END"));
    }

    @Test
    void saslPlainSucceedsBeforeCapEnd() {
        harness.start(Harness.settings(server.port()).sasl("PLAIN", "alice-account", "pa55")
                .saslAllowPlaintext(true).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.send(":srv CAP * LS :sasl=PLAIN,EXTERNAL multi-prefix");
        String req = peer.awaitLineStartingWith("CAP REQ");
        assertTrue(req.contains("sasl"), req);
        peer.send(":srv CAP * ACK :" + StringUtils.substringAfter(req, ":"));
        peer.awaitLine("AUTHENTICATE PLAIN");
        peer.send("AUTHENTICATE +");
        String payload = peer.awaitLineStartingWith("AUTHENTICATE ").substring("AUTHENTICATE ".length());
        assertEquals("alice-account\0alice-account\0pa55",
                new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8));
        assertFalse(peer.received().contains("CAP END"));
        peer.send(":srv 900 alice alice!alice@host alice-account :You are now logged in as alice-account");
        peer.send(":srv 903 alice :SASL authentication successful");
        peer.awaitLine("CAP END");
        peer.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
        assertTrue(harness.connection.enabledCapabilities().contains("sasl"));
    }

    @Test
    void saslPayloadOfExactly400BytesIsFollowedByAPlus() {
        // PLAIN payload: user \0 user \0 password; 300 bytes encode to exactly 400 base64 characters
        String password = "p".repeat(300 - 2 * "sbuser".length() - 2);
        harness.start(Harness.settings(server.port()).sasl("PLAIN", "sbuser", password)
                .saslAllowPlaintext(true).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        negotiate(peer, "sasl");
        peer.awaitLine("AUTHENTICATE PLAIN");
        peer.send("AUTHENTICATE +");
        String first = peer.awaitLineStartingWith("AUTHENTICATE ");
        String second = peer.awaitLineStartingWith("AUTHENTICATE ");
        assertEquals(400, first.substring("AUTHENTICATE ".length()).length());
        assertEquals("AUTHENTICATE +", second);
        String decoded = new String(Base64.getDecoder().decode(first.substring(13)), StandardCharsets.UTF_8);
        assertEquals("sbuser\0sbuser\0" + password, decoded);
    }

    @Test
    void saslFailureDisconnectsAndStaysDown() {
        harness.start(Harness.settings(server.port()).sasl("PLAIN", "alice", "wrong")
                .saslAllowPlaintext(true).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        negotiate(peer, "sasl");
        peer.awaitLine("AUTHENTICATE PLAIN");
        peer.send("AUTHENTICATE +");
        peer.awaitLineStartingWith("AUTHENTICATE ");
        peer.send(":srv 904 alice :SASL authentication failed");
        Harness.StateChange down = harness.awaitState(ConnectionState.DISCONNECTED);
        assertTrue(down.detail().contains("SASL authentication as alice failed"), down.detail());
        assertTrue(down.detail().contains("904"), down.detail());
        assertFalse(peer.received().contains("CAP END"));
        peer.awaitClosed();
        assertEquals(1, server.connectionCount());
        assertFalse(harness.states.stream().anyMatch(s -> s.current() == ConnectionState.WAITING_TO_RECONNECT));
    }

    @Test
    void saslFailureMayContinueWhenNotRequired() {
        harness.start(Harness.settings(server.port()).sasl("PLAIN", "alice", "wrong")
                .saslAllowPlaintext(true).saslRequired(false).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        negotiate(peer, "sasl");
        peer.awaitLine("AUTHENTICATE PLAIN");
        peer.send("AUTHENTICATE +");
        peer.awaitLineStartingWith("AUTHENTICATE ");
        peer.send(":srv 904 alice :SASL authentication failed");
        peer.awaitLine("CAP END");
        peer.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
        assertTrue(harness.notices.stream().anyMatch(n -> n.contains("continuing unauthenticated")));
    }

    @Test
    void saslPlainIsNotSentOverPlaintextUnlessAllowed() {
        harness.start(Harness.settings(server.port()).sasl("PLAIN", "alice", "secret").build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.send(":srv CAP * LS :sasl multi-prefix");
        Harness.StateChange down = harness.awaitState(ConnectionState.DISCONNECTED);
        assertTrue(down.detail().contains("unencrypted"), down.detail());
        peer.awaitClosed();
        assertFalse(peer.received().stream().anyMatch(l -> l.startsWith("AUTHENTICATE")), peer.received().toString());
        assertFalse(peer.received().stream().anyMatch(l -> l.contains("sasl")), peer.received().toString());
    }

    @Test
    void saslExternalSendsAnEmptyResponse() {
        // EXTERNAL needs TLS; the scripted TLS server presents the test CA's certificate
        org.switchboard.testsupport.TlsMaterial tls = org.switchboard.testsupport.TlsMaterial.shared();
        try (ScriptedIrcServer tlsServer = ScriptedIrcServer.startTls(tls.serverContext())) {
            harness.start(NetworkSettings.builder("testnet", "alice").server("127.0.0.1", tlsServer.port(), true)
                    .trustStore(tls.trustStore().toString(), org.switchboard.testsupport.TlsMaterial.STORE_PASSWORD)
                    .sasl("EXTERNAL", "", "").build());
            ScriptedIrcServer.Peer peer = tlsServer.awaitPeer();
            negotiate(peer, "sasl=EXTERNAL");
            peer.awaitLine("AUTHENTICATE EXTERNAL");
            peer.send("AUTHENTICATE +");
            peer.awaitLine("AUTHENTICATE +");
            peer.send(":srv 903 alice :SASL authentication successful");
            peer.awaitLine("CAP END");
            peer.welcome("alice");
            harness.awaitState(ConnectionState.CONNECTED);
        }
    }

    /**
     * Starts the client with SCRAM-SHA-256 as user/pencil and plays the server up to and including its first
     * message; returns the server side, which checks the client's proof and signs the end.
     */
    private ScramServer scramUpToServerFirst(ScriptedIrcServer.Peer peer) throws Exception {
        negotiate(peer, "sasl=SCRAM-SHA-256");
        peer.awaitLine("AUTHENTICATE SCRAM-SHA-256");
        peer.send("AUTHENTICATE +");
        String clientFirst = decode(peer.awaitLineStartingWith("AUTHENTICATE "));
        assertTrue(clientFirst.startsWith("n,,n=user,r="), clientFirst);
        ScramServer scram = new ScramServer("pencil", clientFirst.substring(3),
                clientFirst.substring("n,,n=user,r=".length()));
        peer.send("AUTHENTICATE " + encode(scram.serverFirst()));
        return scram;
    }

    @Test
    void saslScramSha256CompletesAgainstAServerComputingTheRfcExchange() throws Exception {
        harness.start(Harness.settings(server.port()).sasl("SCRAM-SHA-256", "user", "pencil").build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        ScramServer scram = scramUpToServerFirst(peer);
        String clientFinal = decode(peer.awaitLineStartingWith("AUTHENTICATE "));
        assertTrue(scram.verifyClientFinal(clientFinal), "client proof is wrong: " + clientFinal);
        peer.send("AUTHENTICATE " + encode(scram.serverFinal()));
        peer.awaitLine("AUTHENTICATE +");
        peer.send(":srv 903 alice :SASL authentication successful");
        peer.awaitLine("CAP END");
    }

    @Test
    void saslScramSuccessWithoutTheServerSignatureIsAFailure() throws Exception {
        harness.start(Harness.settings(server.port()).sasl("SCRAM-SHA-256", "user", "pencil").build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        scramUpToServerFirst(peer);
        peer.awaitLineStartingWith("AUTHENTICATE ");
        // an impostor that cannot compute v=... just says "success"
        peer.send(":srv 903 alice :SASL authentication successful");
        Harness.StateChange down = harness.awaitState(ConnectionState.DISCONNECTED);
        assertTrue(down.detail().contains("the server did not prove it knows the password"), down.detail());
        peer.awaitClosed();
        assertFalse(peer.received().contains("CAP END"), peer.received().toString());
        assertEquals(1, server.connectionCount());
    }

    @Test
    void saslScramSuccessBeforeTheServerFirstMessageIsAFailureToo() {
        harness.start(Harness.settings(server.port()).sasl("SCRAM-SHA-256", "user", "pencil").saslRequired(false)
                .build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        negotiate(peer, "sasl=SCRAM-SHA-256");
        peer.awaitLine("AUTHENTICATE SCRAM-SHA-256");
        peer.send(":srv 903 alice :SASL authentication successful");
        peer.awaitLine("CAP END");
        assertTrue(harness.notices.stream().anyMatch(n -> n.contains("did not prove it knows the password")
                && n.contains("continuing unauthenticated")), harness.notices.toString());
    }

    /** The server sends {@code errorLine} and hangs up; returns the state the connection reports then. */
    private Harness.StateChange closedWith(ScriptedIrcServer.Peer peer, String errorLine) {
        peer.send(errorLine);
        peer.close();
        return harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
    }

    private static String decode(String line) {
        return new String(Base64.getDecoder().decode(line.substring("AUTHENTICATE ".length())), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
