package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.testsupport.ScriptedIrcServer;
import org.switchboard.testsupport.TlsMaterial;

/** Certificate verification, pins and the opt-out, against a scripted TLS server with a test CA. */
class TlsTest {

    private static final TlsMaterial TLS = TlsMaterial.shared();
    private final ScriptedIrcServer server = ScriptedIrcServer.startTls(TLS.serverContext());
    private final Harness harness = new Harness();

    @AfterEach
    void tearDown() {
        server.close();
        harness.close();
    }

    private NetworkSettings.Builder tlsSettings(String host) {
        return NetworkSettings.builder("tlsnet", "alice").server(host, server.port(), true).reconnect(50, 100);
    }

    private void registers() {
        RegistrationTest.register(server.awaitPeer(), "alice");
        harness.awaitState(ConnectionState.CONNECTED);
    }

    @Test
    void certificateSignedByATrustedCaIsAccepted() {
        harness.start(tlsSettings("127.0.0.1").trustStore(TLS.trustStore().toString(), TlsMaterial.STORE_PASSWORD)
                .build());
        registers();
        Harness.StateChange registering = harness.states.stream()
                .filter(s -> s.current() == ConnectionState.REGISTERING).findFirst().orElseThrow();
        assertTrue(registering.detail().contains("(TLS)"), registering.detail());
    }

