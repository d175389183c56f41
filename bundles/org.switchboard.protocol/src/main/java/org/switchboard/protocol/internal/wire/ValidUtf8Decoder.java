package org.switchboard.protocol.internal.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Turns bytes already known to be valid UTF-8 (see {@link Utf8#isValid}) into a string with a single exact-size
 * allocation for text that fits Latin-1, and two for other text. The JDK's charset constructor first allocates a
 * Latin-1 array of the byte length and then shrinks it with a copy, or for text beyond Latin-1 allocates three
 * arrays; it is also too large for the JIT to inline. A third of the lines of a busy channel carry some non-ASCII
 * text, so this is on the hot path. Keeps scratch arrays: not thread-safe, one per parser.
 */
final class ValidUtf8Decoder {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] latin1 = new byte[512];
    private char[] chars = new char[512];

    /** The valid UTF-8 bytes {@code [from, to)} as a string. */
    @SuppressWarnings("deprecation")
    String decode(byte[] bytes, int from, int to) {
        int length = to - from;
        byte[] out = latin1;
        if (out.length < length) {
            out = latin1 = new byte[Math.max(length, out.length * 2)];
        }
        int n = 0;
        int i = from;
        while (i < to) {
            if (i + 8 <= to) {
                long word = Swar.word(bytes, i);
                if ((word & Swar.HIGH_BITS) == 0) {
                    LONGS.set(out, n, word);
                    n += 8;
                    i += 8;
                    continue;
                }
            }
            int b = bytes[i];
            if (b >= 0) {
                out[n++] = (byte) b;
                i++;
            } else if ((b & 0xfe) == 0xc2) {
                // C2 and C3 lead the two-byte forms of U+0080..U+00FF, the upper half of Latin-1.
                out[n++] = (byte) (((b & 0x03) << 6) | (bytes[i + 1] & 0x3f));
                i += 2;
            } else {
                return utf16(bytes, i, to, out, n);
            }
        }
        // Exact for Latin-1 and, unlike the charset constructor, small enough to be inlined.
        return new String(out, 0, 0, n);
    }

    /** Continues at {@code i} with the first character beyond Latin-1; {@code n} Latin-1 characters are decoded. */
    private String utf16(byte[] bytes, int i, int to, byte[] decoded, int n) {
        // A character never takes more UTF-16 units than UTF-8 bytes, so this bounds the length.
        int bound = n + (to - i);
        char[] out = chars;
        if (out.length < bound) {
            out = chars = new char[Math.max(bound, out.length * 2)];
        }
        for (int k = 0; k < n; k++) {
            out[k] = (char) (decoded[k] & 0xff);
        }
        while (i < to) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                out[n++] = (char) b;
                i++;
            } else if (b < 0xe0) {
                out[n++] = (char) (((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
                i += 2;
            } else if (b < 0xf0) {
                out[n++] = (char) (((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
                i += 3;
            } else {
                int codePoint = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6)
                        | (bytes[i + 3] & 0x3f);
                out[n++] = Character.highSurrogate(codePoint);
                out[n++] = Character.lowSurrogate(codePoint);
                i += 4;
            }
        }
        return new String(out, 0, n);
    }
}
