package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionListener;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.connection.IrcMessageListener;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.testsupport.ScriptedIrcServer;

/** The DS component without a framework: configuration mapping and whiteboard dispatch. */
class NetworkConnectionComponentTest {

    @Test
    void configurationMapsToSettings() {
        NetworkSettings settings = NetworkSettings.from(Configs.of(NetworkConfig.class, Map.of(
                "irc_network", "Libera", "servers", new String[] {"+irc.libera.chat", "irc.libera.chat:6667"},
                "nick", "alice", "alternateNicks", new String[] {"alice_away"},
                "autojoin", new String[] {"#switchboard", "#secret key1"},
                "_sasl_password", "pw", "sasl_mechanism", "plain")));
        assertEquals("Libera", settings.name());
        assertEquals(List.of(new ServerAddress("irc.libera.chat", 6697, true),
                new ServerAddress("irc.libera.chat", 6667, false)), settings.servers);
        assertEquals(List.of(new NetworkSettings.ChannelKey("#switchboard", null),
                new NetworkSettings.ChannelKey("#secret", "key1")), settings.autojoin);
        assertEquals("PLAIN", settings.saslMechanism);
        assertEquals("alice", settings.saslUser);
        assertEquals("windows-1252", settings.fallbackCharset.name());
        assertTrue(settings.saslRequired);
        assertFalse(settings.saslAllowPlaintext);
        assertFalse(settings.tlsInsecureSkipVerify);
        assertTrue(settings.autoConnect());
    }

    @Test
    void badConfigurationIsRefusedWithAClearMessage() {
        IllegalArgumentException noServers = assertThrows(IllegalArgumentException.class, () -> NetworkSettings.from(
                Configs.of(NetworkConfig.class, Map.of("irc_network", "x", "nick", "alice"))));
        assertEquals("network 'x' has no servers", noServers.getMessage());
        IllegalArgumentException badNick = assertThrows(IllegalArgumentException.class, () -> NetworkSettings.from(
                Configs.of(NetworkConfig.class, Map.of("irc_network", "x", "nick", "al ice",
                        "servers", new String[] {"h"}))));
        assertTrue(badNick.getMessage().contains("nick 'al ice'"));
        IllegalArgumentException noPassword = assertThrows(IllegalArgumentException.class, () -> NetworkSettings
                .builder("x", "alice").server("h", 1, false).sasl("PLAIN", "a", "").build());
        assertTrue(noPassword.getMessage().contains("needs a password"));
        assertThrows(IllegalArgumentException.class, () -> NetworkSettings.builder("x", "alice").server("h", 1, false)
                .encodingFallback("no-such-charset").build());
    }

