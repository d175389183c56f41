package org.switchboard.session.log;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.session.model.LineStore;

/**
 * Plain-text logs, one file per network and buffer ({@code <root>/<network>/<buffer>.log}), one timestamped line
 * per message in the style of irssi: {@code 2026-01-02 12:00:00 <nick> text}, {@code * nick action},
 * {@code -nick- notice}, {@code -!- event}.
 *
 * <p>Reader threads only note what happened: a line costs them a few array stores under a lock that is held
 * for nothing longer. The one writer thread does the rest (time stamps, stripping mIRC codes, UTF-8, finding
 * the file) in batches: it takes the whole batch of noted lines at once, hands the readers an empty one, and
 * writes each file's part of the batch with one system call. At most two batches of {@value #BATCH_LINES}
 * lines exist, so memory stays bounded whatever the network does.
 *
 * <p>When the disk is slower than the network, both batches fill up and a reader thread waits for the writer
 * (back-pressure: the connection reads more slowly and TCP slows the server, as when the session itself is
 * busy). If the writer makes no progress for two seconds (a hung network file system, say), waiting
 * stops: until the writer takes the next batch, lines are counted instead of logged, a warning goes to the
 * application log, and once the writer is back each affected log gets a line saying how many lines are missing
 * at that point. Lines are never dropped without that trace. The in-memory scrollback is never affected.
 */
