package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testsupport.InspircdServer;
import org.switchboard.testsupport.TestIrcClient;
import org.switchboard.testsupport.ZncBouncer;

/**
 * The client behind Debian's ZNC, in front of InspIRCd, as many users run it: what was said while no client was
 * attached is played back with its own time, counted as unread and logged; what the user types goes out once;
 * what the user types on another client of the same bouncer shows up as the user's own.
 */
class BouncerIT {

    private static final String NETWORK = "bouncer";

    @TempDir
    Path work;

    private static void dropNetwork(ClientRuntime client, ZncBouncer znc) throws Exception {
        Path temp = client.home().resolve("conf/org.switchboard.network-" + NETWORK + ".cfg.part");
        Files.writeString(temp, String.join("\n",
                "irc.network = " + NETWORK,
                "servers = " + znc.host() + ":" + znc.port(),
                "nick = " + znc.user(),
                ".serverPassword = " + znc.password(),
                ""), StandardCharsets.UTF_8);
        Files.move(temp, temp.resolveSibling("org.switchboard.network-" + NETWORK + ".cfg"),
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static Object lineWithText(ClientRuntime client, String buffer, String text) throws Exception {
        client.awaitLine(NETWORK, buffer, text::equals, "\"" + text + "\"");
        return client.bufferLines(NETWORK, buffer).stream()
                .filter(line -> text.equals(ClientRuntime.get(line, "text"))).findFirst().orElseThrow();
    }

    private static int flags(Object line) {
        return (Integer) ClientRuntime.get(line, "flags");
    }

    @Test
    void playbackOwnMessagesAndAnotherClientOfTheSameUser() throws Exception {
        try (InspircdServer server = InspircdServer.startDefault();
                TestIrcClient bob = TestIrcClient.connect(server.host(), server.port(), "bob")) {
            bob.join("#zn");
            try (ZncBouncer znc = ZncBouncer.builder(server).user("zncuser").channel("#zn").start()) {
                bob.awaitJoin("zncuser", "#zn");
                long said = System.currentTimeMillis();
                bob.privmsg("#zn", "said while nobody was attached");
                bob.privmsg("#zn", "zncuser: are you there?");
                bob.privmsg("zncuser", "a word in private");
                // ZNC answers a CTCP VERSION itself while no client is attached, after the lines before it
                bob.privmsg("zncuser", "\u0001VERSION\u0001");
                bob.awaitLine(line -> line.contains(" NOTICE bob :\u0001VERSION"));
                // so that "the time it was said" and "the time it was played back" cannot be mixed up
                Thread.sleep(1500);
                long attached = System.currentTimeMillis();

                try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless")) {
                    dropNetwork(client, znc);
                    Object replayed = lineWithText(client, "#zn", "said while nobody was attached");
                    long time = (Long) ClientRuntime.get(replayed, "time");
                    assertTrue(time >= said - 1000 && time < attached,
                            "played back with the time it was said (" + (attached - time) + " ms before attaching)");
                    assertEquals("bob", ClientRuntime.get(replayed, "nick"));
                    assertTrue((flags(replayed) & client.lineFlag("HISTORY")) != 0, "marked as played back");
                    Object mention = lineWithText(client, "#zn", "zncuser: are you there?");
                    assertTrue((flags(mention) & client.lineFlag("HIGHLIGHT")) != 0, "a mention while away still highlights");
                    Object channel = client.buffer(NETWORK, "#zn");
                    assertEquals(2, client.call(channel, ClientRuntime.BUFFER, "unreadCount"),
                            "both missed lines are unread");
                    assertEquals(1, client.call(channel, ClientRuntime.BUFFER, "highlightCount"));
                    Object query = lineWithText(client, "bob", "a word in private");
                    assertTrue((flags(query) & client.lineFlag("HIGHLIGHT")) != 0, "a private message while away highlights");
                    Path log = work.resolve("profile/data/logs/" + NETWORK + "/#zn.log");
                    ClientRuntime.await("the played-back lines in the disk log", () -> read(log)
                            .contains("<bob> said while nobody was attached"));

                    client.input(NETWORK, "#zn", "hello through the bouncer");
                    bob.awaitPrivmsg("zncuser", "#zn", "hello through the bouncer");
                    Object own = lineWithText(client, "#zn", "hello through the bouncer");
                    assertTrue((flags(own) & client.lineFlag("SELF")) != 0);

                    try (TestIrcClient phone = TestIrcClient.connect(znc.host(), znc.port(), "zncuser",
                            znc.password(), null)) {
                        phone.privmsg("#zn", "typed on my phone");
                        phone.privmsg("bob", "private, from my phone");
                        bob.awaitPrivmsg("zncuser", "bob", "private, from my phone");
                        Object fromPhone = lineWithText(client, "#zn", "typed on my phone");
                        assertEquals("zncuser", ClientRuntime.get(fromPhone, "nick"));
                        assertTrue((flags(fromPhone) & client.lineFlag("SELF")) != 0, "the user's own line, from another client");
                        Object privateFromPhone = lineWithText(client, "bob", "private, from my phone");
                        assertTrue((flags(privateFromPhone) & client.lineFlag("SELF")) != 0, "in the query with bob, as the user's own");
                    }
                    assertEquals(1, client.lines(NETWORK, "#zn").stream()
                            .filter("hello through the bouncer"::equals).count(), "own message shown once");
                    assertEquals(1, client.lines(NETWORK, "#zn").stream().filter("typed on my phone"::equals).count(),
                            "another client's line shown once (echo-message and znc.in/self-message both on)");
                    Object caps = client.call(client.connection(NETWORK), ClientRuntime.CONNECTION,
                            "enabledCapabilities");
                    assertTrue(((java.util.Set<?>) caps).containsAll(java.util.Set.of("server-time", "batch",
                            "echo-message", "znc.in/self-message")), "negotiated with ZNC: " + caps);
                    assertEquals(1, client.lines(NETWORK, "#zn").stream()
                            .filter("said while nobody was attached"::equals).count(), "played back once");
                }
            }
        }
    }

    @Test
    void aBouncerThatKeepsItsBufferReplaysItOnEveryAttachAndEachLineIsKeptOnce() throws Exception {
        try (InspircdServer server = InspircdServer.startDefault();
                TestIrcClient bob = TestIrcClient.connect(server.host(), server.port(), "bob")) {
            bob.join("#zn");
            try (ZncBouncer znc = ZncBouncer.builder(server).user("zncuser").channel("#zn")
                    .clearBufferAfterPlayback(false).start()) {
                bob.awaitJoin("zncuser", "#zn");
                bob.privmsg("#zn", "kept in the bouncer's buffer");
                bob.privmsg("zncuser", "\u0001VERSION\u0001");
                bob.awaitLine(line -> line.contains(" NOTICE bob :\u0001VERSION"));
                Path log = work.resolve("profile/data/logs/" + NETWORK + "/#zn.log");
                for (int attach = 1; attach <= 2; attach++) {
                    try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless")) {
                        if (attach == 1) {
                            dropNetwork(client, znc);
                        }
                        lineWithText(client, "#zn", "kept in the bouncer's buffer");
                        // ZNC plays a channel's buffer back as the client attaches, before anything said later
                        bob.privmsg("#zn", "said during attach " + attach);
                        lineWithText(client, "#zn", "said during attach " + attach);
                        List<String> texts = client.lines(NETWORK, "#zn");
                        for (int earlier = 1; earlier <= attach; earlier++) {
                            String text = "said during attach " + earlier;
                            assertEquals(1, texts.stream().filter(text::equals).count(), texts.toString());
                        }
                        assertEquals(1, texts.stream().filter("kept in the bouncer's buffer"::equals).count(),
                                "attach " + attach + ": " + texts);
                        String said = "<bob> said during attach " + attach;
                        ClientRuntime.await("the line of attach " + attach + " in the log",
                                () -> read(log).contains(said));
                    }
                }
                String logged = read(log);
                assertEquals(1, logged.lines().filter(line -> line.endsWith("<bob> kept in the bouncer's buffer"))
                        .count(), logged);
                assertEquals(1, logged.lines().filter(line -> line.endsWith("<bob> said during attach 1")).count(),
                        logged);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
