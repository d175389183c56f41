package org.switchboard.protocol.internal.wire;

/** Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF), without decoding. */
public final class Utf8 {

    private Utf8() {
    }

    public static boolean isValid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                // Skip runs of ASCII a word at a time; most non-ASCII lines are mostly ASCII.
                while (i + 8 <= to && (Swar.word(bytes, i) & Swar.HIGH_BITS) == 0) {
                    i += 8;
                }
                continue;
            }
            b &= 0xff;
            if (b >= 0xc2 && b <= 0xdf) {
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
