package org.switchboard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Talks raw IRC to the demo server over a real loopback socket. */
@Timeout(30)
class DemoServerTest {

    private DemoServer server;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    @AfterEach
    void tearDown() throws IOException {
        if (socket != null) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A server whose simulated users stay quiet unless the test says otherwise (chatter every hour). */
    private void connect(long chatterMillis) throws IOException {
        server = new DemoServer(new DemoNetwork(7, 300), chatterMillis);
        socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    private void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads until a line matches; returns every line read, the match last. */
    private List<String> readUntil(Predicate<String> matcher) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            if (matcher.test(line)) {
                return lines;
            }
        }
        throw new AssertionError("connection closed before the expected line; got " + lines);
    }

    /** Joins and reads the names and the short backlog the demo plays into a channel just joined. */
    private void joinAndSkipBacklog(String channel) throws IOException {
        send("JOIN " + channel);
        readUntil(l -> numeric(l, "366"));
        for (int i = 0; i < 12; i++) {
            String line = in.readLine();
            assertTrue(line.matches(":\\S+!\\S+@sim\\.demo PRIVMSG " + channel + " :.+"), line);
        }
    }

    private static boolean numeric(String line, String code) {
        String[] words = line.split(" ");
        return words.length > 1 && words[1].equals(code);
    }

    private void register(String nick) throws IOException {
        send("CAP LS 302");
        assertEquals(":demo.switchboard CAP * LS :", in.readLine());
        send("NICK " + nick);
        send("USER " + nick + " 0 * :Real Name");
        send("CAP END");
        List<String> welcome = readUntil(l -> numeric(l, "376"));
        assertTrue(welcome.get(0).startsWith(":demo.switchboard 001 " + nick + " :"), welcome.get(0));
        for (String code : List.of("002", "003", "004", "005", "375", "372")) {
            assertTrue(welcome.stream().anyMatch(l -> numeric(l, code)), "missing " + code + " in " + welcome);
        }
    }

