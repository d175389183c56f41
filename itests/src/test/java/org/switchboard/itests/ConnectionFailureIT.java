package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testsupport.ScriptedIrcServer;

/** A server that refuses or drops the connection gives the user one clear line, never a stack trace. */
class ConnectionFailureIT {

    @TempDir
    Path work;

    @Test
    void refusedConnectionIsExplainedInTheServerBuffer() throws Exception {
        // A socket bound but neither listening nor connected holds the port: connecting to it is refused, and no
        // other process on the machine can start listening on it while the test runs.
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int closedPort = holder.getLocalPort();
            assertRefused(closedPort);
        }
    }

    private void assertRefused(int closedPort) throws Exception {
        try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "refused",
                "irc://127.0.0.1:" + closedPort + "/#nowhere")) {
            String network = client.awaitNetwork();
            client.awaitLine(network, network, line -> line.toLowerCase().contains("refused"),
                    "a line saying the connection was refused");
            assertFalse(client.lines(network, network).stream().anyMatch(line -> line.contains("Exception")
                    || line.contains("\tat ")), "no stack trace in the buffer: " + client.lines(network, network));
        }
    }

    @Test
    void serverClosingTheConnectionIsExplainedInTheServerBuffer() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "dropped",
                        "irc://127.0.0.1:" + server.port() + "/#gone")) {
            ScriptedIrcServer.Peer peer = server.awaitPeer();
            peer.awaitLine(line -> line.startsWith("USER "), java.time.Duration.ofSeconds(20));
            peer.welcome("dropped");
            peer.send("ERROR :Closing Link: dropped (Testing the drop)");
            peer.close();
            String network = client.awaitNetwork();
            client.awaitLine(network, network, line -> line.contains("Testing the drop"),
                    "the server's ERROR text");
            assertFalse(client.lines(network, network).stream().anyMatch(line -> line.contains("Exception")),
                    "no exception text in the buffer: " + client.lines(network, network));
        }
    }
}
