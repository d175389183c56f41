package org.switchboard.protocol.internal.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte scanning eight bytes at a time ("SIMD within a register"): the decoder and parser look at every byte of
 * every line, and doing it a long at a time is what gets the hot path to millions of lines per second.
 */
public final class Swar {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long ONES = 0x0101010101010101L;
    static final long HIGH_BITS = 0x8080808080808080L;
    static final long LF = ONES * '\n';
    static final long CR = ONES * '\r';

    private Swar() {
    }

    /** The eight bytes at {@code index}, first byte lowest. */
    static long word(byte[] bytes, int index) {
        return (long) LONGS.get(bytes, index);
    }

    /** Non-zero when some byte of {@code word} is zero; the lowest set bit marks the first such byte. */
    static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }

    /** Non-zero when some byte of {@code word} is below 0x0E, i.e. could be NUL, LF or CR; exact as a boolean. */
    static long bytesBelowCarriageReturnPlusOne(long word) {
        return (word - ONES * 0x0E) & ~word & HIGH_BITS;
    }

    /** Index of the first {@code b} in {@code [from, to)}, or {@code to} when there is none. */
    public static int indexOf(byte[] bytes, int from, int to, byte b) {
        long pattern = ONES * (b & 0xff);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long found = zeroBytes(word(bytes, i) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return to;
    }

    /**
     * Non-zero when some byte of {@code word} is below 0x0E (NUL, LF, CR...) or not ASCII: a word worth a closer
     * look. Only exact as a boolean.
     */
    public static long unusualBytes(long word) {
        return ((word - ONES * 0x0E) | word) & HIGH_BITS;
    }

    /** The eight bytes at {@code index}, first byte lowest. */
    public static long wordAt(byte[] bytes, int index) {
        return word(bytes, index);
    }

    /** Non-zero when {@code word} holds a LF; the lowest set bit marks the first. */
    public static long lineFeeds(long word) {
        return zeroBytes(word ^ LF);
    }

    /** Index of the first LF in {@code [from, to)}, or -1. */
    public static int indexOfLineFeed(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long found = zeroBytes(word(bytes, i) ^ LF);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