public final class DiskLog implements LineStore, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DiskLog.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /** Lines per batch; two batches are the most the log holds. */
    static final int BATCH_LINES = 8192;
    /** A quiet writer is woken when this many lines wait, or {@link #LINGER_MILLIS} after the first one. */
    private static final int WAKE_AT = 512;
    private static final long LINGER_MILLIS = 100;
    private static final long STALL_MILLIS = 2000;
    private static final int OPEN_FILES = 32;
    /** How much of a log's end is read to restore lines: plenty for a few hundred lines. */
    private static final int TAIL_BYTES = 128 * 1024;

    private final Path root;
    private final int restoreLines;
    private final long stallNanos;
    private final ZoneId zone;
    private final Thread writer;
    private final LogWriter output;

    /**
     * Guards the batches and the flags below. A plain monitor: its uncontended entry is cheaper than a lock
     * object's before the JIT has inlined everything, and this is taken once per line. The writer waits on it
     * for lines, readers (rarely) for a free batch.
     */
    private final Object lock = new Object();
    // guarded by lock
    private Batch filling = new Batch(BATCH_LINES);
    private Batch spare = new Batch(BATCH_LINES);
    private boolean writerIdle;
    private boolean closing;
    private boolean stalled;
    /** Lines counted instead of logged while stalled, per log, in the order they were missed. */
    private Map<LogKey, Long> notLogged = new LinkedHashMap<>();
    private long lateLines;

    /** A network and buffer name: which file a line belongs to. */
    record LogKey(String network, String buffer) {
    }

    /** Lines noted by readers, as parallel arrays: no object per line. */
    static final class Batch {
        final String[] networks;
        final String[] buffers;
        final long[] times;
        final LineKind[] kinds;
        final String[] nicks;
        final byte[][] utf8s;
        int size;

        Batch(int capacity) {
            networks = new String[capacity];
            buffers = new String[capacity];
            times = new long[capacity];
            kinds = new LineKind[capacity];
            nicks = new String[capacity];
            utf8s = new byte[capacity][];
        }

        boolean isFull() {
            return size == times.length;
        }

        void add(String network, String buffer, long time, LineKind kind, String nick, byte[] utf8) {
            networks[size] = network;
            buffers[size] = buffer;
            times[size] = time;
            kinds[size] = kind;
            nicks[size] = nick;
            utf8s[size] = utf8;
            size++;
        }

        /** Forgets the lines, so that their strings can be collected. */
        void clear() {
            java.util.Arrays.fill(networks, 0, size, null);
            java.util.Arrays.fill(buffers, 0, size, null);
            java.util.Arrays.fill(nicks, 0, size, null);
            java.util.Arrays.fill(utf8s, 0, size, null);
            size = 0;
        }
    }

    public DiskLog(Path root, int restoreLines, UnaryOperator<byte[]> stripFormatting, ZoneId zone) {
        this(root, restoreLines, stripFormatting, zone, STALL_MILLIS);
    }

    /** With another limit for how long readers wait for a writer that makes no progress; for tests. */
    DiskLog(Path root, int restoreLines, UnaryOperator<byte[]> stripFormatting, ZoneId zone, long stallMillis) {
        this.root = root;
        this.restoreLines = restoreLines;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
        this.zone = zone;
        this.output = new LogWriter(this::file, stripFormatting, zone, OPEN_FILES);
        this.writer = new Thread(this::writeLoop, "switchboard-disklog");
        writer.setDaemon(true);
        writer.start();
    }

    /** The file of a buffer; names are made safe so that no channel name can leave the log folder. */
    public Path file(String network, String buffer) {
        return root.resolve(safe(network)).resolve(safe(buffer.toLowerCase(Locale.ROOT)) + ".log");
    }

    static String safe(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean bad = c < 0x20 || c == 0x7F || "/\\:*?\"<>|".indexOf(c) >= 0 || (i == 0 && c == '.');
            sb.append(bad ? '_' : c);
        }
        if (sb.length() == 0) {
            return "_";
        }
        // Windows opens a device for these names whatever follows the first dot, and with spaces or dots before it:
        // a nick "CON" gets "CON_" on every system, so that a log folder copied between systems keeps its files
        int dot = sb.indexOf(".");
        int stemEnd = dot < 0 ? sb.length() : dot;
        while (stemEnd > 0 && (sb.charAt(stemEnd - 1) == ' ' || sb.charAt(stemEnd - 1) == '.')) {
            stemEnd--;
        }
        if (WINDOWS_DEVICES.contains(sb.substring(0, stemEnd).toUpperCase(Locale.ROOT))) {
            sb.insert(stemEnd, '_');
        }
        return sb.toString();
    }

    /** Names Windows keeps for devices, upper-cased; the superscript digits count as digits there too. */
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00B9", "COM\u00B2",
            "COM\u00B3", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9",
            "LPT\u00B2", "LPT\u00B3");

    @Override
    public void lineAppended(String network, String buffer, BufferType type, long time, LineKind kind, String nick,
            byte[] utf8, int flags) {
        synchronized (lock) {
            if (closing) {
                lateLines++;
                return;
            }
            if (filling.isFull() && !waitForSpace()) {
                if (closing) {
                    lateLines++;
                } else {
                    notLogged.merge(new LogKey(network, buffer), 1L, Long::sum);
                }
                return;
            }
            filling.add(network, buffer, time, kind, nick, utf8);
            int size = filling.size;
            if (writerIdle ? size == 1 : size == WAKE_AT || filling.isFull()) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Back-pressure: waits, at most the stall limit, for the writer to take the full batch; false when the line
     * cannot be noted (stalled, closing, or the reader thread interrupted). Called holding the lock.
     */
    private boolean waitForSpace() {
        if (stalled) {
            return false;
        }
        long deadline = System.nanoTime() + stallNanos;
        try {
            long left = stallNanos;
            while (filling.isFull() && !closing && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
                left = deadline - System.nanoTime();
            }
        } catch (InterruptedException e) {
            // the connection is shutting its reader down: this line is counted, the thread keeps its interrupt
            Thread.currentThread().interrupt();
            return false;
        }
        if (closing) {
            return false;
        }
        if (filling.isFull()) {
            stalled = true;
            LOG.log(System.Logger.Level.WARNING, "The disk log under " + root + " made no progress for "
                    + TimeUnit.NANOSECONDS.toMillis(stallNanos) + " ms; lines are counted, not logged, until it "
                    + "catches up");
            return false;
        }
        return true;
    }

    @Override
    public byte[] asStored(byte[] utf8) {
        return output.logged(utf8);
    }

    @Override
    public List<BufferLine> restore(String network, String buffer, BufferType type) {
        if (restoreLines <= 0 || type == BufferType.SERVER) {
            return List.of();
        }
        Path file = file(network, buffer);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> tail;
        try {
            tail = tail(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read " + file + ": " + e);
            return List.of();
        }
        List<BufferLine> lines = new ArrayList<>();
        for (String text : tail.subList(Math.max(0, tail.size() - restoreLines), tail.size())) {
            BufferLine line = parse(text);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> tail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n")));
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0); // cut in the middle
            }
            return lines;
        }
    }

    /** One log line back as a scrollback line, or null when it is not in our format. */
    BufferLine parse(String text) {
        if (text.length() < 21 || text.charAt(19) != ' ') {
            return null;
        }
        long time;
        try {
            time = LocalDateTime.parse(text.substring(0, 19), STAMP).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
        String body = text.substring(20);
        if (body.startsWith("<")) {
            int close = body.indexOf("> ");
            if (close > 1) {
                return new BufferLine(time, LineKind.MESSAGE, body.substring(1, close), body.substring(close + 2), 0);
            }
        } else if (body.startsWith("* ")) {
            int space = body.indexOf(' ', 2);
            if (space > 2) {
                return new BufferLine(time, LineKind.ACTION, body.substring(2, space), body.substring(space + 1), 0);
            }
        } else if (body.startsWith("-!- ")) {
            return new BufferLine(time, LineKind.INFO, null, body.substring(4), 0);
        } else if (body.startsWith("-")) {
            int close = body.indexOf("- ", 1);
            if (close >= 1) {
                String nick = body.substring(1, close);
                return new BufferLine(time, LineKind.NOTICE, nick.isEmpty() ? null : nick, body.substring(close + 2), 0);
            }
        }
        return new BufferLine(time, LineKind.INFO, null, body, 0);
    }

    private void writeLoop() {
        try {
            while (true) {
                Batch batch;
                Map<LogKey, Long> missed;
                synchronized (lock) {
                    while (filling.size == 0 && notLogged.isEmpty() && !closing) {
                        writerIdle = true;
                        lock.wait();
                    }
                    writerIdle = false;
                    if (filling.size < WAKE_AT && !closing) {
                        // a few lines: give the batch a moment to fill, so a trickle is not one write per line
                        lock.wait(LINGER_MILLIS);
                    }
                    if (filling.size == 0 && notLogged.isEmpty() && closing) {
                        return;
                    }
                    batch = filling;
                    filling = spare;
                    spare = null;
                    missed = notLogged.isEmpty() ? Map.of() : notLogged;
                    if (!missed.isEmpty()) {
                        notLogged = new LinkedHashMap<>();
                    }
                    stalled = false;
                    lock.notifyAll();
                }
                write(batch, missed);
                synchronized (lock) {
                    spare = batch;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            output.closeAll();
        }
    }

    private void write(Batch batch, Map<LogKey, Long> missed) {
        for (int i = 0; i < batch.size; i++) {
            output.line(batch.networks[i], batch.buffers[i], batch.times[i], batch.kinds[i], batch.nicks[i],
                    batch.utf8s[i]);
        }
        // the lines in the batch came before the ones missed while it was full
        long now = System.currentTimeMillis();
        missed.forEach((key, count) -> {
            String gap = count + " lines are missing from this log here: the disk did not keep up with the network";
            output.line(key.network(), key.buffer(), now, LineKind.INFO, null, gap.getBytes(StandardCharsets.UTF_8));
        });
        output.flushAll();
        batch.clear();
    }

    /**
     * Writes what is noted, closes the files and ends the writer thread. Lines that arrive afterwards are not
     * logged; their number is reported.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long late;
        synchronized (lock) {
            late = lateLines;
        }
        if (late > 0) {
            LOG.log(System.Logger.Level.WARNING, late + " lines arrived after the disk log under " + root
                    + " was closed and were not logged");
        }
    }
}
