package org.switchboard.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

/** The real-server fixtures start, serve two test clients that talk to each other, and stop. */
class RealIrcServerTest {

    private static void exchange(RealIrcServer server, int port, String password, javax.net.ssl.SSLContext tls) {
        try (TestIrcClient alice = TestIrcClient.connect(server.host(), port, "alice", password, tls);
                TestIrcClient bob = TestIrcClient.connect(server.host(), port, "bob", password, tls)) {
            alice.join("#fixture");
            bob.join("#fixture");
            alice.awaitJoin("bob", "#fixture");
            bob.privmsg("#fixture", "hello alice");
            alice.awaitPrivmsg("bob", "#fixture", "hello alice");
            alice.privmsg("bob", "hello bob");
            bob.awaitPrivmsg("alice", "bob", "hello bob");
        }
    }

    @Test
    void ngircdWithPasswordAndTls() {
        TlsMaterial tls = TlsMaterial.shared();
        try (NgircdServer server = NgircdServer.builder().password("fixture-pw").tls(tls).start()) {
            exchange(server, server.port(), "fixture-pw", null);
            exchange(server, server.tlsPort(), "fixture-pw", tls.clientContext());
            server.kill();
            assertFalse(Fixtures.accepts(server.port()));
            server.start();
            exchange(server, server.port(), "fixture-pw", null);
        }
    }

    @Test
    void inspircdPlainAndTls() {
        TlsMaterial tls = TlsMaterial.shared();
        try (InspircdServer server = InspircdServer.builder().tls(tls).start()) {
            exchange(server, server.port(), null, null);
            exchange(server, server.tlsPort(), null, tls.clientContext());
            assertTrue(server.log().contains("InspIRCd"), server.log());
        }
    }

    @Test
    void testClientFailsClearlyWhenNothingListens() {
        int port = Fixtures.freePort();
        assertThrows(UncheckedIOException.class, () -> TestIrcClient.connect("127.0.0.1", port, "nobody"));
    }
}
