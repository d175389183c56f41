package org.switchboard.keepalive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.connection.internal.NetworkConnection;
import org.switchboard.connection.internal.NetworkSettings;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.testsupport.ScriptedIrcServer;

/** The responder wired to a real connection: PINGs answered before and after registration, in every form. */
class KeepaliveWithConnectionTest {

    @Test
    void pingsAreAnsweredBeforeAndAfterRegistration() throws Exception {
        PingResponder responder = new PingResponder();
        BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
        NetworkConnection[] holder = new NetworkConnection[1];
        NetworkConnection.Events events = new NetworkConnection.Events() {
            @Override
            public void message(IrcMessage message) {
                if (message.is("PING")) {
                    responder.onMessage(holder[0], message);
                }
            }

            @Override
            public void stateChanged(ConnectionState previous, ConnectionState current, String detail) {
                states.add(current);
            }

            @Override
            public void messageSent(IrcMessage message) {
            }

            @Override
            public void notice(String text) {
            }

            @Override
            public void lagChanged(long lagMillis) {
            }

            @Override
            public Set<String> requestedCapabilities() {
                return Set.of();
            }
        };
        try (ScriptedIrcServer server = ScriptedIrcServer.start()) {
            holder[0] = new NetworkConnection(NetworkSettings.builder("k", "alice")
                    .server("127.0.0.1", server.port(), false).build(), new IrcProtocolComponent(), events);
            holder[0].connect();
            ScriptedIrcServer.Peer peer = server.awaitPeer();
            peer.awaitLineStartingWith("USER");
            peer.send("PING :before-001");
            assertEquals("PONG before-001", peer.awaitLineStartingWith("PONG").replace(":", ""));
            peer.send(":srv CAP * LS :");
            peer.awaitLine("CAP END");
            peer.welcome("alice");
            peer.send("PING bare");
            assertEquals("PONG bare", peer.awaitLineStartingWith("PONG"));
            peer.send("@time=2026-01-01T00:00:00Z :irc.scripted.test PING :with tags");
            assertEquals("PONG :with tags", peer.awaitLineStartingWith("PONG"));
            ConnectionState state;
            do {
                state = states.poll(10, TimeUnit.SECONDS);
            } while (state != null && state != ConnectionState.CONNECTED);
            assertEquals(ConnectionState.CONNECTED, state);
            server.close();
            holder[0].close();
        }
    }
}
