package org.switchboard.protocol.internal.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 decoding (no overlong forms, no surrogates, nothing above U+10FFFF) that validates as it decodes and
 * gives up on the first invalid sequence, so that a line is read once whether or not it turns out to be UTF-8.
 * Text that fits Latin-1 costs a single exact-size allocation, other text two. The JDK's charset constructor would
 * replace invalid input instead of reporting it, first allocates a Latin-1 array of the byte length and then
 * shrinks it with a copy (three arrays for text beyond Latin-1), and is too large for the JIT to inline. A third of
 * the lines of a busy channel carry some non-ASCII text, so this is on the hot path. Keeps scratch arrays: not
 * thread-safe, one per parser.
 */
final class Utf8Decoder {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] latin1 = new byte[512];
    private char[] chars = new char[512];

    /** The bytes {@code [from, to)} as a string, or {@code null} when they are not valid UTF-8. */
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
                if (i + 1 >= to || !isContinuation(bytes[i + 1])) {
                    return null;
                }
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
            } else if (b >= 0xc2 && b <= 0xdf) {
                if (i + 1 >= to || !isContinuation(bytes[i + 1])) {
                    return null;
                }
                out[n++] = (char) (((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
                i += 2;
            } else if (b >= 0xe0 && b <= 0xef) {
                if (i + 2 >= to || !isContinuation(bytes[i + 1]) || !isContinuation(bytes[i + 2])) {
                    return null;
                }
                int second = bytes[i + 1] & 0xff;
                if ((b == 0xe0 && second < 0xa0) || (b == 0xed && second > 0x9f)) {
                    return null;
                }
                out[n++] = (char) (((b & 0x0f) << 12) | ((second & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
                i += 3;
            } else if (b >= 0xf0 && b <= 0xf4) {
                if (i + 3 >= to || !isContinuation(bytes[i + 1]) || !isContinuation(bytes[i + 2])
                        || !isContinuation(bytes[i + 3])) {
                    return null;
                }
                int second = bytes[i + 1] & 0xff;
                if ((b == 0xf0 && second < 0x90) || (b == 0xf4 && second > 0x8f)) {
                    return null;
                }
                int codePoint = ((b & 0x07) << 18) | ((second & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6)
                        | (bytes[i + 3] & 0x3f);
                out[n++] = Character.highSurrogate(codePoint);
                out[n++] = Character.lowSurrogate(codePoint);
                i += 4;
            } else {
                return null;
            }
        }
        return new String(out, 0, n);
    }

    /**
     * True when {@code [from, to)} is valid UTF-8 by the same strict rules as {@link #decode}, which must start at a
     * character boundary. Reads the bytes once and allocates nothing.
     */
    static boolean isValid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            if (i + 8 <= to && (Swar.word(bytes, i) & Swar.HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
            } else if (b >= 0xc2 && b <= 0xdf) {
                if (i + 1 >= to || !isContinuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (b >= 0xe0 && b <= 0xef) {
                if (i + 2 >= to || !isContinuation(bytes[i + 1]) || !isContinuation(bytes[i + 2])) {
                    return false;
                }
                int second = bytes[i + 1] & 0xff;
                if ((b == 0xe0 && second < 0xa0) || (b == 0xed && second > 0x9f)) {
                    return false;
                }
                i += 3;
            } else if (b >= 0xf0 && b <= 0xf4) {
                if (i + 3 >= to || !isContinuation(bytes[i + 1]) || !isContinuation(bytes[i + 2])
                        || !isContinuation(bytes[i + 3])) {
                    return false;
                }
                int second = bytes[i + 1] & 0xff;
                if ((b == 0xf0 && second < 0x90) || (b == 0xf4 && second > 0x8f)) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xc0) == 0x80;
    }
}
