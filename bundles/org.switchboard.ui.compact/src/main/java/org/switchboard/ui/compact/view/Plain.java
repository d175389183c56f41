package org.switchboard.ui.compact.view;

import javax.swing.JComponent;

/**
 * Network text made harmless for Swing components that draw strings: Swing renders text starting with
 * {@code <html>} as HTML unless the component has the {@code html.disable} client property.
 */
final class Plain {

    static final String HTML_DISABLE = "html.disable";

    private Plain() {
    }

    static <T extends JComponent> T guard(T component) {
        component.putClientProperty(HTML_DISABLE, Boolean.TRUE);
        return component;
    }

    /** One line without control characters or bidi overrides, with a zero-width space before a leading tag. */
    static String line(String text) {
        String clean = withoutControls(text);
        return clean.startsWith("<") ? '\u200B' + clean : clean;
    }

    /**
     * The text without control characters and bidi overrides; for text painted with {@code drawString}, which never
     * interprets markup.
     */
    static String withoutControls(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
