package org.switchboard.api.ui;

import javax.swing.JComponent;

/**
 * The plain-text path for network text into Swing. Swing renders the text of labels, buttons, tooltips, list,
 * table and tree cells as HTML when it starts with {@code <html>}; a server or user could then inject markup,
 * load images from URLs or break the layout. A component that shows network text is {@linkplain #protect
 * protected}, and the text itself goes through {@link #line} first (after
 * {@link org.switchboard.api.irc.IrcProtocol#stripFormatting}, which also removes the colour numbers).
 */
public final class PlainText {

    /** The client property Swing's look and feels check before rendering a component's text as HTML. */
    public static final String HTML_DISABLE = "html.disable";

    private PlainText() {
    }

    /** Turns HTML rendering off for a component (labels, buttons, renderers, tooltips). */
    public static <T extends JComponent> T protect(T component) {
        component.putClientProperty(HTML_DISABLE, Boolean.TRUE);
        return component;
    }

    /**
     * The text fit for one line of a Swing component: tabs and line breaks become spaces, other control characters
     * (formatting codes, NUL) and bidi embeddings, overrides and isolates are dropped so that they cannot
     * reorder the rest of the UI, the result is cut to {@code maxChars} with an ellipsis, and a zero-width space goes
     * in front of text that would still read as HTML. Null reads as the empty string.
     */
    public static String line(String text, int maxChars) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxChars + 1));
        int i = 0;
        for (; i < text.length() && sb.length() < maxChars; i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                sb.append(' ');
            } else if (c >= 0x20 && c != 0x7F && !isBidiControl(c)) {
                sb.append(c);
            }
        }
        if (i < text.length()) {
            sb.append('\u2026');
        }
        if (looksLikeHtml(sb)) {
            sb.insert(0, '\u200B');
        }
        return sb.toString();
    }

    /**
     * The text for painting glyph by glyph ({@code drawString}, which never reads markup) with style runs whose
     * offsets were taken on the same string: every control character (formatting codes, NUL, tabs, line breaks)
     * and every bidi embedding, override or isolate becomes a space, so the length and all offsets stay as they
     * were. Null reads as the empty string.
     *
     * @since 1.2
     */
    public static String drawable(String text) {
        if (text == null) {
            return "";
        }
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || isBidiControl(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** Whether Swing would render the text as HTML: it starts with {@code <html>} in any case, after blanks. */
    public static boolean looksLikeHtml(CharSequence text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return text.length() - start >= 6 && text.charAt(start) == '<'
                && text.subSequence(start + 1, start + 5).toString().equalsIgnoreCase("html");
    }

    /** Bidi embedding, override and isolate controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI). */
    public static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }
}
