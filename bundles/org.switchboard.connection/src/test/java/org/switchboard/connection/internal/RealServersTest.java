package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.testsupport.HybridServer;
import org.switchboard.testsupport.InspircdServer;
import org.switchboard.testsupport.NgircdServer;
import org.switchboard.testsupport.TestIrcClient;
import org.switchboard.testsupport.TlsMaterial;

/**
 * The connection against Debian's ngircd, inspircd and ircd-hybrid, started on 127.0.0.1 with a temporary
 * configuration.
 */
class RealServersTest {

    private static final String CHANNEL = "#switchboard";

    private static long ownJoins(Harness harness) {
        return harness.received.stream().filter(m -> m.is("JOIN") && "alice".equals(m.sourceNick())
                && CHANNEL.equals(m.param(0))).count();
    }

    @Test
    void ngircdWithPasswordPingMessagesAndComingBackAfterTheServerWasKilled() {
        try (NgircdServer server = NgircdServer.builder().password("letmein").pingTimeoutSeconds(2).start();
                Harness harness = new Harness()) {
            harness.start(NetworkSettings.builder("ngircd", "alice").server(server.host(), server.port(), false)
                    .serverPassword("letmein").autojoin(List.of(CHANNEL)).reconnect(200, 500).flood(20, 500).build());
            harness.awaitState(ConnectionState.CONNECTED);
            harness.awaitReceived(m -> m.is("376") || m.is("422"));
            Harness.await("joined", () -> ownJoins(harness) == 1);

            try (TestIrcClient bob = TestIrcClient.connect(server.host(), server.port(), "bob", "letmein", null)) {
                bob.join(CHANNEL);
                bob.privmsg(CHANNEL, "hello alice");
                IrcMessage fromBob = harness.awaitReceived(m -> m.is("PRIVMSG") && "bob".equals(m.sourceNick()));
                assertEquals(List.of(CHANNEL, "hello alice"), fromBob.params());
                assertTrue(harness.connection.send(IrcMessage.of("PRIVMSG", CHANNEL, "hello bob")));
                bob.awaitPrivmsg("alice", CHANNEL, "hello bob");

                // ngircd pings an idle client after 2 s; the PONG (from the keepalive stand-in) keeps us in
                IrcMessage ping = harness.awaitReceived(m -> m.is("PING"));
                Harness.await("PONG sent", () -> harness.sent.stream()
                        .anyMatch(m -> m.is("PONG") && m.params().equals(ping.params())));
                harness.connection.send(IrcMessage.of("PRIVMSG", CHANNEL, "still here"));
                bob.awaitPrivmsg("alice", CHANNEL, "still here");
            }

            server.kill();
            Harness.StateChange dropped = harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
            assertTrue(dropped.detail().contains("retrying in"), dropped.detail());
            server.start();
            harness.awaitState(ConnectionState.CONNECTED);
            Harness.await("rejoined", () -> ownJoins(harness) == 2);
            try (TestIrcClient carol = TestIrcClient.connect(server.host(), server.port(), "carol", "letmein", null)) {
                carol.send("JOIN " + CHANNEL);
                String names = carol.awaitLine(line -> TestIrcClient.numeric(line).equals("353"));
                assertTrue(names.matches(".*[ :@+]alice( .*|$)"), names);
                harness.connection.disconnect("bye all");
                String quit = carol.awaitLine(line -> line.startsWith(":alice!") && line.contains(" QUIT "));
                assertTrue(quit.contains("bye all"), quit);
            }
            assertEquals("Disconnected (bye all)", harness.awaitState(ConnectionState.DISCONNECTED).detail());
        }
    }

