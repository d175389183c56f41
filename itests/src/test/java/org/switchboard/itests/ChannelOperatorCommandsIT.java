package org.switchboard.itests;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testsupport.InspircdServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * The operator's and the curious user's commands typed into the client, against InspIRCd with a second user in the
 * channel: /op and /voice, /names, /whois, /ping and /kickban then /unban, each checked from both ends: what the
 * other user receives, and what the client shows.
 */
class ChannelOperatorCommandsIT {

    private static final Pattern CTCP_PING = Pattern.compile(".* PRIVMSG peer :\u0001PING (\\d+)\u0001$");

    @TempDir
    Path work;

    @Test
    void opVoiceNamesWhoisPingKickbanAndUnban() throws Exception {
        try (InspircdServer server = InspircdServer.startDefault();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "chief",
                        "irc://127.0.0.1:" + server.port() + "/#ops")) {
            String network = client.awaitConnected();
            // the first to join gets operator status; only then may the peer come
            client.awaitLine(network, "#ops", line -> line.contains("chief") && line.contains("joined"), "own join");
            client.awaitCommand("kickban");
            try (TestIrcClient peer = TestIrcClient.connect(server.host(), server.port(), "peer")) {
                peer.join("#ops");
                client.awaitLine(network, "#ops", line -> line.startsWith("peer ") && line.contains("joined"),
                        "the peer's join");

                client.input(network, "#ops", "/op peer");
                peer.awaitLine(line -> line.startsWith(":chief!") && line.matches(".* MODE #ops \\+o :?peer$"));
                client.input(network, "#ops", "/voice peer");
                peer.awaitLine(line -> line.startsWith(":chief!") && line.matches(".* MODE #ops \\+v :?peer$"));

                client.input(network, "#ops", "/names");
                client.awaitLine(network, "#ops", line -> line.equals("Users on #ops (2): @chief @peer")
                        || line.equals("Users on #ops (2): @peer @chief"), "the /names listing");

                client.input(network, "#ops", "/whois peer");
                client.awaitLine(network, network, line -> line.startsWith("[peer] (") && line.contains("@"),
                        "the WHOIS user line");
                client.awaitLine(network, network, line -> line.equals("[peer] channels: @#ops")
                        || line.equals("[peer] channels: @+#ops"), "the WHOIS channels line");
                client.awaitLine(network, network, line -> line.startsWith("[peer] End of"), "the WHOIS end");

                client.input(network, "#ops", "/ping peer");
                Matcher ping = CTCP_PING.matcher(peer.awaitLine(line -> CTCP_PING.matcher(line).matches()));
                ping.matches();
                peer.send("NOTICE chief :\u0001PING " + ping.group(1) + "\u0001");
                client.awaitLine(network, network, line -> line.matches("CTCP PING reply from peer: \\d+ ms"),
                        "the round trip");

                client.input(network, "#ops", "/kb peer enough");
                peer.awaitLine(line -> line.startsWith(":chief!") && line.matches(".* MODE #ops \\+b :?peer!\\*@\\*$"));
                peer.awaitLine(line -> line.startsWith(":chief!") && line.endsWith(" KICK #ops peer :enough"));
                peer.send("JOIN #ops");
                peer.awaitLine(line -> line.contains(" 474 peer #ops "));

                client.input(network, "#ops", "/unban peer");
                client.awaitLine(network, "#ops", line -> line.contains("-b") && line.contains("peer!*@*"),
                        "the ban lifted");
                peer.join("#ops");
            }
        }
    }
}
