package org.switchboard.session.log;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.switchboard.api.session.LineKind;

/**
 * The disk log's writer-thread half: formats lines straight into per-file byte buffers (time stamp, kind
 * marker, nick, text stripped of mIRC codes, UTF-8) and writes each buffer with one call when a batch is done.
 * The time stamp is worked out once per second of log time, not once per line. The text arrives as the UTF-8
 * bytes the scrollback was given too; without control characters (nearly always) they are copied as they are,
 * otherwise they are stripped of mIRC codes and line breaks first, still as bytes. At most {@code maxOpen}
 * files have an open channel and a buffer; the least recently used one is written and closed to make room.
 * Used by one thread.
 */
final class LogWriter {

    private static final System.Logger LOG = System.getLogger(LogWriter.class.getName());
    private static final int BUFFER_BYTES = 32 * 1024;
    private static final byte[] NO_NICK = new byte[0];
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final BiFunction<String, String, Path> fileOf;
    private final UnaryOperator<byte[]> stripFormatting;
    private final ZoneRules zone;
    private final int maxOpen;
    /** Files by network and buffer name; two names may share a file ({@code #Chan} and {@code #chan}). */
    private final Map<String, Map<String, LogFile>> byName = new HashMap<>();
    private final Map<Path, LogFile> byPath = new HashMap<>();
    /** Files holding a buffer (and usually an open channel), least recently used first. */
    private final LinkedHashMap<LogFile, Boolean> active = new LinkedHashMap<>(16, 0.75f, true);
    private final List<LogFile> dirty = new ArrayList<>();
    private String lastNetwork;
    private String lastBuffer;
    private LogFile last;
    private long stampSecond = Long.MIN_VALUE;
    private final byte[] stamp = new byte[19];

    /** One log file: where it is, its channel while open, and the bytes not yet written. */
    private static final class LogFile {
        final Path path;
        FileChannel channel;
        byte[] pending;
        int used;
        int pendingLines;
        /** Lines that could not be written since the last failure was reported; 0 while writing works. */
        long failedLines;

        LogFile(Path path) {
            this.path = path;
        }
    }

    LogWriter(BiFunction<String, String, Path> fileOf, UnaryOperator<byte[]> stripFormatting, ZoneId zone,
            int maxOpen) {
        this.fileOf = fileOf;
        this.stripFormatting = stripFormatting;
        this.zone = zone.getRules();
        this.maxOpen = maxOpen;
    }

    /** Adds one line, its text as UTF-8, to its file's buffer. */
    void line(String network, String buffer, long time, LineKind kind, String nick, byte[] utf8) {
        LogFile file = fileFor(network, buffer);
        // Only the few lines with formatting or line breaks are read as text, on this thread rather than the reader.
        byte[] body = logged(utf8);
        byte[] who = nick == null ? NO_NICK : nick.getBytes(StandardCharsets.UTF_8);
        byte[] out = reserve(file, 26 + who.length + body.length);
        int p = file.used;
        p = stamp(out, p, time);
        out[p++] = ' ';
        switch (kind) {
            case MESSAGE -> {
                out[p++] = '<';
                p = copy(who, out, p);
                out[p++] = '>';
            }
            case ACTION -> {
                out[p++] = '*';
                out[p++] = ' ';
                p = copy(who, out, p);
            }
            case NOTICE -> {
                out[p++] = '-';
                p = copy(who, out, p);
                out[p++] = '-';
            }
            default -> {
                out[p++] = '-';
                out[p++] = '!';
                out[p++] = '-';
            }
        }
        out[p++] = ' ';
        p = copy(body, out, p);
        out[p++] = '\n';
        file.used = p;
        file.pendingLines++;
    }

    private LogFile fileFor(String network, String buffer) {
        // a flood is one buffer's lines in a row: the same name objects as the line before
        if (network == lastNetwork && buffer == lastBuffer) {
            return last;
        }
        LogFile file = byName.computeIfAbsent(network, n -> new HashMap<>()).get(buffer);
        if (file == null) {
            Path path = fileOf.apply(network, buffer);
            file = byPath.computeIfAbsent(path, LogFile::new);
            byName.get(network).put(buffer, file);
        }
        lastNetwork = network;
        lastBuffer = buffer;
        last = file;
        return file;
    }