    @Test
    void inspircdNegotiatesIrcv3CapabilitiesAndServesTls() {
        TlsMaterial tls = TlsMaterial.shared();
        try (InspircdServer server = InspircdServer.builder().tls(tls).start(); Harness harness = new Harness()) {
            harness.capabilities.add("echo-message");
            harness.capabilities.add("away-notify");
            harness.start(NetworkSettings.builder("inspircd", "alice").server(server.host(), server.tlsPort(), true)
                    .trustStore(tls.trustStore().toString(), TlsMaterial.STORE_PASSWORD)
                    .autojoin(List.of(CHANNEL)).build());
            harness.awaitState(ConnectionState.CONNECTED);
            assertTrue(harness.connection.enabledCapabilities().containsAll(Set.of("cap-notify", "multi-prefix",
                    "server-time", "message-tags", "batch", "echo-message", "away-notify")),
                    harness.connection.enabledCapabilities().toString());
            harness.awaitReceived(m -> m.is("376") || m.is("422"));
            assertEquals(InspircdServer.NETWORK_NAME, harness.connection.isupport().network().orElseThrow());
            Harness.await("joined", () -> ownJoins(harness) == 1);

            try (TestIrcClient bob = TestIrcClient.connect(server.host(), server.port(), "bob")) {
                bob.join(CHANNEL);
                bob.privmsg(CHANNEL, "tagged hello");
                IrcMessage fromBob = harness.awaitReceived(m -> m.is("PRIVMSG") && "bob".equals(m.sourceNick()));
                assertTrue(fromBob.tag("time") != null, "server-time tag missing: " + fromBob);
                assertTrue(fromBob.tag("msgid") != null, "msgid tag missing: " + fromBob);
                harness.connection.send(IrcMessage.of("PRIVMSG", CHANNEL, "over TLS"));
                bob.awaitPrivmsg("alice", CHANNEL, "over TLS");
                // echo-message was asked for, so our own line comes back
                harness.awaitReceived(m -> m.is("PRIVMSG") && "alice".equals(m.sourceNick()));
            }
        }
    }

    @Test
    void inspircdStsUpgradesAPlaintextServerToTlsAndThePolicyPersists(@TempDir Path dir) throws Exception {
        TlsMaterial tls = TlsMaterial.shared();
        Path file = dir.resolve("sts-policies.properties");
        try (InspircdServer server = InspircdServer.builder().tls(tls).sts(Duration.ofHours(1)).start()) {
            // by name: the policy's duration comes only to clients that sent SNI, and SNI cannot carry an address
            String host = InspircdServer.STS_HOST;
            NetworkSettings settings = NetworkSettings.builder("inspircd-sts", "alice").server(host, server.port(), false)
                    .trustStore(tls.trustStore().toString(), TlsMaterial.STORE_PASSWORD).reconnect(200, 500).build();
            String secure = host + ":+" + server.tlsPort();
            try (Harness harness = new Harness()) {
                harness.connection = new NetworkConnection(settings, Harness.PROTOCOL, harness,
                        new StsPolicies(file, Clock.systemUTC()));
                harness.connection.connect();
                Harness.StateChange connected = harness.awaitState(ConnectionState.CONNECTED);
                assertEquals("Registered on " + secure + " as alice", connected.detail());
                assertTrue(harness.states.stream().anyMatch(s -> s.current() == ConnectionState.CONNECTING
                        && s.detail().contains(secure) && s.detail().contains("STS")), harness.states.toString());
            }
            // the policy came over TLS (duration) and was written down: a new process goes straight to TLS
            StsPolicies reloaded = new StsPolicies(file, Clock.systemUTC());
            assertEquals(OptionalInt.of(server.tlsPort()), reloaded.tlsPort(host));
            try (Harness second = new Harness()) {
                second.connection = new NetworkConnection(settings, Harness.PROTOCOL, second, reloaded);
                second.connection.connect();
                second.awaitState(ConnectionState.CONNECTED);
                Harness.StateChange first = second.states.get(0);
                assertEquals(ConnectionState.CONNECTING, first.current());
                assertTrue(first.detail().contains(secure), first.detail());
            }
        }
    }

