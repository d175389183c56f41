package org.switchboard.protocol.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The low-level helpers of the byte parser. */
class BytesAndNamesTest {

    private static boolean valid(int... bytes) {
        byte[] array = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            array[i] = (byte) bytes[i];
        }
        return Utf8.isValid(array, 0, array.length);
    }

    @Test
    void utf8Validation() {
        byte[] text = "plain ascii, then \u00e4 \u20ac \uD83D\uDE00 and more ascii text".getBytes(StandardCharsets.UTF_8);
        assertTrue(Utf8.isValid(text, 0, text.length));
        assertTrue(valid());
        assertTrue(valid(0xC3, 0xA4));
        assertFalse(valid(0xC3), "truncated");
        assertFalse(valid(0xE2, 0x82), "truncated");
        assertFalse(valid(0xA4), "lone continuation");
        assertFalse(valid(0xC0, 0xAF), "overlong");
        assertFalse(valid(0xE0, 0x80, 0xAF), "overlong");
        assertFalse(valid(0xED, 0xA0, 0x80), "surrogate");
        assertFalse(valid(0xF4, 0x90, 0x80, 0x80), "above U+10FFFF");
        assertFalse(valid(0xE9, 0x74, 0xE9), "latin-1");
        assertTrue(valid(0xF0, 0x9F, 0x98, 0x80));
    }

    @Test
    void utf8ValidationRespectsTheRange() {
        byte[] bytes = {'a', (byte) 0xC3, (byte) 0xA4, 'b'};
        assertFalse(Utf8.isValid(bytes, 0, 2));
        assertTrue(Utf8.isValid(bytes, 1, 3));
    }

    @Test
    void swarFindsEveryPosition() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = "x".repeat(length).getBytes(StandardCharsets.US_ASCII);
                bytes[at] = ' ';
                assertEquals(at, Swar.indexOf(bytes, 0, length, (byte) ' '));
                assertEquals(length, Swar.indexOf(bytes, at + 1, length, (byte) ' '));
                bytes[at] = '\n';
                assertEquals(at, Swar.indexOfLineFeed(bytes, 0, length));
            }
            assertEquals(-1, Swar.indexOfLineFeed(new byte[length], 0, length));
        }
    }

    @Test
    void swarIgnoresHighBytesThatLookLikeTheTarget() {
        byte[] bytes = {(byte) 0xA0, (byte) 0x8A, (byte) 0xAA, 'a', 'b', 'c', 'd', 'e', 'f', '\n'};
        assertEquals(9, Swar.indexOfLineFeed(bytes, 0, bytes.length));
        assertEquals(bytes.length, Swar.indexOf(bytes, 0, bytes.length, (byte) ' '));
    }

    @Test
    void commandNames() {
        byte[] line = "privmsg PrivMsg 001 999 xyzzy".getBytes(StandardCharsets.US_ASCII);
        assertSame(CommandNames.of(line, 0, 7, StandardCharsets.UTF_8), CommandNames.of(line, 8, 15, StandardCharsets.UTF_8));
        assertEquals("PRIVMSG", CommandNames.of(line, 0, 7, StandardCharsets.UTF_8));
        assertSame(CommandNames.of(line, 16, 19, StandardCharsets.UTF_8), CommandNames.of("001", 0, 3));
        assertEquals("999", CommandNames.of(line, 20, 23, StandardCharsets.UTF_8));
        assertEquals("XYZZY", CommandNames.of(line, 24, 29, StandardCharsets.UTF_8));
        assertEquals("XYZZY", CommandNames.of("xyzzy", 0, 5));
        assertSame("AUTHENTICATE", CommandNames.of("authenticate", 0, 12));
        assertEquals("12", CommandNames.of("12", 0, 2));
    }

    @Test
    void tagKeyCacheSharesRepeatedKeys() {
        TokenCache cache = new TokenCache(8);
        byte[] a = "time msgid time account-with-a-long-name account-with-a-long-name".getBytes(StandardCharsets.US_ASCII);
        String first = cache.get(a, 0, 4);
        assertEquals("time", first);
        assertEquals("msgid", cache.get(a, 5, 10));
        assertSame(first, cache.get(a, 11, 15));
        String longKey = cache.get(a, 16, 40);
        assertEquals("account-with-a-long-name", longKey);
        assertSame(longKey, cache.get(a, 41, 65));
    }

    @Test
    void tokenCacheStaysCorrectWhenEntriesCollideOrDoNotFit() {
        TokenCache single = new TokenCache(1);
        String tooLong = "k".repeat(TokenCache.SLOT_BYTES + 1);
        byte[] a = ("alpha beta alpha8chars alpha8chart a b " + tooLong).getBytes(StandardCharsets.US_ASCII);
        // One slot: every new key evicts the previous one, and a same-length key must not be taken for it.
        assertEquals("alpha", single.get(a, 0, 5));
        assertEquals("beta", single.get(a, 6, 10));
        assertEquals("alpha", single.get(a, 0, 5));
        assertEquals("alpha8chars", single.get(a, 11, 22));
        assertEquals("alpha8chart", single.get(a, 23, 34));
        assertEquals("a", single.get(a, 35, 36));
        assertEquals("b", single.get(a, 37, 38));
        assertEquals(tooLong, single.get(a, 39, a.length));
        assertEquals("b", single.get(a, 37, 38));
    }

    @Test
    void indexOfEitherFindsTheFirstOfTwoBytesAtEveryPosition() {
        for (int length = 0; length < 20; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = new byte[length];
                java.util.Arrays.fill(bytes, (byte) 'x');
                bytes[at] = (byte) (at % 2 == 0 ? ';' : '\\');
                if (at + 1 < length) {
                    bytes[at + 1] = (byte) ';';
                }
                assertEquals(at, Swar.indexOfEither(bytes, 0, length, (byte) ';', (byte) '\\'));
            }
            assertEquals(length, Swar.indexOfEither(new byte[length], 0, length, (byte) ';', (byte) '\\'));
        }
    }

    @Test
    void printableShowsControlsAndCapsLength() {
        assertEquals("\"a\\r\\n\\x00\\x01b\"", Printable.quote("a\r\n\u0000\u0001b"));
        String quoted = Printable.quote("y".repeat(10_000));
        assertTrue(quoted.length() < 400, quoted);
        assertTrue(quoted.endsWith("(10000 characters)"), quoted);
    }
}
