package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.switchboard.testsupport.NgircdServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * The {@code irc:} Gogo commands in the running client, through Gogo's own CommandProcessor as the console and
 * scripts use it, against a real ngircd: listing networks, joining, talking, tailing a buffer, and /join vanishing
 * from the shell with the bundle that provides it.
 */
class ShellIT {

    @TempDir
    Path work;

    @Test
    void ircCommandsDriveTheClientAndFollowTheCommandRegistry() throws Exception {
        try (NgircdServer server = NgircdServer.startDefault();
                TestIrcClient peer = TestIrcClient.connect(server.host(), server.port(), "peer")) {
            peer.join("#java").join("#kotlin");
            try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "shelly",
                    "irc://127.0.0.1:" + server.port())) {
                String network = client.awaitConnected();
                GogoSession shell = new GogoSession(client);

                String networks = shell.run("irc:networks");
                assertTrue(networks.lines().anyMatch(l -> l.contains(network) && l.contains("CONNECTED")
                        && l.contains("shelly")), networks);

                shell.run("irc:join java");
                peer.awaitJoin("shelly", "#java");
                ClientRuntime.await("the #java buffer to be joined", () -> !linesOf(client, network).isEmpty());

                shell.run("irc:say '#java' hello");
                peer.awaitPrivmsg("shelly", "#java", "hello");
                // The own line is added after the socket write; on loopback the peer could answer before that.
                client.awaitLine(network, "#java", "hello"::equals, "the own message");
                peer.privmsg("#java", "hi shelly");
                client.awaitLine(network, "#java", "hi shelly"::equals, "the peer's answer");

                String tail = shell.run("irc:tail '#java' 5");
                List<String> tailLines = tail.lines().toList();
                assertTrue(tailLines.size() <= 5 && !tailLines.isEmpty(), tail);
                assertTrue(tailLines.stream().anyMatch(l -> l.matches("\\d\\d:\\d\\d <shelly> hello")), tail);
                assertTrue(tailLines.get(tailLines.size() - 1).matches("\\d\\d:\\d\\d <peer> hi shelly"), tail);

                Bundle join = client.bundle("org.switchboard.feature.join");
                join.stop();
                String refused = shell.runFailing("irc:join kotlin");
                assertTrue(refused.contains("No bundle provides /join"), refused);
                assertFalse(peer.received().stream().anyMatch(l -> l.startsWith(":shelly!") && l.contains(" JOIN ")
                        && l.contains("#kotlin")), "nothing was sent while /join was missing");

                join.start();
                ClientRuntime.await("/join to be back", () -> hasJoin(client));
                shell.run("irc:join kotlin");
                peer.awaitJoin("shelly", "#kotlin");
            }
        }
    }

    private static boolean hasJoin(ClientRuntime client) {
        try {
            return client.hasCommand("join");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> linesOf(ClientRuntime client, String network) {
        try {
            return client.lines(network, "#java");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