    @Test
    void listenersGetMessagesByCommandAndAFailingListenerHurtsNobody() {
        NetworkConnectionComponent component = new NetworkConnectionComponent(Harness.PROTOCOL);
        List<String> all = new CopyOnWriteArrayList<>();
        List<String> privmsgOnly = new CopyOnWriteArrayList<>();
        List<String> states = new CopyOnWriteArrayList<>();
        List<IrcConnection> seenConnections = new CopyOnWriteArrayList<>();
        component.addMessageListener((connection, message) -> {
            throw new IllegalStateException("listener bug");
        }, Map.of());
        component.addMessageListener((connection, message) -> {
            all.add(message.command());
            seenConnections.add(connection);
        }, Map.of());
        component.addMessageListener((connection, message) -> privmsgOnly.add(message.lastParam()),
                Map.of(IrcMessageListener.COMMAND_PROPERTY, new String[] {"privmsg", "NOTICE"}));
        component.addMessageListener((connection, message) -> {
            if (message.is("PING")) {
                connection.send(new IrcMessage(Map.of(), null, "PONG", message.params()));
            }
        }, Map.of(IrcMessageListener.COMMAND_PROPERTY, "PING"));
        component.addConnectionListener(new ConnectionListener() {
            @Override
            public void stateChanged(IrcConnection connection, ConnectionState previous, ConnectionState current,
                    String detail) {
                states.add(current.name());
            }
        });
        try (ScriptedIrcServer server = ScriptedIrcServer.start()) {
            component.start(Configs.of(NetworkConfig.class, Map.of("irc_network", "scripted",
                    "servers", new String[] {"127.0.0.1:" + server.port()}, "nick", "alice")),
                    StsPolicies.inMemory(), true);
            ScriptedIrcServer.Peer peer = server.awaitPeer();
            peer.send("PING :early");
            peer.awaitLineStartingWith("PONG");
            peer.send(":srv CAP * LS :");
            peer.awaitLine("CAP END");
            peer.welcome("alice");
            peer.sendAll(":bob!b@h PRIVMSG #x :one", ":bob!b@h JOIN #x", ":bob!b@h NOTICE #x :two",
                    ":bob!b@h PRIVMSG #x :three");
            Harness.await("three texts", () -> privmsgOnly.size() == 3);
            assertEquals(List.of("one", "two", "three"), privmsgOnly);
            assertTrue(all.containsAll(List.of("PING", "001", "376", "PRIVMSG", "JOIN", "NOTICE")), all.toString());
            assertSame(component, seenConnections.get(0));
            assertTrue(states.containsAll(List.of("CONNECTING", "REGISTERING", "CONNECTED")), states.toString());
            assertEquals("scripted", component.network());
            // like a real server: hang up after QUIT (deactivate waits for that)
            java.util.concurrent.CompletableFuture<String> quit = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        String line = peer.awaitLineStartingWith("QUIT");
                        peer.close();
                        return line;
                    });
            component.deactivate();
            assertEquals("QUIT Switchboard", quit.join().replace(":", ""));
            assertEquals(ConnectionState.DISCONNECTED, component.state());
        }
    }

    /** A listener of a bundle gone bad: each call throws the next of these errors. */
    private static final List<Error> SURVIVABLE_ERRORS = List.of(new StackOverflowError("deep"),
            new AssertionError("assert in a plugin"), new NoClassDefFoundError("org/example/Gone"),
            new java.util.ServiceConfigurationError("no provider"), new ExceptionInInitializerError("static init"));

    private static final class ErrorThrowingListener implements IrcMessageListener, ConnectionListener,
            org.switchboard.api.connection.CapabilityRequest {
        private int calls;

        private Error next() {
            return SURVIVABLE_ERRORS.get(calls++ % SURVIVABLE_ERRORS.size());
        }

        @Override
        public void onMessage(IrcConnection connection, IrcMessage message) {
            throw next();
        }

        @Override
        public void stateChanged(IrcConnection connection, ConnectionState previous, ConnectionState current,
                String detail) {
            throw next();
        }

        @Override
        public void messageSent(IrcConnection connection, IrcMessage message) {
            throw next();
        }

        @Override
        public void notice(IrcConnection connection, String text) {
            throw next();
        }

        @Override
        public void lagChanged(IrcConnection connection, long lagMillis) {
            throw next();
        }

        @Override
        public Set<String> capabilities() {
            throw next();
        }
    }

    @Test
    void anErrorThrownByOneListenerReachesNeitherTheOthersNorTheThreadAndIsLoggedWithTheListener() {
        NetworkConnectionComponent component = new NetworkConnectionComponent(Harness.PROTOCOL);
        ErrorThrowingListener broken = new ErrorThrowingListener();
        List<String> got = new CopyOnWriteArrayList<>();
        component.addMessageListener(broken, Map.of());
        component.addMessageListener((connection, message) -> got.add(message.lastParam()), Map.of());
        component.addConnectionListener(broken);
        component.addConnectionListener(new ConnectionListener() {
            @Override
            public void stateChanged(IrcConnection connection, ConnectionState previous, ConnectionState current,
                    String detail) {
                got.add("state " + current);
            }

            @Override
            public void messageSent(IrcConnection connection, IrcMessage message) {
                got.add("sent " + message.command());
            }

            @Override
            public void notice(IrcConnection connection, String text) {
                got.add("notice " + text);
            }

            @Override
            public void lagChanged(IrcConnection connection, long lagMillis) {
                got.add("lag " + lagMillis);
            }
        });
        component.addCapabilityRequest(broken);
        component.addCapabilityRequest(() -> Set.of("away-notify"));

        String logged = SecretsNotLoggedTest.logsOf(() -> {
            for (int i = 0; i < SURVIVABLE_ERRORS.size(); i++) {
                component.message(IrcMessage.of("PRIVMSG", "#x", "m" + i));
            }
            component.stateChanged(ConnectionState.CONNECTING, ConnectionState.REGISTERING, "detail");
            component.messageSent(IrcMessage.of("NICK", "alice"));
            component.notice("hello");
            component.lagChanged(42);
            assertEquals(Set.of("away-notify"), component.requestedCapabilities());
        });
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "state REGISTERING", "sent NICK", "notice hello", "lag 42"),
                got);
        assertEquals(SURVIVABLE_ERRORS.size() + 5, broken.calls);
        for (Error error : SURVIVABLE_ERRORS) {
            assertTrue(logged.contains(error.toString()), "not logged: " + error + "\n" + logged);
        }
        assertTrue(logged.contains("IrcMessageListener PRIVMSG of " + ErrorThrowingListener.class.getName()), logged);
        assertTrue(logged.contains("CapabilityRequest.capabilities of " + ErrorThrowingListener.class.getName()),
                logged);
    }

    @Test
    void anOutOfMemoryErrorOfAListenerIsNotSwallowed() {
        NetworkConnectionComponent component = new NetworkConnectionComponent(Harness.PROTOCOL);
        component.addMessageListener((connection, message) -> {
            throw new OutOfMemoryError("test: the heap is gone");
        }, Map.of());
        component.addCapabilityRequest(() -> {
            throw new OutOfMemoryError("test: the heap is gone");
        });
        assertThrows(OutOfMemoryError.class, () -> component.message(IrcMessage.of("PING", "x")));
        assertThrows(OutOfMemoryError.class, component::requestedCapabilities);
    }

    @Test
    void listenersThatComeAndGoTakeEffectFromTheNextMessage() {
        NetworkConnectionComponent component = new NetworkConnectionComponent(Harness.PROTOCOL);
        List<String> got = new CopyOnWriteArrayList<>();
        IrcMessageListener privmsg = (connection, message) -> got.add("privmsg:" + message.command());
        IrcMessageListener everything = (connection, message) -> got.add("all:" + message.command());
        IrcMessageListener join = (connection, message) -> got.add("join:" + message.command());
        component.addMessageListener(privmsg, Map.of(IrcMessageListener.COMMAND_PROPERTY, "PRIVMSG"));
        component.addMessageListener(everything, Map.of());
        component.message(IrcMessage.of("PRIVMSG", "#x", "a"));
        component.message(IrcMessage.of("privmsg", "#x", "b"));
        assertEquals(List.of("privmsg:PRIVMSG", "all:PRIVMSG", "privmsg:privmsg", "all:privmsg"), got);

        got.clear();
        component.removeMessageListener(privmsg);
        component.addMessageListener(join, Map.of(IrcMessageListener.COMMAND_PROPERTY, "join"));
        component.message(IrcMessage.of("PRIVMSG", "#x", "c"));
        component.message(IrcMessage.of("JOIN", "#x"));
        assertEquals(List.of("all:PRIVMSG", "all:JOIN", "join:JOIN"), got);

        got.clear();
        for (int i = 0; i < 1000; i++) {
            component.message(IrcMessage.of("X" + i));
        }
        component.message(IrcMessage.of("JOIN", "#y"));
        assertEquals(1002, got.size(), "commands beyond what is cached are still dispatched");
        assertEquals(List.of("all:JOIN", "join:JOIN"), got.subList(1000, 1002));
    }

    @Test
    void commandPropertyForms() {
        assertEquals(null, NetworkConnectionComponent.commands(null));
        assertEquals(Set.of("PING"), NetworkConnectionComponent.commands("ping"));
        assertEquals(Set.of("PING", "PONG"), NetworkConnectionComponent.commands(new String[] {"PING", "pong"}));
        assertEquals(Set.of("JOIN"), NetworkConnectionComponent.commands(List.of("join")));
    }
}
