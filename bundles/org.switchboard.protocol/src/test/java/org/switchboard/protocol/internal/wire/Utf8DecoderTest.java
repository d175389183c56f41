package org.switchboard.protocol.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Utf8DecoderTest {

    private final Utf8Decoder decoder = new Utf8Decoder();

    private void assertRoundTrip(String text) {
        byte[] bytes = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
        assertEquals(text, decoder.decode(bytes, 1, bytes.length - 1), text);
    }

    @Test
    void decodesAsciiLatin1AndWiderText() {
        for (String text : List.of("", "a", "plain ascii text longer than a word", "gr\u00fc\u00dfe",
                "caf\u00e9 na\u00efve \u00ff\u0080", "\u20ac", "ascii then \u20ac", "\uD83D\uDC4D",
                "thumbs \uD83D\uDC4D and gr\u00fc\u00dfe", "\u00e4 then \u4e2d\u6587 then ascii again",
                "\u07ff\u0800\uffff")) {
            assertRoundTrip(text);
        }
    }

    @Test
    void agreesWithTheJdkOnRandomValidText() {
        // Code points from every UTF-8 length, with ASCII runs of varying length so that the eight-byte fast path
        // starts and stops at every alignment.
        int[] samples = {'a', ' ', '~', 0x80, 0xe9, 0xff, 0x100, 0x7ff, 0x800, 0x20ac, 0xd7ff, 0xe000, 0xfffd,
            0x10000, 0x1f44d, 0x10ffff};
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(3) == 0) {
                    text.appendCodePoint(samples[random.nextInt(samples.length)]);
                } else {
                    text.append("ascii".repeat(random.nextInt(4)));
                }
            }
            assertRoundTrip(text.toString());
        }
    }

    @Test
    void scratchGrowsForLongText() {
        assertRoundTrip("\u00e9".repeat(3000));
        assertRoundTrip("\uD83D\uDC4D".repeat(3000));
        assertRoundTrip("x".repeat(5000) + "\u20ac");
    }

    private boolean valid(int... bytes) {
        byte[] array = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            array[i] = (byte) bytes[i];
        }
        boolean decoded = decoder.decode(array, 0, array.length) != null;
        // the validator the parser uses for the trailing parameter must agree with the decoder on every case
        assertEquals(decoded, Utf8Decoder.isValid(array, 0, array.length), java.util.Arrays.toString(bytes));
        return decoded;
    }

    @Test
    void theValidatorAgreesWithTheDecoderAndTheJdkOnRandomBytes() throws Exception {
        // Bytes drawn mostly from the lead and continuation ranges, with ASCII runs, so that every branch of both
        // and the eight-byte fast path at every alignment are reached; the JDK's strict decoder is the referee.
        int[] pool = {'a', 'b', ' ', 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1,
            0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff};
        Random random = new Random(11);
        java.nio.charset.CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        int validSeen = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes;
            if (random.nextBoolean()) {
                bytes = new byte[2 + random.nextInt(24)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (random.nextInt(4) == 0 ? 'x' : pool[random.nextInt(pool.length)]);
                }
            } else {
                // valid text of every sequence length, with one byte replaced from the pool in half of the cases
                StringBuilder text = new StringBuilder("<");
                for (int i = random.nextInt(12); i > 0; i--) {
                    int codePoint = random.nextInt(3) == 0 ? 'a' + random.nextInt(26) : random.nextInt(0x110000);
                    if (codePoint < 0xd800 || codePoint > 0xdfff) {
                        text.appendCodePoint(codePoint);
                    }
                }
                bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                if (bytes.length > 1 && random.nextBoolean()) {
                    bytes[1 + random.nextInt(bytes.length - 1)] = (byte) pool[random.nextInt(pool.length)];
                }
            }
            boolean byJdk;
            try {
                jdk.reset().decode(java.nio.ByteBuffer.wrap(bytes, 1, bytes.length - 1));
                byJdk = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                byJdk = false;
            }
            assertEquals(byJdk, Utf8Decoder.isValid(bytes, 1, bytes.length), java.util.Arrays.toString(bytes));
            assertEquals(byJdk, decoder.decode(bytes, 1, bytes.length) != null, java.util.Arrays.toString(bytes));
            validSeen += byJdk ? 1 : 0;
        }
        assertTrue(validSeen > 4000 && validSeen < 16_000, "both outcomes are exercised: " + validSeen);
    }

    @Test
    void utf8Validation() {
        byte[] text = "plain ascii, then \u00e4 \u20ac \uD83D\uDE00 and more ascii text".getBytes(StandardCharsets.UTF_8);
        assertEquals("plain ascii, then \u00e4 \u20ac \uD83D\uDE00 and more ascii text",
                decoder.decode(text, 0, text.length));
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
    void invalidSequencesAreFoundAfterLatin1AndAfterWiderText() {
        // The decoder has a Latin-1 path and a UTF-16 path; each must notice every kind of invalid sequence.
        int[][] invalid = {{0xC3}, {0xC3, 0x41}, {0xA4}, {0xC0, 0xAF}, {0xE2, 0x82}, {0xE2, 0x41, 0x82},
            {0xE0, 0x80, 0xAF}, {0xED, 0xA0, 0x80}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80},
            {0xF0, 0x9F, 0x98}, {0xF5, 0x80, 0x80, 0x80}, {0xFF}};
        int[][] prefixes = {{}, {'a'}, {0xC3, 0xA9}, {0xE2, 0x82, 0xAC}, {0xF0, 0x9F, 0x98, 0x80},
            {'l', 'o', 'n', 'g', 'e', 'r', ' ', 'a', 's', 'c', 'i', 'i'}};
        for (int[] prefix : prefixes) {
            assertTrue(valid(prefix));
            for (int[] bad : invalid) {
                int[] bytes = java.util.Arrays.copyOf(prefix, prefix.length + bad.length + 1);
                System.arraycopy(bad, 0, bytes, prefix.length, bad.length);
                bytes[bytes.length - 1] = 'z';
                assertFalse(valid(bytes), java.util.Arrays.toString(bytes));
            }
        }
    }

    @Test
    void validationRespectsTheRange() {
        byte[] bytes = {'a', (byte) 0xC3, (byte) 0xA4, 'b'};
        assertNull(decoder.decode(bytes, 0, 2));
        assertEquals("\u00e4", decoder.decode(bytes, 1, 3));
    }
}
