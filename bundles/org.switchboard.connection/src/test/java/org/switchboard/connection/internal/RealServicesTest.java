package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.testsupport.AthemeServices;
import org.switchboard.testsupport.InspircdServer;
import org.switchboard.testsupport.TestIrcClient;
import org.switchboard.testsupport.TlsMaterial;

/**
 * SASL through real services: Debian's inspircd (sasl, services_account, spanningtree, TLS) linked to Debian's
 * atheme-services, with an account registered through NickServ. Every log record of the connection is captured
 * with all levels on, and neither password may appear in it.
 */
class RealServicesTest {

    private static final String ACCOUNT = "sbaccount";
    private static final String PASSWORD = "atheme-pw-5e1b7";
    private static final String WRONG_PASSWORD = "wrong-pw-90c3d";

    private static InspircdServer ircd;
    private static AthemeServices services;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

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
    private final Logger root = Logger.getLogger("org.switchboard");
    private Level previousLevel;

    @BeforeAll
    static void startServers() {
        ircd = InspircdServer.builder().tls(TlsMaterial.shared()).servicesLink().start();
        try {
            services = AthemeServices.start(ircd);
            services.registerAccount(ACCOUNT, PASSWORD);
        } catch (RuntimeException | AssertionError e) {
            stopServers();
            throw e;
        }
    }

    @AfterAll
    static void stopServers() {
        if (services != null) {
            services.close();
        }
        if (ircd != null) {
            ircd.close();
        }
    }

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        root.removeHandler(capture);
        root.setLevel(previousLevel);
    }

    private static NetworkSettings.Builder overTls(String nick) {
        TlsMaterial tls = TlsMaterial.shared();
        return NetworkSettings.builder("atheme", nick).server(ircd.host(), ircd.tlsPort(), true)
                .trustStore(tls.trustStore().toString(), TlsMaterial.STORE_PASSWORD).reconnect(200, 500);
    }

    private void assertNoSecretsLogged() {
        String all = String.join("\n", logged);
        assertTrue(all.contains("AUTHENTICATE"), "trace logging was not captured:\n" + all);
        for (String secret : List.of(PASSWORD, WRONG_PASSWORD)) {
            assertFalse(all.contains(secret), all);
            String encoded = Base64.getEncoder().encodeToString((ACCOUNT + "\0" + ACCOUNT + "\0" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            assertFalse(all.contains(encoded), all);
        }
    }

    /** 900 RPL_LOGGEDIN {@code <nick> <nick!user@host> <account> :text}. */
    private static void assertLoggedInAsAccount(Harness harness) {
        IrcMessage loggedIn = harness.awaitReceived(m -> m.is("900"));
        assertEquals(ACCOUNT, loggedIn.param(2), loggedIn.toString());
        harness.awaitReceived(m -> m.is("903"));
    }

    @Test
    void saslPlainOverTlsLogsIntoTheAccount() {
        try (Harness harness = new Harness()) {
            harness.start(overTls("alice").sasl("PLAIN", ACCOUNT, PASSWORD).build());
            harness.awaitState(ConnectionState.CONNECTED);
            assertLoggedInAsAccount(harness);
            assertTrue(harness.connection.enabledCapabilities().contains("sasl"));

            // the services agree: another user's WHOIS shows alice logged in as the account (330)
            try (TestIrcClient bob = TestIrcClient.connect(ircd.host(), ircd.port(), "bob")) {
                bob.send("WHOIS alice");
                String account = bob.awaitLine(line -> TestIrcClient.numeric(line).equals("330"));
                assertTrue(account.contains(" alice " + ACCOUNT + " :"), account);
            }
        }
        assertNoSecretsLogged();
    }

    @Test
    void saslExternalWithTheClientCertificateLogsIntoTheAccount() {
        TlsMaterial tls = TlsMaterial.shared();
        services.addCertificate(ACCOUNT, PASSWORD, tls.clientFingerprintSha256());
        try (Harness harness = new Harness()) {
            harness.start(overTls("erin").sasl("EXTERNAL", ACCOUNT, null)
                    .clientKeyStore(tls.clientKeyStore().toString(), TlsMaterial.STORE_PASSWORD).build());
            harness.awaitState(ConnectionState.CONNECTED);
            assertLoggedInAsAccount(harness);
            assertTrue(harness.sent.stream().noneMatch(m -> m.is("PASS")), harness.sent.toString());
        }
    }

    @Test
    void saslPlainOverPlaintextOnlyWhenExplicitlyAllowed() {
        try (Harness refused = new Harness()) {
            refused.start(NetworkSettings.builder("atheme", "carol").server(ircd.host(), ircd.port(), false)
                    .sasl("PLAIN", ACCOUNT, PASSWORD).reconnect(200, 500).build());
            Harness.StateChange down = refused.awaitState(ConnectionState.DISCONNECTED);
            assertTrue(down.detail().contains("Refusing to send SASL PLAIN credentials over an unencrypted "
                    + "connection"), down.detail());
            assertFalse(refused.sent.stream().anyMatch(m -> m.is("AUTHENTICATE")), refused.sent.toString());
        }
        try (Harness allowed = new Harness()) {
            allowed.start(NetworkSettings.builder("atheme", "carol").server(ircd.host(), ircd.port(), false)
                    .sasl("PLAIN", ACCOUNT, PASSWORD).saslAllowPlaintext(true).reconnect(200, 500).build());
            allowed.awaitState(ConnectionState.CONNECTED);
            assertLoggedInAsAccount(allowed);
        }
        assertNoSecretsLogged();
    }

    @Test
    void wrongPasswordGets904AndDisconnectsForGoodWithOneClearLine() {
        try (Harness harness = new Harness()) {
            harness.start(overTls("dave").sasl("PLAIN", ACCOUNT, WRONG_PASSWORD).build());
            Harness.StateChange down = harness.awaitState(ConnectionState.DISCONNECTED);
            assertEquals("SASL authentication as " + ACCOUNT + " failed (904: SASL authentication failed); "
                    + "disconnected. Check the SASL settings, then reconnect", down.detail());
            assertTrue(harness.received.stream().anyMatch(m -> m.is("904")), harness.received.toString());
            assertFalse(harness.received.stream().anyMatch(m -> m.is("001") || m.is("900")),
                    "never registered unauthenticated: " + harness.received);
            // a refused password is not retried: the back-off is never entered
            assertFalse(harness.states.stream().anyMatch(s -> s.current() == ConnectionState.WAITING_TO_RECONNECT),
                    harness.states.toString());
            assertEquals(ConnectionState.DISCONNECTED, harness.connection.state());
        }
        assertNoSecretsLogged();
    }

    @Test
    void wrongPasswordWithSaslNotRequiredContinuesUnauthenticatedAndSaysSo() {
        try (Harness harness = new Harness()) {
            harness.start(overTls("frank").sasl("PLAIN", ACCOUNT, WRONG_PASSWORD).saslRequired(false).build());
            harness.awaitState(ConnectionState.CONNECTED);
            assertEquals(List.of("SASL authentication as " + ACCOUNT + " failed (904: SASL authentication failed); "
                    + "continuing unauthenticated"), harness.notices);
            assertFalse(harness.received.stream().anyMatch(m -> m.is("900")), harness.received.toString());
        }
        assertNoSecretsLogged();
    }
}
