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
    void athemeLinksToInspircdAndRegistersAccountsWithoutMailVerification() {
        try (InspircdServer ircd = InspircdServer.builder().servicesLink().start();
                AthemeServices services = AthemeServices.start(ircd)) {
            services.registerAccount("fixture", "fixture-pw-1");
            IllegalStateException again = assertThrows(IllegalStateException.class,
                    () -> services.registerAccount("fixture", "fixture-pw-2"));
            assertTrue(again.getMessage().contains("already registered"), again.getMessage());
            try (TestIrcClient client = TestIrcClient.connect(ircd.host(), ircd.port(), "someone")) {
                client.send("PRIVMSG NickServ :IDENTIFY fixture fixture-pw-1");
                // 900 RPL_LOGGEDIN: <nick> <nick!user@host> <account> :text
                String loggedIn = client.awaitLine(line -> TestIrcClient.numeric(line).equals("900"));
                assertTrue(loggedIn.contains(" someone!someone@127.0.0.1 fixture :"), loggedIn);
            }
        }
    }

    @Test
    void inspircdAnnouncesStsForItsTlsPortOverPlaintext() {
        TlsMaterial tls = TlsMaterial.shared();
        try (InspircdServer server = InspircdServer.builder().tls(tls).sts(java.time.Duration.ofMinutes(5)).start();
                java.net.Socket socket = new java.net.Socket(server.host(), server.port())) {
            socket.getOutputStream().write("CAP LS 302\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            String line = in.readLine();
            assertTrue(line.contains("sts=port=" + server.tlsPort()), line);
        }
        catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void testClientFailsClearlyWhenNothingListens() {
        int port = Fixtures.freePort();
        assertThrows(UncheckedIOException.class, () -> TestIrcClient.connect("127.0.0.1", port, "nobody"));
    }
}
