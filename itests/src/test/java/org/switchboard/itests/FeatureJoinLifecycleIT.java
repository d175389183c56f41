package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.switchboard.testsupport.NgircdServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * /join exists only while feature.join runs: stopping, uninstalling and reinstalling the bundle at runtime adds
 * and removes the command, while the connection to a real server stays up.
 */
class FeatureJoinLifecycleIT {

    @TempDir
    Path work;

    @Test
    void joinComesAndGoesWithItsBundleWithoutReconnecting() throws Exception {
        try (NgircdServer server = NgircdServer.startDefault();
                TestIrcClient peer = TestIrcClient.connect(server.host(), server.port(), "peer")) {
            peer.join("#x").join("#y").join("#z");
            try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "hotswap",
                    "irc://127.0.0.1:" + server.port() + "/#lobby")) {
                String network = client.awaitConnected();
                List<Thread> readersBefore = ClientRuntime.threadsNamed("switchboard-reader");
                assertEquals(1, readersBefore.size(), "one reader thread per connection: " + readersBefore);

                client.input(network, "#lobby", "/join #x");
                peer.awaitJoin("hotswap", "#x");

                Bundle join = client.bundle("org.switchboard.feature.join");
                join.stop();
                assertFalse(client.hasCommand("join"));
                client.input(network, "#lobby", "/join #y");
                client.awaitLine(network, "#lobby", line -> line.toLowerCase().contains("unknown command"),
                        "the unknown-command answer");

                join.uninstall();
                assertNull(client.bundle("org.switchboard.feature.join"));
                Bundle again = client.context().installBundle(
                        ClientRuntime.distributionBundle("org.switchboard.feature.join").toUri().toString());
                again.start();
                ClientRuntime.await("the join command to come back", () -> {
                    try {
                        return client.hasCommand("join");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                client.input(network, "#lobby", "/join #z");
                peer.awaitJoin("hotswap", "#z");

                assertFalse(peer.received().stream().anyMatch(line -> line.startsWith(":hotswap!")
                        && line.matches(".* JOIN :?#y( .*)?")), "/join #y must not have been sent");
                List<Thread> readersAfter = ClientRuntime.threadsNamed("switchboard-reader");
                assertEquals(readersBefore, readersAfter, "the connection was not re-established");
                assertTrue(readersAfter.get(0).isAlive());
            }
        }
    }

    @Test
    void pluginsFolderInstallsAndUninstallsAFeatureBundle() throws Exception {
        try (ClientRuntime client = ClientRuntime.start(work, List.of("org.switchboard.feature.join"), "--headless")) {
            assertFalse(client.hasCommand("join"));
            Path jar = ClientRuntime.distributionBundle("org.switchboard.feature.join");
            Path dropped = client.home().resolve("plugins").resolve(jar.getFileName());
            Files.copy(jar, dropped);
            ClientRuntime.await("FileInstall to install and start the dropped bundle", () -> {
                Bundle b = client.bundle("org.switchboard.feature.join");
                return b != null && b.getState() == Bundle.ACTIVE;
            });
            ClientRuntime.await("/join to be registered", () -> {
                try {
                    return client.hasCommand("join");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Files.delete(dropped);
            ClientRuntime.await("FileInstall to uninstall the deleted bundle",
                    () -> client.bundle("org.switchboard.feature.join") == null);
            assertFalse(client.hasCommand("join"));
        }
    }
}
