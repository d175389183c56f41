package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testsupport.ScriptedIrcServer;

/**
 * Faults a client meets in the wild, injected with {@link ScriptedIrcServer} into the real runtime. Every test
 * states the end state (connected, waiting to reconnect, or a new connection made), checks that the user got one
 * clear line in the server buffer (never a stack trace), that the connection's one reader thread survived the
 * fault (the same thread object is still alive and still the only reader), and, where the fault floods, that the
 * heap after garbage collection grew by no more than a bound.
 */
class FaultInjectionIT {

    private static final Duration REGISTRATION = Duration.ofSeconds(20);
    /**
     * What the heap may grow by after a flood: the bounded scrollback (10,000 lines a buffer) and the server
     * buffer's notices plus noise; below what either flood delivers (9 MB of junk; a third of 57 MB of lines).
     */
    private static final long HEAP_GROWTH_BOUND = 8L << 20;
    /** Lines in the flood that the server is killed in the middle of, about 57 MB. */
    private static final int FLOOD_LINES = 600_000;
    private static final String READER_PREFIX = "switchboard-reader-";
    /** What bob says in the channel right after the join, so a test knows the channel buffer is live. */
    private static final String FIRST_LINE = "first line in the channel";

    @TempDir
    Path work;

    // ------------------------------------------------------------------ faults in the byte stream

