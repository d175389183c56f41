package org.switchboard.session.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;

/**
 * A bounded ring of lines kept as parallel primitive arrays: one {@code long} time, one {@code byte} of kind
 * and flags, a shared nick reference, and the text as UTF-8 bytes packed one after another into shared
 * chunks (a reference, an offset and a length per line). That is about 25 bytes plus the text per line, against
 * well over 100 for a {@link BufferLine} record with its two Strings, and no object per line at all, which keeps
 * garbage collection pauses short when a flood fills the scrollback. A chunk is freed by the collector once
 * every line in it has been overwritten. The arrays grow on demand up to the limit, so a quiet buffer costs
 * little. Thread-safe: appends come from reader threads, reads from the UI; the monitor is this object.
 *
 * <p>Nicks are shared through a small direct-mapped table rather than {@link String#intern()}: a flood line then
 * costs one hash and one comparison, and a nick that loses its slot to another is merely stored twice.
 */
public final class Scrollback {

    private static final LineKind[] KINDS = LineKind.values();
    private static final int INITIAL_CAPACITY = 64;
    private static final byte[] EMPTY = new byte[0];
    private static final int FIRST_CHUNK = 4 * 1024;
    /** Chunks stop growing here; large enough that the collector handles few of them. */
    private static final int LAST_CHUNK = 256 * 1024;
    /** Slots of the nick table: a busy channel's speakers fit with few collisions, in 16 KB. */
    private static final int NICK_SLOTS = 4096;

    private final int limit;
    /** Allocated with the first nick, so a buffer that never sees one (the server buffer, mostly) pays nothing. */
    private String[] nickTable;
    private long[] times;
    private byte[] kindAndFlags;
    private String[] nicks;
    private byte[][] textChunks;
    private int[] textOffsets;
    private int[] textLengths;
    /** The chunk new text goes into, and how much of it is used. */
    private byte[] chunk = EMPTY;
    private int chunkUsed;
    /** Array index of the oldest line. */
    private int head;
    private int count;
    /** Sequence number of the oldest line held. */
    private long first;

