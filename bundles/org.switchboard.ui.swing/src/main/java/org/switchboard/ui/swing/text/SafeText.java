package org.switchboard.ui.swing.text;

import javax.swing.JComponent;

import org.switchboard.api.ui.PlainText;

/**
 * Keeps network text from being interpreted by Swing. Swing renders any label, tooltip, list cell or tree cell
 * text that starts with {@code <html>} as HTML, which would let a server or user inject markup, load images
 * from URLs or break the layout. Every component showing network text is protected with {@link #protect} and
 * every such string goes through {@link #display} (or is painted by our own code). The rules are the API's
 * {@link PlainText}, which feature bundles use for their own dialogs; this skin only fixes the length.
 */
public final class SafeText {

    /** The client property Swing's Basic look and feel checks before rendering HTML. */
    public static final String HTML_DISABLE = PlainText.HTML_DISABLE;

    private static final int MAX_DISPLAY_CHARS = 400;

    private SafeText() {
    }

    /** Turns off HTML rendering for a component (labels, buttons, list and tree renderers, tooltips). */
    public static <T extends JComponent> T protect(T component) {
        return PlainText.protect(component);
    }

    /**
     * Text fit for a one-line Swing component: never starts with {@code <html>} (a zero-width space is put in
     * front when it would), no control characters (formatting codes, CR/LF, NUL become nothing or a space),
     * bidi embeddings and overrides removed so that they cannot reorder the rest of the UI, and capped in length.
     */
    public static String display(String text) {
        return PlainText.line(text, MAX_DISPLAY_CHARS);
    }

    /** Whether Swing's BasicHTML would treat the string as HTML: it starts with {@code <html>}, any case. */
    public static boolean looksLikeHtml(CharSequence text) {
        return PlainText.looksLikeHtml(text);
    }
}