    @Test
    void ngircdTlsIsVerifiedRefusedOrSkippedOnRequest() {
        TlsMaterial tls = TlsMaterial.shared();
        try (NgircdServer server = NgircdServer.builder().tls(tls).start()) {
            try (Harness trusted = new Harness()) {
                trusted.start(NetworkSettings.builder("ngircd-tls", "alice")
                        .server(server.host(), server.tlsPort(), true)
                        .trustStore(tls.trustStore().toString(), TlsMaterial.STORE_PASSWORD).build());
                trusted.awaitState(ConnectionState.CONNECTED);
            }
            try (Harness untrusted = new Harness()) {
                untrusted.start(NetworkSettings.builder("ngircd-tls", "bobby")
                        .server(server.host(), server.tlsPort(), true).reconnect(5000, 5000).build());
                Harness.StateChange refused = untrusted.awaitState(ConnectionState.WAITING_TO_RECONNECT);
                assertTrue(refused.detail().contains("not signed by a trusted authority"), refused.detail());
                assertTrue(refused.detail().contains(CertificateChecker.displayFingerprint(
                        tls.serverFingerprintSha256())), refused.detail());
            }
            try (Harness insecure = new Harness()) {
                insecure.start(NetworkSettings.builder("ngircd-tls", "carol")
                        .server(server.host(), server.tlsPort(), true).tlsInsecureSkipVerify(true).build());
                insecure.awaitState(ConnectionState.CONNECTED);
            }
        }
    }

    /**
     * ircd-hybrid answers nothing, not even CAP LS, until its hostname and ident lookups are done, and the client
     * holds PASS, NICK and USER on a plaintext link until the capability list is in (for STS): the two waits must
     * not wait for each other. A wrong password ends in the server's own reason, and the next attempt is planned.
     */
    @Test
    void hybridHoldsInputUntilItsLookupsAreDoneAndTakesThePasswordAfterTheCapabilityList() {
        try (HybridServer server = HybridServer.builder().password("letmein").start()) {
            try (Harness harness = new Harness()) {
                harness.start(NetworkSettings.builder("hybrid", "alice").server(server.host(), server.port(), false)
                        .serverPassword("letmein").autojoin(List.of(CHANNEL)).build());
                Harness.StateChange connected = harness.awaitState(ConnectionState.CONNECTED);
                assertEquals("Registered on " + server.host() + ":" + server.port() + " as alice",
                        connected.detail());
                assertTrue(harness.received.stream().anyMatch(m -> m.is("CAP") && "LS".equals(m.param(1))),
                        "hybrid offered capabilities: " + harness.received);
                assertTrue(harness.connection.enabledCapabilities().contains("multi-prefix"),
                        harness.connection.enabledCapabilities().toString());
                Harness.await("joined", () -> ownJoins(harness) == 1);
                try (TestIrcClient bob = TestIrcClient.connect(server.host(), server.port(), "bob", "letmein",
                        null)) {
                    bob.join(CHANNEL);
                    bob.privmsg(CHANNEL, "hello from hybrid");
                    IrcMessage fromBob = harness.awaitReceived(m -> m.is("PRIVMSG") && "bob".equals(m.sourceNick()));
                    assertEquals(List.of(CHANNEL, "hello from hybrid"), fromBob.params());
                }
            }
            try (Harness refused = new Harness()) {
                refused.start(NetworkSettings.builder("hybrid", "mallory").server(server.host(), server.port(), false)
                        .serverPassword("guessed").reconnect(5000, 5000).build());
                Harness.StateChange dropped = refused.awaitState(ConnectionState.WAITING_TO_RECONNECT);
                assertTrue(dropped.detail().startsWith("The server refused the password (Password incorrect); "
                        + "retrying in"), dropped.detail());
                assertTrue(refused.received.stream().anyMatch(m -> m.is("464")), refused.received.toString());
            }
        }
    }
}
