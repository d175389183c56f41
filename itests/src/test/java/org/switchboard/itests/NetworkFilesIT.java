package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;
import org.switchboard.testsupport.ScriptedIrcServer;

/**
 * Networks dropped in as files: FileInstall, set up by the connection bundle, turns
 * {@code org.switchboard.network-NAME.cfg} / {@code .config} files in the installation's conf/ and in the
 * profile's config/conf/ into network configurations, and each becomes a connection service that connects.
 */
class NetworkFilesIT {

    @TempDir
    Path work;

    /** Written beside the target first: FileInstall must never see a half-written file. */
    private static void drop(Path folder, String fileName, String content) throws Exception {
        Path temp = folder.resolve(fileName + ".part");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void registerWithPlainSasl(ScriptedIrcServer.Peer peer, String nick, String expectedPayload) {
        peer.awaitLine("CAP LS 302");
        peer.send(":srv CAP * LS :sasl=PLAIN");
        assertTrue(peer.awaitLineStartingWith("CAP REQ ").matches("CAP REQ :?sasl"));
        peer.send(":srv CAP * ACK :sasl");
        peer.awaitLine("AUTHENTICATE PLAIN");
        peer.send("AUTHENTICATE +");
        assertEquals("AUTHENTICATE " + expectedPayload, peer.awaitLineStartingWith("AUTHENTICATE "));
        peer.send(":srv 900 " + nick + " " + nick + "!u@h fileuser :You are now logged in as fileuser");
        peer.send(":srv 903 " + nick + " :SASL authentication successful");
        peer.awaitLine("CAP END");
        peer.welcome(nick);
    }

    @Test
    void networkFilesInConfFoldersBecomeConnectionsAndGoWithTheirFiles() throws Exception {
        try (ScriptedIrcServer installationServer = ScriptedIrcServer.start();
                ScriptedIrcServer profileServer = ScriptedIrcServer.start();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless")) {
            // a .cfg (plain properties: one value per key) in the installation's conf/, with a secret
            drop(client.home().resolve("conf"), "org.switchboard.network-fromfile.cfg", String.join("\n",
                    "# a network dropped in as a file",
                    "irc.network = fromfile",
                    "servers = 127.0.0.1:" + installationServer.port(),
                    "nick = filenick",
                    "autojoin = #fromfile",
                    "sasl.mechanism = PLAIN",
                    "sasl.user = fileuser",
                    ".sasl.password = file-pw-31d7",
                    "sasl.allowPlaintext = true",
                    ""));
            Object connection = client.service(ClientRuntime.CONNECTION, "(irc.network=fromfile)");
            ScriptedIrcServer.Peer peer = installationServer.awaitPeer();
            registerWithPlainSasl(peer, "filenick", Base64.getEncoder().encodeToString(
                    "fileuser\0fileuser\0file-pw-31d7".getBytes(StandardCharsets.UTF_8)));
            peer.awaitLine("JOIN #fromfile");
            ClientRuntime.await("fromfile connected", () -> "CONNECTED".equals(String.valueOf(
                    client.call(connection, ClientRuntime.CONNECTION, "state"))));
            ServiceReference<?> reference = client.context()
                    .getAllServiceReferences(ClientRuntime.CONNECTION, "(irc.network=fromfile)")[0];
            assertNull(reference.getProperty(".sasl.password"), "secrets stay out of the service properties");
            assertEquals("fromfile", client.call(connection, ClientRuntime.CONNECTION, "network"));

            // a typed .config (arrays) in the profile's config/conf/: a second network, connected at the same time
            Path profileConf = work.resolve("profile/config/conf");
            ClientRuntime.await("the profile's conf/ folder", () -> Files.isDirectory(profileConf));
            drop(profileConf, "org.switchboard.network-second.config", String.join("\n",
                    "irc.network=\"second\"",
                    "servers=[\"127.0.0.1:" + profileServer.port() + "\"]",
                    "nick=\"secondnick\"",
                    ".serverPassword=\"second-pass-8a2\"",
                    "alternateNicks=[\"secondnick_\",\"secondnick__\"]",
                    "autojoin=[\"#one\",\"#two key2\"]",
                    ""));
            ScriptedIrcServer.Peer second = profileServer.awaitPeer();
            second.awaitLine("CAP LS 302");
            // plaintext with a password: PASS waits for the capability list (an STS policy would come in it)
            second.send(":srv CAP * LS :multi-prefix");
            second.awaitLine("PASS second-pass-8a2");
            second.awaitLine("NICK secondnick");
            assertTrue(second.awaitLineStartingWith("CAP REQ ").matches("CAP REQ :?multi-prefix"));
            second.send(":srv CAP * ACK :multi-prefix");
            second.awaitLine("CAP END");
            second.send(":srv 433 * secondnick :Nickname is already in use");
            second.awaitLine("NICK secondnick_");
            second.welcome("secondnick_");
            second.awaitLine("JOIN #one");
            second.awaitLine("JOIN #two key2");
            Object secondConnection = client.service(ClientRuntime.CONNECTION, "(irc.network=second)");
            ClientRuntime.await("second connected", () -> "CONNECTED".equals(String.valueOf(
                    client.call(secondConnection, ClientRuntime.CONNECTION, "state"))));
            assertEquals("secondnick_", client.call(secondConnection, ClientRuntime.CONNECTION, "nick"));
            assertEquals("CONNECTED", String.valueOf(client.call(connection, ClientRuntime.CONNECTION, "state")));

            // removing the file removes the network: its connection quits and the service goes
            Files.delete(client.home().resolve("conf/org.switchboard.network-fromfile.cfg"));
            peer.awaitLine(line -> line.startsWith("QUIT"), java.time.Duration.ofSeconds(20));
            ClientRuntime.await("the fromfile connection service to go",
                    () -> client.findService(ClientRuntime.CONNECTION, "(irc.network=fromfile)") == null);
            assertTrue(client.findService(ClientRuntime.CONNECTION, "(irc.network=second)") != null);
        }
    }
}
