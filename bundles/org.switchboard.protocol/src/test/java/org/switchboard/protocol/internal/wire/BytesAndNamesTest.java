package org.switchboard.protocol.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The low-level helpers of the byte parser. */
class BytesAndNamesTest {

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
    void knownCommandsAreSharedWhereverTheyStandInTheBuffer() {
        // A name of up to eight bytes is read as one word when eight bytes are left in the array, byte by byte
        // near its end; both must find the same shared string and create the same new one.
        for (String name : new String[] {"PRIVMSG", "ping", "Join", "MARKREAD", "ACK", "AUTHENTICATE", "x", "NICKS",
            "PRIVMSGS", "privms"}) {
            byte[] atEnd = (":src " + name).getBytes(StandardCharsets.US_ASCII);
            byte[] inside = (":src " + name + " #chan :text").getBytes(StandardCharsets.US_ASCII);
            String fromEnd = CommandNames.of(atEnd, 5, atEnd.length, StandardCharsets.UTF_8);
            String fromInside = CommandNames.of(inside, 5, 5 + name.length(), StandardCharsets.UTF_8);
            assertEquals(name.toUpperCase(java.util.Locale.ROOT), fromEnd);
            assertEquals(fromEnd, fromInside);
            if (fromEnd.equals("PRIVMSG") || fromEnd.equals("PING") || fromEnd.equals("JOIN")
                    || fromEnd.equals("MARKREAD") || fromEnd.equals("ACK") || fromEnd.equals("AUTHENTICATE")) {
                assertSame(fromEnd, fromInside, name);
                assertSame(fromEnd, CommandNames.of(name, 0, name.length()), name);
            }
        }
    }

    @Test
    void wordUpperCaseChangesExactlyTheAsciiLowerCaseLetters() {
        for (int b = 0; b < 256; b++) {
            for (int position = 0; position < 8; position++) {
                // Neighbours that could leak a carry or borrow into the byte under test.
                for (long fill : new long[] {0, 0x7F, 0x80, 0xFF, 'a', 'z', '{', '`'}) {
                    long word = 0;
                    for (int k = 0; k < 8; k++) {
                        word |= (k == position ? b : fill) << (8 * k);
                    }
                    long upper = CommandNames.upperCase(word);
                    for (int k = 0; k < 8; k++) {
                        int in = (int) (word >>> (8 * k)) & 0xFF;
                        int expected = in >= 'a' && in <= 'z' ? in - 32 : in;
                        assertEquals(expected, (int) (upper >>> (8 * k)) & 0xFF, "byte " + b + " at " + position);
                    }
                }
            }
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
