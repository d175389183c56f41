package org.switchboard.session.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.CaseMapping;

class WholeWordMatcherTest {

    private static boolean found(String word, CaseMapping mapping, String text) {
        return new WholeWordMatcher(word, mapping).foundIn(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The definition: fold both, find the word, check the folded characters either side. */
    private static boolean reference(String word, CaseMapping mapping, String text) {
        if (word.isEmpty() || text.length() < word.length()) {
            return false;
        }
        String folded = mapping.fold(text);
        String nick = mapping.fold(word);
        for (int at = folded.indexOf(nick); at >= 0; at = folded.indexOf(nick, at + 1)) {
            int end = at + nick.length();
            if ((at == 0 || !nickChar(folded.charAt(at - 1)))
                    && (end == folded.length() || !nickChar(folded.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reference's own rule, written apart from the matcher's: letters and decimal digits of any script by their
     * Unicode categories, and the special characters nicks may hold ({@code []\\`_^{|}-}); a surrogate half, part
     * of a character outside the Basic Multilingual Plane such as an emoji, is neither.
     */
    private static final java.util.regex.Pattern NICK_CHARACTER =
            java.util.regex.Pattern.compile("[\\p{L}\\p{Nd}\\[\\]\\\\`_^{|}\\-]");

    private static boolean nickChar(char c) {
        return NICK_CHARACTER.matcher(String.valueOf(c)).matches();
    }

    @Test
    void wholeWordsOnlyIgnoringCase() {
        assertTrue(found("sbench", CaseMapping.ASCII, "hey SBench, look"));
        assertTrue(found("sbench", CaseMapping.ASCII, "sbench"));
        assertTrue(found("sbench", CaseMapping.ASCII, "sbench: hi"));
        assertFalse(found("sbench", CaseMapping.ASCII, "sbenchmark"));
        assertFalse(found("sbench", CaseMapping.ASCII, "xsbench"));
        assertFalse(found("sbench", CaseMapping.ASCII, "sbench_"));
        assertFalse(found("sbench", CaseMapping.ASCII, "sbenc"));
        assertTrue(found("sbench", CaseMapping.ASCII, "sbenchmark then sbench!"), "a later occurrence counts");
    }

    @Test
    void theCaseMappingDecidesWhatFolds() {
        assertTrue(found("nick[a]", CaseMapping.RFC1459, "hi NICK{A}"));
        assertFalse(found("nick[a]", CaseMapping.ASCII, "hi NICK{A}"));
        assertTrue(found("nick^", CaseMapping.RFC1459, "nick~ there"));
        assertFalse(found("nick^", CaseMapping.RFC1459_STRICT, "nick~ there"));
    }

    @Test
    void lettersOfOtherScriptsAreNickCharactersButEmojiAreNot() {
        assertFalse(found("ann", CaseMapping.ASCII, "éann"));
        assertFalse(found("ann", CaseMapping.ASCII, "annж"));
        assertTrue(found("ann", CaseMapping.ASCII, "🎉ann🎉"));
        assertTrue(found("zoë", CaseMapping.ASCII, "hi ZOë!"));
        assertFalse(found("zoë", CaseMapping.ASCII, "hi ZOË!"), "only ASCII letters fold");
        assertFalse(found("zoë", CaseMapping.ASCII, "zoëy"));
    }

    @Test
    void findsTheWordInEveryPositionOfALongLine() {
        String filler = "x".repeat(40);
        for (int at = 0; at <= filler.length(); at++) {
            String text = filler.substring(0, at) + " SBench " + filler.substring(at);
            assertTrue(found("sbench", CaseMapping.ASCII, text), text);
            assertFalse(found("sbench", CaseMapping.ASCII, text.replace(" SBench ", " SBenchx")), text);
        }
        assertTrue(found("sbench", CaseMapping.ASCII, filler + " sbench"), "at the very end");
        assertTrue(found("a", CaseMapping.ASCII, filler + " A " + filler), "a word of one byte");
    }

    @Test
    void agreesWithFoldingTheTextOnRandomLines() {
        String alphabet = "aAbBnN[]{}\\|^~_-` .,:!éЖж日🎉\u0301";
        String[] words = { "ann", "Ann", "a[b]", "n^", "日本", "ab-", "é", "b" };
        SplittableRandom random = new SplittableRandom(42);
        int highlighted = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            // short lines, and lines long enough for many rounds of the eight-position filter
            int length = random.nextInt(4) == 0 ? random.nextInt(240) : random.nextInt(24);
            while (text.length() < length) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String word = words[random.nextInt(words.length)];
            if (random.nextBoolean()) {
                text.insert(random.nextInt(text.length() + 1), random.nextBoolean() ? word : word.toUpperCase());
            }
            CaseMapping mapping = CaseMapping.values()[random.nextInt(CaseMapping.values().length)];
            boolean expected = reference(word, mapping, text.toString());
            assertEquals(expected, found(word, mapping, text.toString()), word + " in " + text + " under " + mapping);
            highlighted += expected ? 1 : 0;
        }
        assertTrue(highlighted > 10_000 && highlighted < 90_000, "both outcomes are exercised: " + highlighted);
    }
}
