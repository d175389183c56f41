package org.switchboard.api.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.swing.JLabel;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void markupNeverStartsTheText() {
        assertEquals("\u200B<html><b>x</b>", PlainText.line("<html><b>x</b>", 100));
        assertEquals("\u200B  <HTML>", PlainText.line("  <HTML>", 100));
        assertEquals("a <html>", PlainText.line("a <html>", 100), "only a leading tag matters to Swing");
        assertTrue(PlainText.looksLikeHtml(" <Html>"));
        assertFalse(PlainText.looksLikeHtml("<htm"));
    }

    @Test
    void controlsAndBidiOverridesAreDroppedAndLineBreaksBecomeSpaces() {
        assertEquals("bold right", PlainText.line("\u0002bold\u0002 \u202Eright\u202C", 100));
        assertEquals("one  two three", PlainText.line("one\r\ntwo\tthree", 100));
        assertEquals("", PlainText.line(null, 10));
    }

    @Test
    void drawableTextKeepsEveryOffset() {
        String raw = "a\u0002b\tc\u202Ed\u0000<html>";
        String drawn = PlainText.drawable(raw);
        assertEquals("a b c d <html>", drawn, "controls and bidi overrides become spaces; markup is left to drawString");
        assertEquals(raw.length(), drawn.length());
        String clean = "nothing to do";
        assertSame(clean, PlainText.drawable(clean));
        assertEquals("", PlainText.drawable(null));
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        assertEquals("abcde\u2026", PlainText.line("abcdefgh", 5));
        assertEquals("abcde", PlainText.line("abcde", 5));
    }

    @Test
    void protectTurnsHtmlRenderingOff() {
        JLabel label = PlainText.protect(new JLabel());
        assertEquals(Boolean.TRUE, label.getClientProperty(PlainText.HTML_DISABLE));
    }
}
