package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.ServerSocket;
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
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
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
