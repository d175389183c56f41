package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testsupport.InspircdServer;
import org.switchboard.testsupport.NgircdServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * {@code /server}, {@code /connect}, {@code /quit} and {@code /reconnect} typed into the client, against ngIRCd and
 * InspIRCd: a second network opened from the input line, taken down and brought back, and not saved.
 */
class ServerCommandsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private static String state(ClientRuntime client, Object connection) {
        return String.valueOf(client.call(connection, ClientRuntime.CONNECTION, "state"));
    }

    @Test
    void aServerOpenedFromTheInputLineConnectsQuitsComesBackAndIsNotSaved() throws Exception {
        try (NgircdServer first = NgircdServer.startDefault();
                InspircdServer second = InspircdServer.startDefault();
                TestIrcClient peer = TestIrcClient.connect(second.host(), second.port(), "peer")) {
            peer.join("#two");
            try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "typist",
                    "irc://127.0.0.1:" + first.port() + "/#one")) {
                String home = client.awaitConnected();
                client.awaitCommand("server");

                client.input(home, home, "/server irc://127.0.0.1:" + second.port() + "/#two");
                peer.awaitJoin("typist", "#two");
                // the first network is named after its host, so the second gets the next free name
                String added = home + "-2";
                Object connection = client.service(ClientRuntime.CONNECTION, "(irc.network=" + added + ")");
                ClientRuntime.await(added + " connected", () -> "CONNECTED".equals(state(client, connection)));
                client.awaitLine(home, home, line -> line.startsWith("Connecting to 127.0.0.1:" + second.port()
                        + " as typist: network " + added + ", joining #two"), "the command's answer");

                client.input(added, "#two", "/quit see you");
                peer.awaitLine(line -> line.startsWith(":typist!") && line.contains(" QUIT :")
                        && line.contains("see you"), WAIT);
                ClientRuntime.await(added + " disconnected", () -> "DISCONNECTED".equals(state(client, connection)));

                client.input(added, "#two", "/connect");
                peer.awaitJoin("typist", "#two");
                ClientRuntime.await(added + " connected again", () -> "CONNECTED".equals(state(client, connection)));

                client.input(added, "#two", "/reconnect trying a fix");
                peer.awaitLine(line -> line.startsWith(":typist!") && line.contains(" QUIT :")
                        && line.contains("trying a fix"), WAIT);
                peer.awaitJoin("typist", "#two");
                ClientRuntime.await(added + " back", () -> "CONNECTED".equals(state(client, connection)));

                client.input(home, "#one", "/server");
                client.awaitLine(home, "#one", line -> line.contains("give one server"), "the usage error");
                client.input(home, "#one", "/connect");
                client.awaitLine(home, "#one", line -> line.startsWith("Already connected to " + home),
                        "/connect on a connected network");
                assertEquals("CONNECTED", state(client, client.connection(home)));
            }
            try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "typist")) {
                client.awaitCommand("server");
                assertNull(client.findService(ClientRuntime.CONNECTION, "(irc.network=127.0.0.1-2)"),
                        "a network opened with /server is gone after a restart");
            }
        }
    }
}