    @Test
    void overTlsThePasswordDoesNotWaitForTheCapabilityList() {
        harness.start(tlsSettings("127.0.0.1").trustStore(TLS.trustStore().toString(), TlsMaterial.STORE_PASSWORD)
                .serverPassword("s3cret").build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLineStartingWith("USER ");
        assertEquals(List.of("CAP LS 302", "PASS s3cret", "NICK alice"), peer.received().subList(0, 3));
    }

    @Test
    void unknownCaIsRefusedWithTheFingerprintInTheMessage() {
        harness.start(tlsSettings("127.0.0.1").build());
        Harness.StateChange waiting = harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
        String fingerprint = CertificateChecker.displayFingerprint(TLS.serverFingerprintSha256());
        assertTrue(waiting.detail().startsWith("TLS certificate of 127.0.0.1:+" + server.port() + " refused: "
                + "certificate is not signed by a trusted authority"), waiting.detail());
        assertTrue(waiting.detail().contains("SHA-256 fingerprint " + fingerprint), waiting.detail());
        assertTrue(harness.notices.stream().anyMatch(n -> n.contains(fingerprint)), harness.notices.toString());
    }

    @Test
    void hostNameMismatchIsRefusedEvenWithATrustedCa() throws Exception {
        // the certificate names 127.0.0.1 and localhost; a server on 127.0.0.2 (loopback still, on Linux all of
        // 127/8 is) is reached under a name it does not carry
        try (ScriptedIrcServer elsewhere = ScriptedIrcServer.startTls(TLS.serverContext(),
                java.net.InetAddress.getByName("127.0.0.2"))) {
            harness.start(NetworkSettings.builder("tlsnet", "alice").server("127.0.0.2", elsewhere.port(), true)
                    .trustStore(TLS.trustStore().toString(), TlsMaterial.STORE_PASSWORD).reconnect(50, 100).build());
            Harness.StateChange waiting = harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
            assertTrue(waiting.detail().contains("certificate is not valid for this host name"), waiting.detail());
            assertTrue(waiting.detail().contains("SHA-256 fingerprint"), waiting.detail());
            assertFalse(harness.states.stream().anyMatch(s -> s.current() == ConnectionState.REGISTERING));
        }
    }

    @Test
    void pinnedFingerprintIsAcceptedWithoutCa() {
        harness.start(tlsSettings("127.0.0.1")
                .pinnedFingerprints(List.of(CertificateChecker.displayFingerprint(TLS.serverFingerprintSha256())))
                .build());
        registers();
    }

    @Test
    void wrongPinIsRefusedEvenWithATrustedCa() {
        harness.start(tlsSettings("127.0.0.1").trustStore(TLS.trustStore().toString(), TlsMaterial.STORE_PASSWORD)
                .pinnedFingerprints(List.of("00".repeat(32))).build());
        Harness.StateChange waiting = harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
        assertTrue(waiting.detail().contains("matches none of the pinned fingerprints"), waiting.detail());
    }

    @Test
    void clientCertificateIsPresentedForCertFpAndSaslExternal() {
        try (ScriptedIrcServer certFp = ScriptedIrcServer.startTlsRequiringClientCertificate(TLS.serverContext())) {
            harness.start(NetworkSettings.builder("tlsnet", "alice").server("127.0.0.1", certFp.port(), true)
                    .trustStore(TLS.trustStore().toString(), TlsMaterial.STORE_PASSWORD)
                    .clientKeyStore(TLS.clientKeyStore().toString(), TlsMaterial.STORE_PASSWORD)
                    .sasl("EXTERNAL", "", "").build());
            ScriptedIrcServer.Peer peer = certFp.awaitPeer();
            RegistrationTest.negotiate(peer, "sasl=EXTERNAL");
            peer.awaitLine("AUTHENTICATE EXTERNAL");
            assertEquals(TLS.clientFingerprintSha256(), peer.clientCertificateFingerprint());
            peer.send("AUTHENTICATE +");
            peer.awaitLine("AUTHENTICATE +");
            peer.send(":srv 903 alice :SASL authentication successful");
            peer.awaitLine("CAP END");
            peer.welcome("alice");
            harness.awaitState(ConnectionState.CONNECTED);
        }
    }

    @Test
    void insecureOptOutAcceptsAnythingAndSaysSoOncePerLink() {
        String logged = SecretsNotLoggedTest.logsOf(() -> {
            harness.start(tlsSettings("127.0.0.1").tlsInsecureSkipVerify(true).build());
            registers();
        });
        Harness.StateChange registering = harness.states.stream()
                .filter(s -> s.current() == ConnectionState.REGISTERING).findFirst().orElseThrow();
        assertTrue(registering.detail().contains("(TLS, certificate NOT verified)"), registering.detail());
        assertEquals(1, logged.split("is NOT verified", -1).length - 1, logged);
        assertTrue(logged.contains("WARNING"), logged);
    }

    @Test
    void saslPlainIsNotSentOverTlsWhoseCertificateIsNotVerified() {
        harness.start(tlsSettings("127.0.0.1").tlsInsecureSkipVerify(true).sasl("PLAIN", "alice", "secret").build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.send(":srv CAP * LS :sasl multi-prefix");
        Harness.StateChange down = harness.awaitState(ConnectionState.DISCONNECTED);
        assertTrue(down.detail().contains("certificate is not verified"), down.detail());
        peer.awaitClosed();
        assertFalse(peer.received().stream().anyMatch(l -> l.startsWith("AUTHENTICATE")), peer.received().toString());
    }

    @Test
    void saslPlainGoesOverVerifiedTls() {
        harness.start(tlsSettings("127.0.0.1").trustStore(TLS.trustStore().toString(), TlsMaterial.STORE_PASSWORD)
                .sasl("PLAIN", "alice", "secret").build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        RegistrationTest.negotiate(peer, "sasl");
        peer.awaitLine("AUTHENTICATE PLAIN");
    }

    @Test
    void anStsPolicyAnnouncedOverAnUnverifiedLinkIsNotStored() {
        StsPolicies unverified = StsPolicies.inMemory();
        StsPolicies verified = StsPolicies.inMemory();
        for (boolean insecure : new boolean[] {true, false}) {
            try (Harness each = new Harness()) {
                NetworkSettings.Builder settings = tlsSettings("127.0.0.1").tlsInsecureSkipVerify(insecure);
                if (!insecure) {
                    settings.trustStore(TLS.trustStore().toString(), TlsMaterial.STORE_PASSWORD);
                }
                each.connection = new NetworkConnection(settings.build(), Harness.PROTOCOL, each,
                        insecure ? unverified : verified);
                each.connection.connect();
                ScriptedIrcServer.Peer peer = server.awaitPeer();
                peer.awaitLine("CAP LS 302");
                // over TLS the port means nothing; an unverified link taken for plaintext would "upgrade" on it
                peer.send(":srv CAP * LS :sts=port=" + server.port() + ",duration=3600");
                peer.awaitLine("CAP END");
                peer.welcome("alice");
                each.awaitState(ConnectionState.CONNECTED);
            }
        }
        assertEquals(java.util.OptionalInt.empty(), unverified.tlsPort("127.0.0.1"));
        assertEquals(java.util.OptionalInt.of(server.port()), verified.tlsPort("127.0.0.1"));
    }
}