    @Test
    void boundToLoopbackOnly() throws IOException {
        connect(3_600_000);
        assertTrue(server.boundAddress().isLoopbackAddress(), "listening on " + server.boundAddress());
        // and no other address of this machine accepts a connection on its port (a machine without a network has
        // none to try; the bound address above is the check then)
        for (NetworkInterface networkInterface : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!networkInterface.isUp()) {
                continue;
            }
            for (InetAddress address : java.util.Collections.list(networkInterface.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    assertThrows(SocketException.class, () -> {
                        try (Socket other = new Socket()) {
                            other.connect(new InetSocketAddress(address, server.port()), 5_000);
                        }
                    }, "connected through " + address);
                }
            }
        }
    }

    @Test
    void registrationWaitsForCapEnd() throws IOException {
        connect(3_600_000);
        send("CAP LS 302");
        in.readLine();
        send("NICK early");
        send("USER early 0 * :x");
        send("PING :probe");
        // The PONG comes before any welcome: registration is held until CAP END.
        assertEquals(":demo.switchboard PONG demo.switchboard :probe", in.readLine());
        send("CAP END");
        assertTrue(numeric(in.readLine(), "001"));
    }

    @Test
    void joinGivesTopicAndHundredsOfNames() throws IOException {
        connect(3_600_000);
        register("tester");
        send("JOIN #switchboard,#skins");
        List<String> first = readUntil(l -> numeric(l, "366"));
        assertEquals(":tester!tester@127.0.0.1 JOIN #switchboard", first.get(0));
        String topic = first.stream().filter(l -> numeric(l, "332")).findFirst().orElseThrow();
        assertTrue(topic.contains("Welcome to"), topic);
        List<String> names = first.stream().filter(l -> numeric(l, "353"))
                .flatMap(l -> Arrays.stream(l.substring(l.indexOf(" :") + 2).split(" "))).toList();
        assertEquals(301, names.size(), "300 simulated members and the user");
        assertTrue(names.contains("tester"));
        assertTrue(names.stream().anyMatch(n -> n.startsWith("@")), "some operators");
        assertTrue(names.stream().anyMatch(n -> n.startsWith("+")), "some voiced users");
        assertEquals(names.size(), names.stream().distinct().count(), "nicks are unique");
        List<String> second = readUntil(l -> numeric(l, "366"));
        assertTrue(second.contains(":tester!tester@127.0.0.1 JOIN #skins"), second.toString());
        List<String> backlog = second.subList(0, second.indexOf(":tester!tester@127.0.0.1 JOIN #skins"));
        assertEquals(12, backlog.size(), "a short backlog for #switchboard: " + backlog);
        assertTrue(backlog.stream().anyMatch(l -> l.contains("\u0001ACTION ")), "an action in the backlog");
        assertTrue(backlog.stream().anyMatch(l -> l.contains("\u000304")), "colours in the backlog");
        assertTrue(backlog.stream().anyMatch(l -> l.contains("https://")), "a URL in the backlog");
    }

    @Test
    void pingPartUnknownAndQuit() throws IOException {
        connect(3_600_000);
        register("tester");
        send("PING demo.switchboard");
        assertEquals(":demo.switchboard PONG demo.switchboard :demo.switchboard", in.readLine());
        joinAndSkipBacklog("#random");
        send("PART #random :see you");
        assertEquals(":tester!tester@127.0.0.1 PART #random :see you", in.readLine());
        send("PART #random");
        assertTrue(numeric(in.readLine(), "442"));
        send("FROBNICATE");
        assertTrue(numeric(in.readLine(), "421"));
        send("QUIT :done");
        assertTrue(in.readLine().startsWith("ERROR :Closing link (tester)"));
        assertNull(in.readLine(), "the server closes the link after QUIT");
    }

    @Test
    void listNamesEveryChannelWithItsUsersAndTopic() throws IOException {
        connect(3_600_000);
        register("tester");
        joinAndSkipBacklog("#skins");
        send("LIST");
        List<String> list = readUntil(l -> numeric(l, "323"));
        assertTrue(numeric(list.get(0), "321"), list.get(0));
        List<String> entries = list.stream().filter(l -> numeric(l, "322")).toList();
        assertEquals(3, entries.size(), entries.toString());
        String skins = entries.stream().filter(l -> l.contains(" #skins ")).findFirst().orElseThrow();
        // The user is counted in the channel they joined.
        assertTrue(skins.matches(":demo\\.switchboard 322 tester #skins \\d+ :.+"), skins);
        send("LIST #random,#nowhere");
        List<String> filtered = readUntil(l -> numeric(l, "323")).stream().filter(l -> numeric(l, "322")).toList();
        assertEquals(1, filtered.size(), filtered.toString());
        assertTrue(filtered.get(0).contains(" #random "), filtered.get(0));
    }

    @Test
    void malformedLinesAreSkippedAndTheLinkSurvives() throws IOException {
        connect(3_600_000);
        send("");
        send(":only.a.prefix");
        send("@tag=1");
        send("x".repeat(10_000));
        register("tester");
    }

    @Test
    void channelMessageGetsASimulatedReplyAndQueriesAnswer() throws IOException {
        connect(3_600_000);
        register("tester");
        joinAndSkipBacklog("#skins");
        send("PRIVMSG #skins :hello all");
        String reply = in.readLine();
        assertTrue(reply.matches(":\\S+!\\S+@sim\\.demo PRIVMSG #skins :tester: .*"), reply);
        send("PRIVMSG alice :hi");
        String answer = in.readLine();
        assertTrue(answer.startsWith(":alice!alice@sim.demo PRIVMSG tester :You said \u0002hi\u0002"), answer);
    }

    @Test
    void simulatedUsersChatInJoinedChannelsOnly() throws IOException {
        connect(20);
        register("tester");
        send("JOIN #switchboard");
        readUntil(l -> numeric(l, "366"));
        List<String> seen = new ArrayList<>();
        while (seen.size() < 40) {
            seen.add(in.readLine());
        }
        assertTrue(seen.stream().allMatch(l -> l.contains(" #switchboard")), "only the joined channel: " + seen);
        assertTrue(seen.stream().anyMatch(l -> l.contains(" PRIVMSG #switchboard :")), "messages: " + seen);
        assertFalse(seen.stream().anyMatch(l -> l.contains("#random")));
    }

    @Test
    void closeReleasesEveryThread() throws IOException, InterruptedException {
        connect(20);
        register("tester");
        server.close();
        assertNull(in.readLine(), "the client link is closed");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("switchboard-demo")),
                "demo threads still alive after close");
        server = null;
    }

    @Test
    void splitKeepsTheTrailingParameter() {
        assertEquals(List.of("PRIVMSG", "#a", "hello : world"), DemoServer.split(":me PRIVMSG #a :hello : world"));
        assertEquals(List.of("NICK", "x"), DemoServer.split("@a=b NICK x"));
        assertEquals(List.of(), DemoServer.split("   "));
    }
}
