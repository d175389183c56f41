package org.switchboard.protocol.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ValidUtf8DecoderTest {

    private final ValidUtf8Decoder decoder = new ValidUtf8Decoder();

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
}
