package org.switchboard.session.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.session.model.LineStore;

/**
 * Plain-text logs, one file per network and buffer ({@code <root>/<network>/<buffer>.log}), one timestamped line
 * per message in the style of irssi: {@code 2026-01-02 12:00:00 <nick> text}, {@code * nick action},
 * {@code -nick- notice}, {@code -!- event}. Reader threads only queue what happened; the one writer thread does
 * everything else (formatting, stripping mIRC codes, finding the file), so neither a slow disk nor the
 * formatting holds up a connection. If the queue overflows under a flood, lines are dropped from the log (not
 * from the scrollback) and the count is logged.
 */
public final class DiskLog implements LineStore, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DiskLog.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final int QUEUE = 65_536;
    private static final int OPEN_FILES = 32;
    /** How much of a log's end is read to restore lines: plenty for a few hundred lines. */
    private static final int TAIL_BYTES = 128 * 1024;

    /** A line as the reader thread hands it over, not yet formatted. */
    private record Entry(String network, String buffer, long time, LineKind kind, String nick, String text) {
    }

    private static final Entry STOP = new Entry(null, null, 0, null, null, null);

    private final Path root;
    private final int restoreLines;
    private final UnaryOperator<String> stripFormatting;
    private final ZoneId zone;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private final Map<Path, BufferedWriter> open = new LinkedHashMap<>(16, 0.75f, true);
    /** Resolved log files by network and buffer; only the writer thread uses it. */
    private final Map<String, Map<String, Path>> files = new HashMap<>();

    public DiskLog(Path root, int restoreLines, UnaryOperator<String> stripFormatting, ZoneId zone) {
        this.root = root;
        this.restoreLines = restoreLines;
        this.stripFormatting = stripFormatting;
        this.zone = zone;
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
        return sb.length() == 0 ? "_" : sb.toString();
    }

    @Override
    public void lineAppended(String network, String buffer, BufferType type, long time, LineKind kind, String nick,
            String text, int flags) {
        if (!queue.offer(new Entry(network, buffer, time, kind, nick, text))) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 10_000 == 0) {
                LOG.log(System.Logger.Level.WARNING, "Disk log cannot keep up; " + count + " lines not logged");
            }
        }
    }

    private static String oneLine(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replace('\r', ' ').replace('\n', ' ');
    }

    private static String format(LineKind kind, String nick, String text) {
        return switch (kind) {
            case MESSAGE -> "<" + nick + "> " + text;
            case ACTION -> "* " + nick + " " + text;
            case NOTICE -> "-" + (nick == null ? "" : nick) + "- " + text;
            default -> "-!- " + text;
        };
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
                Entry entry = queue.poll(1, TimeUnit.SECONDS);
                if (entry == null) {
                    flushAll();
                    continue;
                }
                if (entry == STOP) {
                    break;
                }
                write(entry);
                if (queue.isEmpty()) {
                    flushAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Entry rest;
            while ((rest = queue.poll()) != null) {
                if (rest != STOP) {
                    write(rest);
                }
            }
            closeAll();
        }
    }

    private void write(Entry entry) {
        Path file = files.computeIfAbsent(entry.network(), n -> new HashMap<>())
                .computeIfAbsent(entry.buffer(), b -> file(entry.network(), b));
        String line = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(entry.time()), zone).format(STAMP) + " "
                + format(entry.kind(), entry.nick(), oneLine(stripFormatting.apply(entry.text())));
        try {
            BufferedWriter out = open.get(file);
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                open.put(file, out);
                if (open.size() > OPEN_FILES) {
                    Iterator<Map.Entry<Path, BufferedWriter>> eldest = open.entrySet().iterator();
                    eldest.next().getValue().close();
                    eldest.remove();
                }
            }
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not write the log " + file + ": " + e);
        }
    }

    private void flushAll() {
        for (BufferedWriter out : open.values()) {
            try {
                out.flush();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not flush a log: " + e);
            }
        }
    }

    private void closeAll() {
        for (BufferedWriter out : open.values()) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not close a log: " + e);
            }
        }
        open.clear();
    }

    /** Writes what is queued, closes the files and ends the writer thread. */
    @Override
    public void close() {
        try {
            queue.put(STOP);
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
