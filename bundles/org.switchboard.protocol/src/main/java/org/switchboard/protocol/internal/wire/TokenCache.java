package org.switchboard.protocol.internal.wire;

/**
 * A direct-mapped cache from short ASCII byte runs to strings, for tokens that repeat from line to line (tag keys,
 * sources, channel names, nicks). A hit costs a hash of the first and last eight bytes and a comparison a word at
 * a time, and spares both the allocation and the copy; the strings a scrollback keeps are then shared as well.
 *
 * <p>The cached bytes live in one flat array, {@value #SLOT_BYTES} bytes a slot, rather than one small array per
 * entry: a look-up touches that array and the string table only, and a miss allocates nothing but the new string.
 * Tokens longer than a slot are not cached. Not thread-safe: one per parser.
 */
final class TokenCache {

    static final int SLOT_BYTES = 64;
    private static final int SLOT_SHIFT = 6;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final byte[] bytes;
    private final int[] lengths;
    private final String[] values;
    private final int mask;

    TokenCache(int sizePowerOfTwo) {
        if (Integer.bitCount(sizePowerOfTwo) != 1) {
            throw new IllegalArgumentException("Cache size must be a power of two: " + sizePowerOfTwo);
        }
        bytes = new byte[sizePowerOfTwo << SLOT_SHIFT];
        lengths = new int[sizePowerOfTwo];
        values = new String[sizePowerOfTwo];
        mask = sizePowerOfTwo - 1;
    }

    /** The bytes {@code [from, to)}, which must all be ASCII, as a string. */
    @SuppressWarnings("deprecation")
    String get(byte[] line, int from, int to) {
        int length = to - from;
        if (length > SLOT_BYTES) {
            // The Latin-1 ("hibyte") constructor is exact for ASCII and small enough to be inlined.
            return new String(line, 0, from, length);
        }
        long hash = length;
        if (length >= 8) {
            hash = (hash * GOLDEN + Swar.word(line, from)) * GOLDEN + Swar.word(line, to - 8);
        } else {
            for (int i = from; i < to; i++) {
                hash = hash * 31 + line[i];
            }
        }
        int slot = (int) ((hash * GOLDEN) >>> 40) & mask;
        int base = slot << SLOT_SHIFT;
        if (lengths[slot] == length && sameBytes(line, from, length, base)) {
            String cached = values[slot];
            if (cached != null) {
                return cached;
            }
        }
        String created = new String(line, 0, from, length);
        System.arraycopy(line, from, bytes, base, length);
        lengths[slot] = length;
        values[slot] = created;
        return created;
    }

    /** Whether {@code line[from, from + length)} equals the slot's bytes at {@code base}; length is at most a slot. */
    private boolean sameBytes(byte[] line, int from, int length, int base) {
        if (length < 8) {
            for (int i = 0; i < length; i++) {
                if (line[from + i] != bytes[base + i]) {
                    return false;
                }
            }
            return true;
        }
        int last = length - 8;
        for (int i = 0; i < last; i += 8) {
            if (Swar.word(line, from + i) != Swar.word(bytes, base + i)) {
                return false;
            }
        }
        // The last word overlaps the previous one unless the length is a multiple of eight; comparing it twice is
        // cheaper than a byte loop for the tail.
        return Swar.word(line, from + last) == Swar.word(bytes, base + last);
    }
}
