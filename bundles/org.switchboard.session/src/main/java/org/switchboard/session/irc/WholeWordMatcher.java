package org.switchboard.session.irc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.switchboard.api.irc.CaseMapping;

/**
 * Finds one word (the own nick, a highlight word) in message text as a whole word, compared under a case
 * mapping. It runs for every line a flood brings, so it works on the text's UTF-8 bytes, which the scrollback
 * needs anyway, and neither folds (copies) the text nor looks at every byte: a Horspool search over folded bytes
 * moves the window by up to the word's length at each step.
 *
 * <p>The result is the same as searching the folded word in the folded text and checking that the characters
 * either side are not nick characters (letters, digits, {@code []\`_^{|}-}), both sides folded as well. That
 * holds on bytes because case mappings fold only ASCII characters, which in UTF-8 are single bytes that never
 * occur inside a longer sequence; a character outside the Basic Multilingual Plane next to the word counts as
 * no nick character, as its two UTF-16 halves did.
 */
final class WholeWordMatcher {

    private final CaseMapping mapping;
    private final String word;
    /** The folded word as UTF-8. */
    private final byte[] folded;
    /** Byte to folded byte under the mapping (only ASCII bytes change). */
    private final byte[] fold = new byte[256];
    /**
     * By a text byte (not folded: the folding is built in): how far the window may move when that byte ends it,
     * or 0 when it folds to the word's last byte and the window has to be compared.
     */
    private final int[] shift = new int[256];
    /** How far the window moves after a comparison that failed. */
    private final int shiftAfterCompare;

    WholeWordMatcher(String word, CaseMapping mapping) {
        this.mapping = mapping;
        this.word = word;
        this.folded = mapping.fold(word).getBytes(StandardCharsets.UTF_8);
        for (int b = 0; b < 256; b++) {
            fold[b] = (byte) (b < 0x80 ? mapping.fold((char) b) : b);
        }
        int last = folded.length - 1;
        int[] byFolded = new int[256];
        Arrays.fill(byFolded, Math.max(1, folded.length));
        for (int j = 0; j < last; j++) {
            byFolded[folded[j] & 0xFF] = last - j;
        }
        shiftAfterCompare = last < 0 ? 1 : byFolded[folded[last] & 0xFF];
        for (int b = 0; b < 256; b++) {
            int f = fold[b] & 0xFF;
            shift[b] = last >= 0 && f == (folded[last] & 0xFF) ? 0 : byFolded[f];
        }
    }

    /** True when this matcher was built for {@code otherWord} under {@code caseMapping}. */
    boolean isFor(String otherWord, CaseMapping caseMapping) {
        return caseMapping == mapping && word.equals(otherWord);
    }

    /** True when the word occurs in {@code text}, given as UTF-8, as a whole word. */
    boolean foundIn(byte[] text) {
        // locals, not fields, in the loop: before the JIT's optimising tier the difference shows
        int[] shifts = shift;
        int length = folded.length;
        int end = text.length;
        if (length == 0 || end < length) {
            return false;
        }
        byte[] foldTable = fold;
        byte first = folded[0];
        for (int windowEnd = length - 1; windowEnd < end; ) {
            int step = shifts[text[windowEnd] & 0xFF];
            if (step == 0) {
                int at = windowEnd - length + 1;
                // the first byte is checked here, so that most windows ending in the right byte cost no call
                if (foldTable[text[at] & 0xFF] == first && matchesAt(text, at) && wholeWordAt(text, at, end)) {
                    return true;
                }
                step = shiftAfterCompare;
            }
            windowEnd += step;
        }
        return false;
    }

    private boolean matchesAt(byte[] text, int at) {
        for (int k = folded.length - 2; k >= 0; k--) {
            if (fold[text[at + k] & 0xFF] != folded[k]) {
                return false;
            }
        }
        return true;
    }

    private boolean wholeWordAt(byte[] text, int at, int end) {
        int after = at + folded.length;
        return (at == 0 || !isNickChar(charBefore(text, at))) && (after == end || !isNickChar(charAt(text, after)));
    }

    /** The character that ends just before {@code at}; 0 (no nick character) outside the BMP. */
    private char charBefore(byte[] text, int at) {
        int start = at - 1;
        while (start > 0 && at - start < 4 && (text[start] & 0xC0) == 0x80) {
            start--;
        }
        return charAt(text, start);
    }

    /** The character whose UTF-8 starts at {@code at}, folded; 0 outside the BMP. */
    private char charAt(byte[] text, int at) {
        int b = text[at] & 0xFF;
        if (b < 0x80) {
            return mapping.fold((char) b);
        }
        if (b >= 0xF0) {
            return 0;
        }
        if (b >= 0xE0) {
            return (char) ((b & 0x0F) << 12 | (text[at + 1] & 0x3F) << 6 | (text[at + 2] & 0x3F));
        }
        return (char) ((b & 0x1F) << 6 | (text[at + 1] & 0x3F));
    }

    static boolean isNickChar(char c) {
        return Character.isLetterOrDigit(c) || "[]\\`_^{|}-".indexOf(c) >= 0;
    }
}
