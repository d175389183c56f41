package org.switchboard.ui.swing.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.swing.JLabel;
import javax.swing.plaf.basic.BasicHTML;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    private static final String EVIL = "<html><img src='http://evil.example/x.png'><b>pwned</b>";

    @Test
    void textThatSwingWouldTakeForHtmlIsDefused() {
        assertTrue(BasicHTML.isHTMLString(EVIL), "the probe itself must be HTML to Swing");
        String shown = SafeText.display(EVIL);
        assertFalse(BasicHTML.isHTMLString(shown));
        assertFalse(SafeText.looksLikeHtml(shown));
        assertTrue(shown.endsWith(EVIL), "the text itself is kept, only defused: " + shown);
        assertFalse(BasicHTML.isHTMLString(SafeText.display("<HTML>upper case")));
        assertFalse(SafeText.looksLikeHtml(SafeText.display("  <html> after spaces")));
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertEquals("#chan <3 html", SafeText.display("#chan <3 html"));
        assertEquals("", SafeText.display(null));
    }

    @Test
    void controlAndBidiCharactersCannotReachAComponent() {
        assertEquals("a b c", SafeText.display("a\nb\tc"));
        assertEquals("boldred", SafeText.display("\u0002bold\u0002\u0003red\u0007"));
        assertEquals("abcdef", SafeText.display("abc\u202Edef\u2066"));
    }

    @Test
    void veryLongTextIsCapped() {
        String shown = SafeText.display("x".repeat(10_000));
        assertTrue(shown.length() <= 401, "length " + shown.length());
        assertTrue(shown.endsWith("…"));
    }

    @Test
    void aProtectedLabelDoesNotRenderHtmlButAnUnprotectedOneWould() {
        JLabel unprotected = new JLabel();
        unprotected.setText(EVIL);
        assertNotNull(unprotected.getClientProperty(BasicHTML.propertyKey), "Swing renders HTML by default");

        JLabel label = SafeText.protect(new JLabel());
        assertEquals(Boolean.TRUE, label.getClientProperty(SafeText.HTML_DISABLE));
        label.setText(EVIL);
        assertNull(label.getClientProperty(BasicHTML.propertyKey));
    }
}
