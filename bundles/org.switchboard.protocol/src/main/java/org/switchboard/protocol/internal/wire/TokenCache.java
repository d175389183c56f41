package org.switchboard.protocol.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small direct-mapped cache from ASCII byte runs to strings. Sources, channel names and tag keys repeat from line
 * to line, so most of them are served without a new string, and the strings a scrollback keeps are shared. The hash
 * looks at the length and the first and last eight bytes only; the full comparison is a vectorised
 * {@link Arrays#equals(byte[], int, int, byte[], int, int)}. Not thread-safe: one per parser.
 */
final class TokenCache {

    private static final int MAX_CACHED_LENGTH = 128;

    private final byte[][] keys;
    private final String[] values;
    private final int mask;

    TokenCache(int sizePowerOfTwo) {
        keys = new byte[sizePowerOfTwo][];
        values = new String[sizePowerOfTwo];
        mask = sizePowerOfTwo - 1;
    }

    /** The bytes {@code [from, to)}, which must all be ASCII, as a string. */
    String get(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > MAX_CACHED_LENGTH) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        }
        long hash = length;
        if (length >= 8) {
            hash = hash * 0x9E3779B97F4A7C15L + Swar.word(bytes, from);
            hash = hash * 0x9E3779B97F4A7C15L + Swar.word(bytes, to - 8);
        } else {
            for (int i = from; i < to; i++) {
                hash = hash * 31 + bytes[i];
            }
        }
        hash *= 0x9E3779B97F4A7C15L;
        int slot = (int) (hash >>> 40) & mask;
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, bytes, from, to)) {
            return values[slot];
        }
        String created = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        keys[slot] = Arrays.copyOfRange(bytes, from, to);
        values[slot] = created;
        return created;
    }
}
