package org.switchboard.ui.swing.text;

import javax.swing.JComponent;

/**
 * Keeps network text from being interpreted by Swing. Swing renders any label, tooltip, list cell or tree cell
 * text that starts with {@code <html>} as HTML, which would let a server or user inject markup, load images
 * from URLs or break the layout. Every component showing network text is protected with {@link #protect} and
 * every such string goes through {@link #display} (or is painted by our own code).
 */
public final class SafeText {

    /** The client property Swing's Basic look and feel checks before rendering HTML. */
    public static final String HTML_DISABLE = "html.disable";

    private static final int MAX_DISPLAY_CHARS = 400;

    private SafeText() {
    }

    /** Turns off HTML rendering for a component (labels, buttons, list and tree renderers, tooltips). */
    public static <T extends JComponent> T protect(T component) {
        component.putClientProperty(HTML_DISABLE, Boolean.TRUE);
        return component;
    }

    /**
     * Text fit for a one-line Swing component: never starts with {@code <html>} (a zero-width space is put in
     * front when it would), no control characters (formatting codes, CR/LF, NUL become nothing or a space),
     * bidi embeddings and overrides removed so that they cannot reorder the rest of the UI, and capped in length.
     */
    public static String display(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_DISPLAY_CHARS + 1));
        for (int i = 0; i < text.length() && sb.length() < MAX_DISPLAY_CHARS; i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                sb.append(' ');
            } else if (c < 0x20 || c == 0x7F || isBidiControl(c)) {
                continue;
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= MAX_DISPLAY_CHARS && text.length() > MAX_DISPLAY_CHARS) {
            sb.append('…');
        }
        if (looksLikeHtml(sb)) {
            sb.insert(0, '\u200B');
        }
        return sb.toString();
    }

    /** Whether Swing's BasicHTML would treat the string as HTML: it starts with {@code <html>}, any case. */
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
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