    public Scrollback(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("scrollback limit must be positive: " + limit);
        }
        this.limit = limit;
        allocate(Math.min(limit, INITIAL_CAPACITY));
    }

    private void allocate(int capacity) {
        times = new long[capacity];
        kindAndFlags = new byte[capacity];
        nicks = new String[capacity];
        textChunks = new byte[capacity][];
        textOffsets = new int[capacity];
        textLengths = new int[capacity];
    }

    public int limit() {
        return limit;
    }

    /** Appends a line, dropping the oldest when full; returns its sequence number. */
    public long append(long time, LineKind kind, String nick, String text, int flags) {
        // Encoding happens before taking the lock, to keep readers' waits short.
        return append(time, kind, nick, utf8(text), flags);
    }

    /** The same with the text as UTF-8, which is copied. */
    public long append(long time, LineKind kind, String nick, byte[] bytes, int flags) {
        // Kinds fit in 4 bits and the BufferLine flags defined so far in the other 4.
        byte packed = (byte) ((kind.ordinal() & 0x0F) | ((flags & 0x0F) << 4));
        synchronized (this) {
            if (count == times.length && count < limit) {
                grow();
            }
            int index;
            if (count == times.length) {
                index = head;
                head = wrap(head + 1);
                first++;
            } else {
                index = wrap(head + count);
                count++;
            }
            times[index] = time;
            kindAndFlags[index] = packed;
            nicks[index] = nick == null ? null : shared(nick);
            store(index, bytes);
            return first + count - 1;
        }
    }

    static byte[] utf8(String text) {
        return text == null || text.isEmpty() ? EMPTY : text.getBytes(StandardCharsets.UTF_8);
    }

    /** An array index one lap past the end, brought back; cheaper than a division on every line. */
    private int wrap(int index) {
        return index >= times.length ? index - times.length : index;
    }

    private String shared(String nick) {
        if (nickTable == null) {
            nickTable = new String[Math.min(NICK_SLOTS, Integer.highestOneBit(Math.max(16, limit)))];
        }
        int h = nick.hashCode();
        int slot = (h ^ (h >>> 16)) & (nickTable.length - 1);
        String held = nickTable[slot];
        if (held != null && held.equals(nick)) {
            return held;
        }
        nickTable[slot] = nick;
        return nick;
    }

    /** Copies the text into the current chunk (a new one when it is full) and records where it went. */
    private void store(int index, byte[] bytes) {
        if (bytes.length > chunk.length - chunkUsed) {
            int size = Math.max(bytes.length, Math.min(LAST_CHUNK, Math.max(FIRST_CHUNK, chunk.length * 2)));
            chunk = new byte[size];
            chunkUsed = 0;
        }
        System.arraycopy(bytes, 0, chunk, chunkUsed, bytes.length);
        textChunks[index] = chunk;
        textOffsets[index] = chunkUsed;
        textLengths[index] = bytes.length;
        chunkUsed += bytes.length;
    }

    private void grow() {
        int capacity = (int) Math.min((long) limit, Math.max(INITIAL_CAPACITY, (long) times.length * 2));
        long[] oldTimes = times;
        byte[] oldKinds = kindAndFlags;
        String[] oldNicks = nicks;
        byte[][] oldChunks = textChunks;
        int[] oldOffsets = textOffsets;
        int[] oldLengths = textLengths;
        allocate(capacity);
        for (int i = 0; i < count; i++) {
            int from = (head + i) % oldTimes.length;
            times[i] = oldTimes[from];
            kindAndFlags[i] = oldKinds[from];
            nicks[i] = oldNicks[from];
            textChunks[i] = oldChunks[from];
            textOffsets[i] = oldOffsets[from];
            textLengths[i] = oldLengths[from];
        }
        head = 0;
    }

    /**
     * Whether one of the {@code window} lines before sequence number {@code end} has this kind, nick and text and a
     * time in the same second as {@code time} (epoch milliseconds; the disk log keeps seconds): a line played back
     * that this client has already seen, live or restored from its log.
     */
    public synchronized boolean holdsBefore(long end, long time, LineKind kind, String nick, byte[] text, int window) {
        long second = Math.floorDiv(time, 1000);
        long newest = Math.min(end, first + count) - 1;
        for (long seq = newest; seq >= first && newest - seq < window; seq--) {
            int index = wrap(head + (int) (seq - first));
            if (Math.floorDiv(times[index], 1000) == second && (kindAndFlags[index] & 0x0F) == kind.ordinal()
                    && Objects.equals(nicks[index], nick) && Arrays.equals(textChunks[index], textOffsets[index],
                            textOffsets[index] + textLengths[index], text, 0, text.length)) {
                return true;
            }
        }
        return false;
    }

    public synchronized long firstLine() {
        return first;
    }

    public synchronized long endLine() {
        return first + count;
    }

    /** Lines {@code from} to {@code to} (exclusive), clamped to what is held. */
    public synchronized List<BufferLine> lines(long from, long to) {
        long start = Math.max(from, first);
        long end = Math.min(to, first + count);
        if (start >= end) {
            return List.of();
        }
        List<BufferLine> result = new ArrayList<>((int) (end - start));
        for (long seq = start; seq < end; seq++) {
            int index = (int) ((head + (seq - first)) % times.length);
            int packed = kindAndFlags[index] & 0xFF;
            result.add(new BufferLine(times[index], KINDS[packed & 0x0F], nicks[index],
                    new String(textChunks[index], textOffsets[index], textLengths[index], StandardCharsets.UTF_8),
                    packed >>> 4));
        }
        return result;
    }

    /** Drops every line; sequence numbers keep growing. */
    public synchronized void clear() {
        first += count;
        count = 0;
        head = 0;
        allocate(Math.min(limit, INITIAL_CAPACITY));
        chunk = EMPTY;
        chunkUsed = 0;
    }
}