    @Test
    void garbageNulBytesOverlongLinesAndInvalidUtf8AreSkippedAndLaterLinesStillArrive() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = startClient("garbled", server, "#junk")) {
            ScriptedIrcServer.Peer peer = registerAndJoin(server, "garbled", "#junk");
            String network = client.awaitConnected();
            client.awaitLine(network, "#junk", FIRST_LINE::equals, "the line before the junk");
            Thread reader = onlyReaderThread();
            long heapBefore = usedHeapAfterGc();

            // sent from a method of its own, so that the test holds no reference to the junk when it weighs the heap
            sendJunk(peer);
            // Windows-1252 bytes in an otherwise valid line: decoded with the fallback charset, not dropped.
            peer.sendRaw(concat(bytes(":bob!b@h PRIVMSG #junk :caf"), new byte[] {(byte) 0xe9, '\r', '\n'}));
            peer.send(":bob!b@h PRIVMSG #junk :after the junk");

            client.awaitLine(network, "#junk", "after the junk"::equals, "the valid line after 9 MB of junk");
            client.awaitLine(network, "#junk", "caf\u00e9"::equals, "the Windows-1252 line, decoded");
            assertEquals("CONNECTED", state(client, network));
            assertSame(reader, onlyReaderThread(), "the reader thread survived the junk");
            assertTrue(reader.isAlive());
            assertNoStackTrace(client, network);
            long growth = usedHeapAfterGc() - heapBefore;
            System.out.printf("FaultInjectionIT: the heap after GC grew by %.1f MiB after the junk%n", growth / 1048576.0);
            assertTrue(growth < HEAP_GROWTH_BOUND, "heap grew by " + (growth >> 20) + " MiB after the junk");
        }
    }

    /** About 9 MB of NUL bytes, overlong lines, invalid UTF-8 and lines that do not parse. */
    private static void sendJunk(ScriptedIrcServer.Peer peer) {
        ByteArrayOutputStream junk = new ByteArrayOutputStream();
        byte[] overlong = new byte[9000];
        Arrays.fill(overlong, (byte) 'x');
        byte[] overlongPrivmsg = (":bob!b@h PRIVMSG #junk :" + "y".repeat(8800)).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 500; i++) {
            junk.writeBytes(bytes("\u0000\u0000\u0000\r\n"));
            junk.writeBytes(bytes(":bob!b@h PRIVMSG #junk :nul\u0000inside\r\n"));
            junk.writeBytes(overlong);
            junk.writeBytes(bytes("\r\n"));
            junk.writeBytes(overlongPrivmsg);
            junk.writeBytes(bytes("\r\n"));
            junk.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '\r', '\n'});
            junk.writeBytes(bytes(":::: :: :\r\n@@@@ ;;;\r\n@only=tags\r\n: \r\n \r\n"));
            junk.writeBytes(bytes(":bob!b@h PRIVMSG\r\n:bob!b@h 999999 x\r\n"));
        }
        peer.sendRaw(junk.toByteArray());
    }

    @Test
    void serverKilledMidFloodIsReconnectedByTheSameReaderWithBoundedMemory() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = startClient("flooded", server, "#flood")) {
            ScriptedIrcServer.Peer peer = registerAndJoin(server, "flooded", "#flood");
            String network = client.awaitConnected();
            client.awaitLine(network, "#flood", FIRST_LINE::equals, "the first channel line");
            Thread reader = onlyReaderThread();
            long heapBefore = usedHeapAfterGc();

            // Far more than the client can take before the reset below: the kill lands in the middle of the flood.
            Thread sender = sendFlood(peer, FLOOD_LINES);
            client.awaitLine(network, "#flood", line -> floodLineNumber(line) >= FLOOD_LINES / 3,
                    "a third of the flood arriving");
            peer.reset();
            sender.join(10_000);

            ScriptedIrcServer.Peer second = server.awaitPeer(Duration.ofSeconds(20));
            second.awaitLine(line -> line.startsWith("USER "), REGISTRATION);
            second.welcome("flooded");
            second.awaitLine(line -> line.startsWith("JOIN #flood"), REGISTRATION);
            awaitState(client, network, "CONNECTED");
            client.awaitLine(network, network, line -> line.contains("retrying in"),
                    "a line saying the link dropped and when it retries");
            assertSame(reader, onlyReaderThread(), "the same reader thread reconnected");
            assertTrue(reader.isAlive());
            assertNoStackTrace(client, network);
            assertTrue(client.lines(network, "#flood").stream().noneMatch(line -> floodLineNumber(line) == FLOOD_LINES - 1),
                    "the server was killed before the end of its flood");
            long growth = usedHeapAfterGc() - heapBefore;
            System.out.printf("FaultInjectionIT: the heap after GC grew by %.1f MiB after the flood%n", growth / 1048576.0);
            assertTrue(growth < HEAP_GROWTH_BOUND, "heap grew by " + (growth >> 20) + " MiB after the flood");
        }
    }

    /**
     * Sends {@code lines} channel lines of about 95 bytes from a thread of its own, which the reset cuts short; the
     * test keeps no reference to the bytes, so that they do not count when it weighs the heap.
     */
    private static Thread sendFlood(ScriptedIrcServer.Peer peer, int lines) {
        Thread sender = new Thread(() -> {
            ByteArrayOutputStream flood = new ByteArrayOutputStream(lines * 100);
            for (int i = 0; i < lines; i++) {
                flood.writeBytes(bytes(":u" + (i % 500) + "!u@h PRIVMSG #flood :flood line number " + i
                        + " with some words to make it a typical length\r\n"));
            }
            try {
                peer.sendRaw(flood.toByteArray());
            } catch (RuntimeException killed) {
                // the reset cuts the write short: that is the point
            }
        }, "flood-sender");
        sender.start();
        return sender;
    }

    /** The number of a line {@link #sendFlood} sent, or -1 for any other line. */
    private static int floodLineNumber(String line) {
        String prefix = "flood line number ";
        if (!line.startsWith(prefix)) {
            return -1;
        }
        int end = line.indexOf(' ', prefix.length());
        return Integer.parseInt(line.substring(prefix.length(), end < 0 ? line.length() : end));
    }

    @Test
    void slowServerSendingOneByteEvery10MillisecondsStillRegisters() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = startClient("slowpoke", server, "#slow")) {
            ScriptedIrcServer.Peer peer = server.awaitPeer(REGISTRATION);
            peer.awaitLine(line -> line.startsWith("USER "), REGISTRATION);
            byte[] burst = bytes(":slow.test 001 slowpoke :Welcome slowly\r\n"
                    + ":slow.test 005 slowpoke CHANTYPES=# PREFIX=(ov)@+ :are supported\r\n"
                    + ":slow.test 376 slowpoke :End of MOTD\r\n");
            for (byte b : burst) {
                peer.sendRaw(new byte[] {b});
                Thread.sleep(10);
            }
            String network = client.awaitConnected();
            Thread reader = onlyReaderThread();
            peer.awaitLine(line -> line.startsWith("JOIN #slow"), REGISTRATION);
            for (byte b : bytes(":slowpoke!s@h JOIN #slow\r\n:bob!b@h PRIVMSG #slow :s\u00e9l\u00e9ct\u00e9d\r\n")) {
                peer.sendRaw(new byte[] {b});
                Thread.sleep(10);
            }
            client.awaitLine(network, "#slow", "s\u00e9l\u00e9ct\u00e9d"::equals,
                    "a message delivered byte by byte, cut inside UTF-8 sequences");
            assertEquals("CONNECTED", state(client, network));
            assertSame(reader, onlyReaderThread());
        }
    }

    // ------------------------------------------------------------------ dead and dying links

    @Test
    void halfOpenLinkIsDeclaredDeadByTheKeepaliveAndReconnected() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = startClient("halfopen", server, "#quiet")) {
            // Defaults are 30 s to the probe and 180 s to "dead"; the keepalive's PID takes them in seconds.
            client.configure("org.switchboard.keepalive", "probeAfterIdleSeconds", 1, "deadAfterSeconds", 2);
            ScriptedIrcServer.Peer peer = registerAndJoin(server, "halfopen", "#quiet");
            String network = client.awaitConnected();
            Thread reader = onlyReaderThread();
            // The server neither reads nor writes from now on, and sends no FIN: only the keepalive can notice.
            peer.stopReading();

            ScriptedIrcServer.Peer second = server.awaitPeer(Duration.ofSeconds(20));
            client.awaitLine(network, network, line -> line.contains("link declared dead"),
                    "the keepalive's explanation");
            second.awaitLine(line -> line.startsWith("USER "), REGISTRATION);
            second.welcome("halfopen");
            awaitState(client, network, "CONNECTED");
            assertSame(reader, onlyReaderThread());
            assertTrue(peer.received().stream().anyMatch(line -> line.startsWith("PING ") && line.contains("switchboard-lag-")),
                    "a lag probe went out before the link was declared dead: " + peer.received());
            assertNoStackTrace(client, network);
        }
    }

    @Test
    void serverThatNeverCompletesRegistrationIsGivenUpOnAndRetried() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = startClient("patient", server, "#never")) {
            client.configure("org.switchboard.keepalive", "registrationTimeoutSeconds", 2);
            ScriptedIrcServer.Peer silent = server.awaitPeer(Duration.ofSeconds(20));
            silent.awaitLine(line -> line.startsWith("USER "), REGISTRATION);
            // No reply at all, and no FIN: only the registration timeout can end this.
            ScriptedIrcServer.Peer second = server.awaitPeer(Duration.ofSeconds(30));
            String network = client.awaitNetwork();
            client.awaitLine(network, network, line -> line.contains("did not complete registration"),
                    "the registration timeout's explanation");
            second.awaitLine(line -> line.startsWith("USER "), REGISTRATION);
            second.welcome("patient");
            awaitState(client, network, "CONNECTED");
            onlyReaderThread();
            assertNoStackTrace(client, network);
        }
    }

    /**
     * A PING cookie before the welcome (UnrealIRCd's default, ircd-hybrid's option), sent the moment USER arrives: it
     * is answered and registration completes. (The race with a cold start, where the connection used to be up before
     * the keepalive's responder, is LauncherProcessIT's, in a fresh process.)
     */
    @Test
    void aPingCookieSentTheMomentRegistrationBeginsIsAnswered() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = startClient("cookie", server, "#biscuit")) {
            ScriptedIrcServer.Peer peer = server.awaitPeer(Duration.ofSeconds(20));
            peer.awaitLine(line -> line.startsWith("USER "), REGISTRATION);
            peer.send("PING :cookie-4711");
            peer.awaitLine(line -> line.startsWith("PONG ") && line.endsWith("cookie-4711"), Duration.ofSeconds(5));
            peer.welcome("cookie");
            String network = client.awaitConnected();
            peer.awaitLine(line -> line.startsWith("JOIN #biscuit"), REGISTRATION);
            peer.send("PING :right-after-the-join");
            peer.awaitLine(line -> line.startsWith("PONG ") && line.endsWith("right-after-the-join"),
                    Duration.ofSeconds(5));
            assertEquals("CONNECTED", state(client, network));
        }
    }

    @Test
    void errorThenCloseIsExplainedAndReconnected() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = startClient("klined", server, "#bye")) {
            ScriptedIrcServer.Peer peer = registerAndJoin(server, "klined", "#bye");
            String network = client.awaitConnected();
            Thread reader = onlyReaderThread();
            peer.send("ERROR :Closing Link: 127.0.0.1 (K-Lined: fault injection)");
            peer.close();

            client.awaitLine(network, network, line -> line.contains("K-Lined: fault injection")
                    && line.contains("retrying in"), "the server's ERROR text and the retry");
            ScriptedIrcServer.Peer second = server.awaitPeer(Duration.ofSeconds(20));
            second.awaitLine(line -> line.startsWith("USER "), REGISTRATION);
            second.welcome("klined");
            awaitState(client, network, "CONNECTED");
            assertSame(reader, onlyReaderThread());
            assertNoStackTrace(client, network);
        }
    }

    @Test
    void serverThatHangsUpDuringRegistrationIsRetried() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = startClient("neverwelcome", server, "#x")) {
            ScriptedIrcServer.Peer peer = server.awaitPeer(REGISTRATION);
            peer.awaitLine(line -> line.startsWith("USER "), REGISTRATION);
            String network = client.awaitNetwork();
            assertEquals("REGISTERING", state(client, network));
            Thread reader = onlyReaderThread();
            peer.close();

            client.awaitLine(network, network, line -> line.contains("closed the connection")
                    && line.contains("retrying in"), "a line saying the server hung up and when it retries");
            ScriptedIrcServer.Peer second = server.awaitPeer(Duration.ofSeconds(20));
            second.awaitLine(line -> line.startsWith("USER "), REGISTRATION);
            assertSame(reader, onlyReaderThread());
            assertNoStackTrace(client, network);
        }
    }

    // ------------------------------------------------------------------ failures before the link is up

    @Test
    void tlsHandshakeWithAPlaintextServerFailsWithAClearLine() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "tlsfail",
                        "ircs://127.0.0.1:" + server.port() + "/#tls")) {
            activateConnection(client);
            ScriptedIrcServer.Peer peer = server.awaitPeer(REGISTRATION);
            // A plaintext server talks first; the client, expecting a TLS ServerHello, must give up at once.
            peer.send(":plain.test NOTICE * :*** Looking up your hostname...");
            String network = client.awaitNetwork();
            client.awaitLine(network, network, line -> line.contains("TLS handshake with 127.0.0.1")
                    && line.contains("failed") && line.contains("retrying in"), "the TLS failure");
            awaitState(client, network, "WAITING_TO_RECONNECT");
            assertFalse(peer.received().stream().anyMatch(line -> line.contains("NICK ")),
                    "nothing in clear text: " + peer.received());
            assertEquals(1, ClientRuntime.threadsNamed(READER_PREFIX).size(), "one reader, still there");
            assertNoStackTrace(client, network);
        }
    }

    @Test
    void unresolvableHostIsExplainedAndRetried() throws Exception {
        try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "nodns",
                "irc://no-such-host.invalid/#dns")) {
            activateConnection(client);
            String network = client.awaitNetwork();
            client.awaitLine(network, network, line -> line.contains("Cannot resolve host name no-such-host.invalid")
                    && line.contains("retrying in"), "the resolution failure");
            awaitState(client, network, "WAITING_TO_RECONNECT");
            assertEquals(1, ClientRuntime.threadsNamed(READER_PREFIX).size(), "one reader, waiting to retry");
            assertNoStackTrace(client, network);
        }
    }

    // ------------------------------------------------------------------ helpers

    private ClientRuntime startClient(String nick, ScriptedIrcServer server, String channel) throws Exception {
        ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", nick,
                "irc://127.0.0.1:" + server.port() + "/" + channel);
        activateConnection(client);
        return client;
    }

    /**
     * Gets the connection service, which activates the (delayed) connection component as the session or a UI
     * would; the tests must not depend on some other service having done it first.
     */
    private static void activateConnection(ClientRuntime client) throws InterruptedException {
        client.service(ClientRuntime.CONNECTION, null);
    }

    private static ScriptedIrcServer.Peer registerAndJoin(ScriptedIrcServer server, String nick, String channel) {
        ScriptedIrcServer.Peer peer = server.awaitPeer(REGISTRATION);
        peer.awaitLine(line -> line.startsWith("USER "), REGISTRATION);
        peer.welcome(nick, "CHANTYPES=#", "PREFIX=(ov)@+", "NETWORK=Faulty");
        peer.awaitLine(line -> line.startsWith("JOIN " + channel), REGISTRATION);
        peer.sendAll(":" + nick + "!f@127.0.0.1 JOIN " + channel,
                ":irc.scripted.test 353 " + nick + " = " + channel + " :" + nick + " @bob",
                ":irc.scripted.test 366 " + nick + " " + channel + " :End of /NAMES list.",
                ":bob!b@h PRIVMSG " + channel + " :" + FIRST_LINE);
        return peer;
    }

    private static String state(ClientRuntime client, String network) throws InterruptedException {
        return String.valueOf(client.call(client.connection(network), ClientRuntime.CONNECTION, "state"));
    }

    private static void awaitState(ClientRuntime client, String network, String expected) throws InterruptedException {
        ClientRuntime.await("state " + expected, () -> {
            try {
                return expected.equals(state(client, network));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        });
    }

    private static Thread onlyReaderThread() {
        List<Thread> readers = ClientRuntime.threadsNamed(READER_PREFIX);
        assertEquals(1, readers.size(), "exactly one reader thread: " + readers);
        return readers.get(0);
    }

    private static void assertNoStackTrace(ClientRuntime client, String network) throws InterruptedException {
        Predicate<String> trace = line -> line.contains("Exception") || line.contains("\tat ");
        List<String> lines = client.lines(network, network);
        assertFalse(lines.stream().anyMatch(trace), "no stack trace in the server buffer: " + lines);
    }

    /** Sets a ConfigAdmin configuration (a singleton PID) of the running client, as the shell or a UI would. */
    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
