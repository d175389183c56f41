package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.testsupport.InspircdServer;
import org.switchboard.testsupport.NgircdServer;
import org.switchboard.testsupport.RealIrcServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * The basic IRC flow of the headless client against real servers from Debian's packages: register, show the MOTD,
 * join, talk both ways, QUIT on shutdown.
 */
class BasicFlowIT {

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"ngircd", "inspircd"})
    void registerJoinTalkAndQuit(String serverKind) throws Exception {
        Supplier<RealIrcServer> starter = serverKind.equals("ngircd") ? NgircdServer::startDefault
                : InspircdServer::startDefault;
        try (RealIrcServer server = starter.get();
                TestIrcClient peer = TestIrcClient.connect(server.host(), server.port(), "peer")) {
            peer.join("#flow");
            ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "flowtest",
                    "irc://127.0.0.1:" + server.port() + "/#flow");
            try {
                String network = client.awaitConnected();
                peer.awaitJoin("flowtest", "#flow");
                // The MOTD lands in the server buffer, whose name is the network's.
                client.awaitLine(network, network, line -> line.contains("End of") || line.contains("MOTD")
                        || line.contains("Welcome") || line.contains("message of the day"), "MOTD text");

                // the keepalive measures the lag as soon as the link is registered, for the window's lag figure
                Object connection = client.connection(network);
                ClientRuntime.await("a lag measured", () -> ((Long) client.call(connection, ClientRuntime.CONNECTION,
                        "lagMillis")) >= 0);

                client.input(network, "#flow", "hello from switchboard");
                peer.awaitPrivmsg("flowtest", "#flow", "hello from switchboard");

                peer.privmsg("#flow", "hello back, \u00e9\u00e8 \u2603");
                client.awaitLine(network, "#flow", line -> line.equals("hello back, \u00e9\u00e8 \u2603"),
                        "the peer's message");
                // Shown once: from messageSent on ngircd, from the server's echo on InspIRCd (echo-message).
                client.awaitLine(network, "#flow", line -> line.equals("hello from switchboard"), "own message");
                assertEquals(1, client.lines(network, "#flow").stream()
                        .filter(line -> line.equals("hello from switchboard")).count(), "own message shown once");
                if (serverKind.equals("inspircd")) {
                    Set<?> caps = (Set<?>) client.call(client.connection(network), ClientRuntime.CONNECTION,
                            "enabledCapabilities");
                    assertTrue(caps.containsAll(Set.of("echo-message", "extended-join", "account-notify", "chghost",
                            "userhost-in-names", "server-time", "message-tags")), "negotiated: " + caps);
                }
            } finally {
                client.close();
            }
            peer.awaitLine(line -> line.startsWith(":flowtest!") && line.contains(" QUIT"));
        }
    }
}