    /** The file's buffer with room for {@code bytes} more; writes it out first when it is too full. */
    private byte[] reserve(LogFile file, int bytes) {
        if (file.pending == null) {
            file.pending = new byte[Math.max(BUFFER_BYTES, bytes)];
            active.put(file, Boolean.TRUE);
            if (active.size() > maxOpen) {
                Iterator<LogFile> eldest = active.keySet().iterator();
                LogFile evicted = eldest.next();
                eldest.remove();
                write(evicted);
                closeChannel(evicted);
                evicted.pending = null;
            }
        } else if (file.used + bytes > file.pending.length) {
            write(file);
            if (bytes > file.pending.length) {
                file.pending = new byte[bytes];
            }
        }
        if (file.used == 0) {
            dirty.add(file);
        }
        return file.pending;
    }

    /** Writes every buffer that holds bytes. */
    void flushAll() {
        for (LogFile file : dirty) {
            write(file);
        }
        dirty.clear();
    }

    void closeAll() {
        flushAll();
        for (LogFile file : active.keySet()) {
            closeChannel(file);
        }
        active.clear();
    }

    private void write(LogFile file) {
        if (file.used == 0) {
            return;
        }
        try {
            if (file.channel == null) {
                file.channel = openForAppending(file.path);
            }
            ByteBuffer bytes = ByteBuffer.wrap(file.pending, 0, file.used);
            while (bytes.hasRemaining()) {
                file.channel.write(bytes);
            }
            if (file.failedLines > 0) {
                LOG.log(System.Logger.Level.WARNING, "Writing the log " + file.path + " works again; "
                        + file.failedLines + " lines could not be written to it");
                file.failedLines = 0;
            }
        } catch (IOException e) {
            if (file.failedLines == 0) {
                LOG.log(System.Logger.Level.WARNING, "Could not write the log " + file.path + ": " + e
                        + "; its lines are not logged until writing works again");
            }
            file.failedLines += file.pendingLines;
            closeChannel(file);
        }
        file.used = 0;
        file.pendingLines = 0;
    }

    /**
     * Opens a log for appending, creating it and its folders for their owner only where the file system has POSIX
     * permissions: logs hold private queries. Existing files and folders keep what they have.
     */
    private static FileChannel openForAppending(Path path) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        Path folder = path.getParent();
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder);
            return FileChannel.open(path, options);
        }
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        return FileChannel.open(path, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
    }

    private static void closeChannel(LogFile file) {
        if (file.channel != null) {
            try {
                file.channel.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not close the log " + file.path + ": " + e);
            }
            file.channel = null;
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in the log's time zone, recomputed only when the second changes. */
    private int stamp(byte[] out, int p, long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        if (second != stampSecond) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, zone.getOffset(Instant.ofEpochSecond(second)));
            digits(t.getYear(), 4, 0);
            stamp[4] = '-';
            digits(t.getMonthValue(), 2, 5);
            stamp[7] = '-';
            digits(t.getDayOfMonth(), 2, 8);
            stamp[10] = ' ';
            digits(t.getHour(), 2, 11);
            stamp[13] = ':';
            digits(t.getMinute(), 2, 14);
            stamp[16] = ':';
            digits(t.getSecond(), 2, 17);
            stampSecond = second;
        }
        System.arraycopy(stamp, 0, out, p, stamp.length);
        return p + stamp.length;
    }

    private void digits(int value, int width, int at) {
        int v = Math.abs(value) % (width == 4 ? 10_000 : 100);
        for (int i = width - 1; i >= 0; i--) {
            stamp[at + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }

    private static int copy(byte[] bytes, byte[] out, int p) {
        System.arraycopy(bytes, 0, out, p, bytes.length);
        return p + bytes.length;
    }

    /** A line's text as the log holds it: without formatting, on one line; {@code utf8} itself when plain. */
    byte[] logged(byte[] utf8) {
        return hasControlCharacters(utf8) ? oneLine(stripFormatting.apply(utf8)) : utf8;
    }

    /**
     * mIRC codes and line breaks are all below 0x20 (and never part of a longer UTF-8 sequence). Eight bytes at a
     * time: {@code (w - 0x20 in every byte) & ~w} has a byte's high bit set exactly when that byte is below 0x20.
     */
    static boolean hasControlCharacters(byte[] utf8) {
        int i = 0;
        for (; i + 8 <= utf8.length; i += 8) {
            long word = (long) LONGS.get(utf8, i);
            if (((word - 0x20 * ONES) & ~word & HIGH_BITS) != 0) {
                return true;
            }
        }
        for (; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b >= 0 && b < 0x20) {
                return true;
            }
        }
        return false;
    }

    /** Line breaks as spaces; a copy when there are any, since the bytes are shared with the scrollback. */
    private static byte[] oneLine(byte[] utf8) {
        byte[] out = utf8;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '\r' || out[i] == '\n') {
                if (out == utf8) {
                    out = utf8.clone();
                }
                out[i] = ' ';
            }
        }
        return out;
    }
}
