package org.switchboard.protocol.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.FormattedText;
import org.switchboard.api.irc.FormattedText.Span;

class FormattingTest {

    private static final int D = Span.DEFAULT_COLOUR;

    private static Span span(int start, int end, int style, int fg, int bg) {
        return new Span(start, end, style, fg, bg);
    }

    @Test
    void plainTextHasNoSpans() {
        String text = "nothing to see";
        FormattedText parsed = Formatting.parse(text);
        assertEquals(new FormattedText(text, List.of()), parsed);
        assertSame(text, Formatting.strip(text));
    }

    @Test
    void toggles() {
        FormattedText parsed = Formatting.parse("a\u0002b\u0002c\u001Di\u001Fu\u001Es\u0011m\u0016r\u000Fz");
        assertEquals("abciusmrz", parsed.plain());
        int iu = Span.ITALIC | Span.UNDERLINE;
        assertEquals(List.of(span(1, 2, Span.BOLD, D, D), span(3, 4, Span.ITALIC, D, D), span(4, 5, iu, D, D),
                span(5, 6, iu | Span.STRIKETHROUGH, D, D),
                span(6, 7, iu | Span.STRIKETHROUGH | Span.MONOSPACE, D, D),
                span(7, 8, iu | Span.STRIKETHROUGH | Span.MONOSPACE | Span.REVERSE, D, D)), parsed.spans());
    }

    @Test
    void colourForegroundAndBackground() {
        FormattedText parsed = Formatting.parse("\u00034red\u00034,12on blue\u0003plain");
        assertEquals("redon blueplain", parsed.plain());
        assertEquals(List.of(span(0, 3, 0, 4, D), span(3, 10, 0, 4, 12)), parsed.spans());
    }

    @Test
    void twoDigitColoursAndLeadingZeros() {
        assertEquals(List.of(span(0, 1, 0, 5, 3)), Formatting.parse("\u000305,03x").spans());
        assertEquals("5x", Formatting.parse("\u0003105x").plain());
        assertEquals(List.of(span(0, 2, 0, 10, D)), Formatting.parse("\u0003105x").spans());
    }

    @Test
    void commaRules() {
        // A comma not followed by a digit is text, and the foreground still applies.
        FormattedText comma = Formatting.parse("\u00033,text");
        assertEquals(",text", comma.plain());
        assertEquals(List.of(span(0, 5, 0, 3, D)), comma.spans());
        // A lone \x03 followed by a comma and digits is a reset; the rest is text.
        FormattedText reset = Formatting.parse("\u00034a\u0003,5b");
        assertEquals("a,5b", reset.plain());
        assertEquals(List.of(span(0, 1, 0, 4, D)), reset.spans());
        // Only two digits belong to a background.
        FormattedText three = Formatting.parse("\u00031,234x");
        assertEquals("4x", three.plain());
        assertEquals(List.of(span(0, 2, 0, 1, 23)), three.spans());
    }

    @Test
    void foregroundChangeKeepsBackground() {
        FormattedText parsed = Formatting.parse("\u00031,2a\u00033b");
        assertEquals(List.of(span(0, 1, 0, 1, 2), span(1, 2, 0, 3, 2)), parsed.spans());
    }

    @Test
    void colour99IsTheDefault() {
        assertEquals(List.of(span(0, 1, 0, D, 4)), Formatting.parse("\u000399,04x").spans());
    }

    @Test
    void hexColours() {
        FormattedText parsed = Formatting.parse("\u0004FF0000red\u000400ff00,0000FFgb\u0004x");
        assertEquals("redgbx", parsed.plain());
        assertEquals(List.of(span(0, 3, 0, Span.RGB_FLAG | 0xFF0000, D),
                span(3, 5, 0, Span.RGB_FLAG | 0x00FF00, Span.RGB_FLAG | 0x0000FF)), parsed.spans());
        assertEquals("12345G", Formatting.parse("\u000412345G").plain());
    }

    @Test
    void resetEndsEverything() {
        FormattedText parsed = Formatting.parse("\u0002\u001D\u00034,5all\u000Fnone");
        assertEquals("allnone", parsed.plain());
        assertEquals(List.of(span(0, 3, Span.BOLD | Span.ITALIC, 4, 5)), parsed.spans());
    }

    @Test
    void adjacentEqualRunsMerge() {
        assertEquals(List.of(span(0, 2, Span.BOLD, D, D)), Formatting.parse("\u0002a\u0002\u0002b").spans());
    }

    @Test
    void strip() {
        assertEquals("bold red 5 text", Formatting.strip("\u0002bold\u0002 \u00034,2red\u0003 5 \u0004abcdef\u001Ftext"));
        assertEquals("", Formatting.strip("\u0002\u0003\u000F"));
        assertEquals("ok\u0001", Formatting.strip("ok\u0001"));
    }

    @Test
    void strippingUtf8BytesGivesTheStrippedTextEncoded() {
        byte[] plain = "nothing to strip, \u00e9t\u00e9 \u4e2d".getBytes(StandardCharsets.UTF_8);
        assertSame(plain, Formatting.strip(plain));
        for (String text : List.of("\u0002bold\u0002 \u00e9", "\u000304,12red on blue\u0003 back", "\u00033,x",
                "\u0003,5 no fg", "\u000399,99x", "\u0004FF00aaHex\u0004", "\u0004ff00AA,00ff00x", "\u0004ff00g",
                "\u0004ff00aa,12", "\u000f\u0011\u0016\u001d\u001e\u001f", "end\u0003", "end\u00031,", "\u0003123",
                "tab\tand\u0001ctcp\u0001 stay", "\u0003\u20ac", "\u00031,\uD83D\uDC4D")) {
            assertStripsLikeTheText(text);
        }
        // random mixes of every code, the characters they consume and non-ASCII text around them
        String[] pieces = {"\u0002", "\u0003", "\u0004", "\u000f", "\u0011", "\u0016", "\u001d", "\u001e", "\u001f",
            "0", "1", "9", ",", "a", "F", "g", " ", "\u00e9", "\u20ac", "\uD83D\uDC4D", "x"};
        Random random = new Random(5);
        for (int round = 0; round < 5000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertStripsLikeTheText(text.toString());
        }
    }

    private static void assertStripsLikeTheText(String text) {
        byte[] stripped = Formatting.strip(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(Formatting.strip(text), new String(stripped, StandardCharsets.UTF_8), text);
    }
}
