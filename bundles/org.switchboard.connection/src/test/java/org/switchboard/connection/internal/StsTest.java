package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.testsupport.ScriptedIrcServer;
import org.switchboard.testsupport.TlsMaterial;

/** Strict Transport Security: upgrade on the advertised port, policy kept per host, no plaintext while active. */
class StsTest {

    @TempDir
    Path dir;

    private static NetworkSettings.Builder plaintext(ScriptedIrcServer plain, TlsMaterial tls) {
        return NetworkSettings.builder("sts", "alice").server("127.0.0.1", plain.port(), false)
                .trustStore(tls.trustStore().toString(), TlsMaterial.STORE_PASSWORD).reconnect(50, 100);
    }

    /** Connects over plaintext, answers CAP LS with {@code otherCaps} and an STS policy; the link the client left. */
    private static ScriptedIrcServer.Peer upgradeAdvertised(Harness harness, NetworkSettings settings,
            StsPolicies policies, ScriptedIrcServer plain, ScriptedIrcServer secure, String otherCaps) {
        harness.connection = new NetworkConnection(settings, Harness.PROTOCOL, harness, policies);
        harness.connection.connect();
        ScriptedIrcServer.Peer insecure = plain.awaitPeer();
        insecure.awaitLine("CAP LS 302");
        insecure.send(":srv CAP * LS :" + otherCaps + "sts=port=" + secure.port() + ",duration=999999");
        insecure.awaitClosed();
        return insecure;
    }

    @Test
    void plaintextLinkUpgradesToTlsAndThePolicyKeepsLaterConnectionsOnTls() throws Exception {
        TlsMaterial tls = TlsMaterial.shared();
        StsPolicies policies = new StsPolicies(dir.resolve("sts.properties"), Clock.systemUTC());
        try (ScriptedIrcServer plain = ScriptedIrcServer.start();
                ScriptedIrcServer secure = ScriptedIrcServer.startTls(tls.serverContext())) {
            NetworkSettings settings = plaintext(plain, tls).build();
            try (Harness harness = new Harness()) {
                ScriptedIrcServer.Peer insecure = upgradeAdvertised(harness, settings, policies, plain, secure,
                        "multi-prefix ");
                assertFalse(insecure.received().contains("CAP END"), "no registration over plaintext");
                assertFalse(insecure.received().stream().anyMatch(l -> l.startsWith("CAP REQ")));

                ScriptedIrcServer.Peer upgraded = secure.awaitPeer();
                Harness.StateChange connecting = harness.states.stream()
                        .filter(s -> s.current() == ConnectionState.CONNECTING).reduce((a, b) -> b).orElseThrow();
                assertTrue(connecting.detail().contains("STS"), connecting.detail());
                // plaintext durations are ignored; only the TLS link's policy is stored
                assertEquals(OptionalInt.empty(), policies.tlsPort("127.0.0.1"));
                upgraded.awaitLine("CAP LS 302");
                upgraded.send(":srv CAP * LS :sts=duration=3600");
                upgraded.awaitLine("CAP END");
                upgraded.welcome("alice");
                harness.awaitState(ConnectionState.CONNECTED);
                assertEquals(OptionalInt.of(secure.port()), policies.tlsPort("127.0.0.1"));
            }

            // a fresh start (new process: policies read back from the file) goes straight to TLS
            StsPolicies reloaded = new StsPolicies(dir.resolve("sts.properties"), Clock.systemUTC());
            try (Harness second = new Harness()) {
                second.connection = new NetworkConnection(settings, Harness.PROTOCOL, second, reloaded);
                second.connection.connect();
                RegistrationTest.register(secure.awaitPeer(), "alice");
                second.awaitState(ConnectionState.CONNECTED);
                assertEquals(1, plain.connectionCount());
            }
        }
    }

    @Test
    void theServerPasswordNeverCrossesThePlaintextLinkThatAdvertisesSts() throws Exception {
        TlsMaterial tls = TlsMaterial.shared();
        StsPolicies policies = new StsPolicies(dir.resolve("sts.properties"), Clock.systemUTC());
        try (ScriptedIrcServer plain = ScriptedIrcServer.start();
                ScriptedIrcServer secure = ScriptedIrcServer.startTls(tls.serverContext());
                Harness harness = new Harness()) {
            NetworkSettings settings = plaintext(plain, tls).serverPassword("bouncer-pw-3f9").build();
            ScriptedIrcServer.Peer insecure = upgradeAdvertised(harness, settings, policies, plain, secure, "");
            assertEquals(java.util.List.of("CAP LS 302"), insecure.received(), "nothing but CAP LS in clear text");

            ScriptedIrcServer.Peer upgraded = secure.awaitPeer();
            upgraded.awaitLineStartingWith("USER ");
            assertEquals(java.util.List.of("CAP LS 302", "PASS bouncer-pw-3f9", "NICK alice"),
                    upgraded.received().subList(0, 3));
        }
    }

    @Test
    void policiesExpireAndDurationZeroRemovesThem() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Clock[] clock = {Clock.fixed(start, ZoneOffset.UTC)};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        };
        StsPolicies policies = new StsPolicies(dir.resolve("p.properties"), moving);
        policies.update("Irc.Example.org", 6697, Duration.ofSeconds(100));
        assertEquals(OptionalInt.of(6697), policies.tlsPort("irc.example.org"));
        clock[0] = Clock.fixed(start.plusSeconds(101), ZoneOffset.UTC);
        assertEquals(OptionalInt.empty(), policies.tlsPort("irc.example.org"));
        policies.update("irc.example.org", 7000, Duration.ofSeconds(100));
        assertEquals(OptionalInt.of(7000), policies.tlsPort("irc.example.org"));
        policies.update("irc.example.org", 7000, Duration.ZERO);
        assertEquals(OptionalInt.empty(), policies.tlsPort("irc.example.org"));
        assertTrue(Files.exists(dir.resolve("p.properties")));
        if (Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("p.properties"))), "the file is the user's only");
        }
    }
}
