package org.switchboard.session.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.FakeConnection;
import org.switchboard.session.SessionComponent;

class DiskLogTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();

    @TempDir
    Path folder;

    /** Notes a line as a buffer does: with its text and the text's UTF-8. */
    private static void note(DiskLog log, String network, String buffer, BufferType type, long time, LineKind kind,
            String nick, String text) {
        log.lineAppended(network, buffer, type, time, kind, nick, text.getBytes(StandardCharsets.UTF_8), 0);
    }

    private List<String> logLines(String network, String file) throws IOException {
        return Files.readAllLines(folder.resolve(network).resolve(file), StandardCharsets.UTF_8);
    }

    private DiskLog log(int restore) {
        return new DiskLog(folder, restore, protocol::stripFormatting, ZoneOffset.UTC);
    }

    @Test
    void writesOneTimestampedLinePerMessageWithoutFormattingCodes() throws IOException {
        try (DiskLog log = log(10)) {
            note(log, "net", "#Chan", BufferType.CHANNEL, 0, LineKind.MESSAGE, "alice", "\u0002hi\u0002 all");
            note(log, "net", "#Chan", BufferType.CHANNEL, 1000, LineKind.ACTION, "bob", "waves");
            note(log, "net", "#chan", BufferType.CHANNEL, 2000, LineKind.JOIN, "carol", "carol has joined");
            note(log, "net", "#chan", BufferType.CHANNEL, 3000, LineKind.NOTICE, "srv", "two\nlines");
        }
        List<String> lines = logLines("net", "#chan.log");
        assertEquals(List.of("1970-01-01 00:00:00 <alice> hi all", "1970-01-01 00:00:01 * bob waves",
                "1970-01-01 00:00:02 -!- carol has joined", "1970-01-01 00:00:03 -srv- two lines"), lines);
    }

    @Test
    void codesAndLineBreaksAreRemovedWithoutTouchingTheBytesSharedWithTheScrollback() throws IOException {
        byte[] shared = "\u000304,12r\u00e9d\u0003\r\nnext \u4e2d\u0004ff00aa!".getBytes(StandardCharsets.UTF_8);
        byte[] before = shared.clone();
        try (DiskLog log = log(0)) {
            log.lineAppended("net", "#c", BufferType.CHANNEL, 0, LineKind.MESSAGE, "n", shared, 0);
        }
        assertEquals(List.of("1970-01-01 00:00:00 <n> r\u00e9d  next \u4e2d!"), logLines("net", "#c.log"));
        assertArrayEquals(before, shared);
    }

    @Test
    void controlCharactersAreFoundAtEveryPositionAndNothingElseIs() {
        byte[] others = {' ', 'a', 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xff};
        for (int length = 0; length <= 20; length++) {
            byte[] text = new byte[length];
            for (int i = 0; i < length; i++) {
                text[i] = others[i % others.length];
            }
            assertFalse(LogWriter.hasControlCharacters(text), "length " + length);
            for (int at = 0; at < length; at++) {
                for (byte control : new byte[] {0, 1, 2, 3, '\t', '\n', '\r', 0x1f}) {
                    byte[] withControl = text.clone();
                    withControl[at] = control;
                    assertTrue(LogWriter.hasControlCharacters(withControl), "at " + at + " of " + length);
                }
            }
        }
    }

    @Test
    void linesFromManyReaderThreadsAreAllLoggedInTheirOrder() throws Exception {
        int threads = 4;
        int perThread = 3 * DiskLog.BATCH_LINES + 17;
        try (DiskLog log = log(0)) {
            Thread[] readers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                String buffer = "#c" + t;
                readers[t] = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        note(log, "net", buffer, BufferType.CHANNEL, i * 1000L, LineKind.MESSAGE, "n", "line " + i);
                    }
                });
                readers[t].start();
            }
            for (Thread reader : readers) {
                reader.join();
            }
        }
        for (int t = 0; t < threads; t++) {
            List<String> lines = logLines("net", "#c" + t + ".log");
            assertEquals(perThread, lines.size());
            for (int i = 0; i < perThread; i += 997) {
                assertTrue(lines.get(i).endsWith(" <n> line " + i), lines.get(i));
            }
        }
    }

    /** A stripping step that blocks the writer thread on a line holding "STALL" until released. */
    private final CountDownLatch writerBlocked = new CountDownLatch(1);
    private final CountDownLatch releaseWriter = new CountDownLatch(1);

    private byte[] blockingStrip(byte[] utf8) {
        if (new String(utf8, StandardCharsets.UTF_8).contains("STALL")) {
            writerBlocked.countDown();
            try {
                releaseWriter.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return protocol.stripFormatting(utf8);
    }

    @Test
    void aSlowDiskHoldsTheReaderBackInsteadOfQueueingWithoutBound() throws Exception {
        int lines = 3 * DiskLog.BATCH_LINES;
        AtomicInteger noted = new AtomicInteger();
        try (DiskLog log = new DiskLog(folder, 0, this::blockingStrip, ZoneOffset.UTC, 60_000)) {
            note(log, "net", "#c", BufferType.CHANNEL, 0, LineKind.MESSAGE, "n", "\u0002STALL\u0002");
            assertTrue(writerBlocked.await(10, TimeUnit.SECONDS));
            Thread reader = new Thread(() -> {
                for (int i = 1; i <= lines; i++) {
                    note(log, "net", "#c", BufferType.CHANNEL, 0, LineKind.MESSAGE, "n", "line " + i);
                    noted.incrementAndGet();
                }
            });
            reader.start();
            // the writer holds one batch; the readers fill the other one, then wait
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (noted.get() < DiskLog.BATCH_LINES && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            reader.join(300);
            assertTrue(reader.isAlive(), "the reader waits for the disk");
            assertEquals(DiskLog.BATCH_LINES, noted.get(), "no more than one batch noted while the writer is busy");
            releaseWriter.countDown();
            reader.join(10_000);
            assertEquals(lines, noted.get());
        }
        List<String> logged = logLines("net", "#c.log");
        assertEquals(lines + 1, logged.size(), "nothing lost");
        assertTrue(logged.get(0).endsWith("<n> STALL"));
        for (int i = 1; i <= lines; i += 1009) {
            assertTrue(logged.get(i).endsWith("<n> line " + i), logged.get(i));
        }
    }

    @Test
    // a reader held up line by line (the stall limit each) would need hours for these lines: the limit ends it
    @Timeout(60)
    void aStalledDiskCountsTheMissedLinesAndMarksTheGapInTheLog() throws Exception {
        int lines = 2 * DiskLog.BATCH_LINES;
        try (DiskLog log = new DiskLog(folder, 0, this::blockingStrip, ZoneOffset.UTC, 200)) {
            note(log, "net", "#c", BufferType.CHANNEL, 0, LineKind.MESSAGE, "n", "\u0002STALL\u0002");
            assertTrue(writerBlocked.await(10, TimeUnit.SECONDS));
            // after one wait of the stall limit the reader is not held up any more
            for (int i = 1; i <= lines; i++) {
                note(log, "net", "#c", BufferType.CHANNEL, 0, LineKind.MESSAGE, "n", "line " + i);
            }
            releaseWriter.countDown();
            // once the writer has taken the full batch (and written it with the gap line), lines are noted again
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(folder.resolve("net").resolve("#c.log"))
                    || logLines("net", "#c.log").size() < DiskLog.BATCH_LINES + 2) {
                assertTrue(System.nanoTime() < deadline, "the writer recovers");
                Thread.sleep(20);
            }
            note(log, "net", "#c", BufferType.CHANNEL, 0, LineKind.MESSAGE, "n", "after");
        }
        List<String> logged = logLines("net", "#c.log");
        int missed = lines - DiskLog.BATCH_LINES;
        assertEquals("<n> STALL", logged.get(0).substring(20));
        assertTrue(logged.get(DiskLog.BATCH_LINES).endsWith("<n> line " + DiskLog.BATCH_LINES));
        assertEquals("-!- " + missed + " lines are missing from this log here: the disk did not keep up with the "
                + "network", logged.get(DiskLog.BATCH_LINES + 1).substring(20));
        assertTrue(logged.get(DiskLog.BATCH_LINES + 2).endsWith("<n> after"), "logging goes on afterwards");
        assertEquals(DiskLog.BATCH_LINES + 3, logged.size());
    }

    @Test
    void restoresTheLastLinesAsTheyWereShown() {
        try (DiskLog log = log(100)) {
            for (int i = 0; i < 5; i++) {
                note(log, "net", "bob", BufferType.QUERY, i * 1000L, LineKind.MESSAGE, "bob", "m" + i);
            }
            note(log, "net", "bob", BufferType.QUERY, 9000, LineKind.ACTION, "me", "smiles");
        }
        try (DiskLog log = log(3)) {
            List<BufferLine> restored = log.restore("net", "BOB", BufferType.QUERY);
            assertEquals(List.of(new BufferLine(3000, LineKind.MESSAGE, "bob", "m3", 0),
                    new BufferLine(4000, LineKind.MESSAGE, "bob", "m4", 0),
                    new BufferLine(9000, LineKind.ACTION, "me", "smiles", 0)), restored);
            assertTrue(log.restore("net", "nobody", BufferType.QUERY).isEmpty());
        }
    }

    @Test
    void namesThatWindowsTakesForDevicesGetFilesOfTheirOwn() {
        try (DiskLog log = log(0)) {
            assertEquals(folder.resolve("libera").resolve("con_.log"), log.file("libera", "CON"));
            assertEquals(folder.resolve("libera").resolve("nul_.log"), log.file("libera", "nul"));
            assertEquals(folder.resolve("libera").resolve("com1_.log"), log.file("libera", "Com1"));
            assertEquals(folder.resolve("libera").resolve("lpt9_.txt.log"), log.file("libera", "lpt9.txt"));
            assertEquals(folder.resolve("AUX_").resolve("bob.log"), log.file("AUX", "bob"));
            assertEquals(folder.resolve("Prn_ .net").resolve("aux_.tar.gz.log"), log.file("Prn .net", "aux.tar.gz"));
            assertEquals(folder.resolve("libera").resolve("com\u00B9_.log"), log.file("libera", "COM\u00B9"));
            // only the names themselves: a longer nick is left as it is
            assertEquals(folder.resolve("libera").resolve("console.log"), log.file("libera", "console"));
            assertEquals(folder.resolve("libera").resolve("com10.log"), log.file("libera", "com10"));
        }
    }

    @Test
    void newLogsAndTheirFoldersAreForTheirOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(folder.getFileSystem().supportedFileAttributeViews()
                .contains("posix"), "no POSIX permissions on this file system");
        try (DiskLog log = log(0)) {
            note(log, "net", "bob", BufferType.QUERY, 0, LineKind.MESSAGE, "bob", "a private word");
        }
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("net"))));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("net").resolve("bob.log"))));
        assertEquals(List.of("1970-01-01 00:00:00 <bob> a private word"), logLines("net", "bob.log"));
    }

    @Test
    void anExistingLogKeepsItsPermissions() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(folder.getFileSystem().supportedFileAttributeViews()
                .contains("posix"), "no POSIX permissions on this file system");
        Path shared = folder.resolve("net").resolve("#open.log");
        Files.createDirectories(shared.getParent());
        Files.writeString(shared, "");
        Files.setPosixFilePermissions(shared.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString(
                "rwxr-xr-x"));
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        try (DiskLog log = log(0)) {
            note(log, "net", "#open", BufferType.CHANNEL, 0, LineKind.MESSAGE, "bob", "public");
        }
        assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(shared.getParent())));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(shared)));
        assertEquals(List.of("1970-01-01 00:00:00 <bob> public"), logLines("net", "#open.log"));
    }

    @Test
    void namesCannotLeaveTheLogFolder() {
        try (DiskLog log = log(0)) {
            Path file = log.file("../net", "#a/../../../etc/passwd");
            assertTrue(file.normalize().startsWith(folder), file.toString());
            assertEquals(folder.resolve("_._net").resolve("#a_.._.._.._etc_passwd.log"), file);
        }
    }

    @Test
    void aSessionRestoresItsChannelFromTheLogAfterARestart() {
        SessionComponent first = new SessionComponent(protocol, 1000, folder, 50);
        FakeConnection connection = new FakeConnection("net", protocol);
        first.bindConnection(connection);
        first.onMessage(connection, protocol.parse(":me!me@h JOIN #chan"));
        first.onMessage(connection, protocol.parse(":bob!b@h PRIVMSG #chan :before the restart"));
        first.deactivate();

        SessionComponent second = new SessionComponent(protocol, 1000, folder, 50);
        second.bindConnection(connection);
        second.onMessage(connection, protocol.parse(":me!me@h JOIN #chan"));
        Buffer channel = second.find("net", "#chan").orElseThrow();
        List<BufferLine> lines = channel.lines(channel.firstLine(), channel.endLine());
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).has(BufferLine.HISTORY));
        assertEquals("before the restart", lines.get(1).text());
        assertEquals("bob", lines.get(1).nick());
        assertFalse(lines.get(2).has(BufferLine.HISTORY), "the new JOIN is live");
        assertEquals(0, channel.unreadCount(), "restored lines are not unread");
        second.deactivate();
    }

    @Test
    void aBouncersPlaybackIsLoggedOnceAcrossRestarts() throws Exception {
        // formatted: the log keeps it without, and the played-back line must still be recognised
        String playback = "@batch=p;time=2026-12-02T05:00:00.250Z :bob!b@h PRIVMSG #chan :said \u0002while\u0002"
                + " \u000304detached";
        FakeConnection connection = new FakeConnection("net", protocol);
        for (int start = 0; start < 2; start++) {
            SessionComponent session = new SessionComponent(protocol, 1000, folder, 50);
            session.bindConnection(connection);
            session.onMessage(connection, protocol.parse(":me!me@h JOIN #chan"));
            // a bouncer that keeps its buffer plays it back on every attach, after a restart too
            session.onMessage(connection, protocol.parse(":irc.znc.in BATCH +p znc.in/playback #chan"));
            session.onMessage(connection, protocol.parse(playback));
            session.onMessage(connection, protocol.parse(":irc.znc.in BATCH -p"));
            Buffer channel = session.find("net", "#chan").orElseThrow();
            assertEquals(1, channel.lines(channel.firstLine(), channel.endLine()).stream()
                    .filter(line -> line.text().replaceAll("[\u0002\u0003]|04", "").equals("said while detached"))
                    .count(), "start " + start);
            session.deactivate();
        }
        String log = Files.readString(folder.resolve("net").resolve("#chan.log"));
        assertEquals(1, log.lines().filter(line -> line.endsWith("<bob> said while detached")).count(), log);
        String said = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(java.time.Instant.parse("2026-12-02T05:00:00.250Z").atZone(java.time.ZoneId.systemDefault()));
        assertTrue(log.contains(said + " <bob> said while detached"), "logged with its own time: " + log);
    }

    @Test
    void aPasswordSentToNickServIsMaskedInTheScrollbackAndTheLog() throws Exception {
        SessionComponent session = new SessionComponent(protocol, 1000, folder, 50);
        FakeConnection connection = new FakeConnection("net", protocol);
        session.bindConnection(connection);
        session.onMessage(connection, protocol.parse(":irc.example 001 me :Welcome"));
        // shown from what was sent (a server without echo-message) and from an echo: both masked
        session.messageSent(connection, IrcMessage.of("PRIVMSG", "NickServ", "IDENTIFY me hunter2-secret"));
        session.onMessage(connection, protocol.parse(":me!me@h PRIVMSG NickServ :GHOST other hunter2-secret"));
        session.onMessage(connection, protocol.parse(":NickServ!s@services. NOTICE me :Password accepted"));
        Buffer query = session.find("net", "NickServ").orElseThrow();
        List<String> texts = query.lines(query.firstLine(), query.endLine()).stream().map(BufferLine::text).toList();
        assertTrue(texts.containsAll(List.of("IDENTIFY me ****", "GHOST other ****")), texts.toString());
        session.deactivate();
        String log = Files.readString(folder.resolve("net").resolve("nickserv.log"));
        assertTrue(log.contains("<me> IDENTIFY me ****"), log);
        assertFalse(log.contains("hunter2-secret"), log);
    }

    @Test
    void highlightWordsMarkLines() {
        SessionComponent session = new SessionComponent(protocol, 1000);
        session.setHighlightWords(List.of("switchboard"));
        FakeConnection connection = new FakeConnection("net", protocol);
        session.bindConnection(connection);
        session.onMessage(connection, protocol.parse(":me!me@h JOIN #chan"));
        session.onMessage(connection, IrcMessage.of("PRIVMSG", "#chan", "I like Switchboard!").withSource("bob!b@h"));
        Buffer channel = session.find("net", "#chan").orElseThrow();
        assertEquals(1, channel.highlightCount());
    }
}
