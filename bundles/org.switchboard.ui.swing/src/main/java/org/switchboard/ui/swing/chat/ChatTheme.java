package org.switchboard.ui.swing.chat;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;

import javax.swing.UIManager;
import javax.swing.text.StyleContext;

import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;
import org.switchboard.ui.swing.text.LineText;
import org.switchboard.ui.swing.text.NickColours;

/**
 * The chat view's fonts, colours and metrics, read from the look and feel when the theme changes. Every font
 * variant a line can ask for is made once here, with its {@link Advances}, so laying out a line creates no fonts.
 * Event thread only.
 */
final class ChatTheme {

    /** What text is measured and drawn with: anti-aliased, fractional advances (the paint sets the same hints). */
    static final FontRenderContext FRC = new FontRenderContext(null, RenderingHints.VALUE_TEXT_ANTIALIAS_ON,
            RenderingHints.VALUE_FRACTIONALMETRICS_ON);

    private static final int BOLD = 1;
    private static final int ITALIC = 2;
    private static final int MONOSPACE = 4;

    final boolean dark;
    final Font font;
    final Font boldFont;
    final Color background;
    final Color foreground;
    final Color muted;
    final Color error;
    final Color link;
    final Color action;
    final Color join;
    final Color part;
    final Color highlightBackground;
    /** The line above the first line that came while the buffer was not looked at. */
    final Color readMarker;
    /** Translucent, so that text keeps its own colours under the selection. */
    final Color selectionBackground;
    /** Height of one row of text and the distance from a row's top to its baseline, in pixels. */
    final int rowHeight;
    final int ascent;
    /** Indexed by the BOLD, ITALIC, MONOSPACE bits. */
    private final Advances[] variants = new Advances[8];

    private ChatTheme(boolean dark, Font base) {
        this.dark = dark;
        // StyleContext gives a font with the platform's fallback fonts for scripts and symbols the base lacks.
        font = StyleContext.getDefaultStyleContext().getFont(base.getFamily(), Font.PLAIN, base.getSize());
        boldFont = font.deriveFont(Font.BOLD);
        background = colour("TextArea.background", dark ? new Color(0x1E1F22) : Color.WHITE);
        foreground = colour("TextArea.foreground", dark ? new Color(0xDFE1E5) : Color.BLACK);
        muted = colour("Label.disabledForeground", Color.GRAY);
        error = dark ? new Color(0xFF6B68) : new Color(0xC62828);
        link = dark ? new Color(0x58A6FF) : new Color(0x0B5CD5);
        action = dark ? new Color(0xD2A8FF) : new Color(0x8E24AA);
        join = dark ? new Color(0x7EE787) : new Color(0x2E7D32);
        part = dark ? new Color(0xFFA198) : new Color(0xB23C17);
        highlightBackground = dark ? new Color(0x4A3B12) : new Color(0xFFF1C2);
        readMarker = dark ? new Color(0xE5534B) : new Color(0xE53935);
        Color selection = colour("TextArea.selectionBackground", new Color(0x2675BF));
        selectionBackground = new Color(selection.getRed(), selection.getGreen(), selection.getBlue(), 90);
        LineMetrics metrics = font.getLineMetrics("Xg", FRC);
        ascent = (int) Math.ceil(metrics.getAscent());
        rowHeight = ascent + (int) Math.ceil(metrics.getDescent() + metrics.getLeading());
    }

    /** The look and feel's default font and colours, for the light or dark variant. */
    static ChatTheme fromLookAndFeel(boolean dark) {
        Font base = UIManager.getFont("defaultFont");
        if (base == null) {
            base = UIManager.getFont("Label.font");
        }
        if (base == null) {
            base = new Font(Font.DIALOG, Font.PLAIN, 13);
        }
        return new ChatTheme(dark, base);
    }

    private static Color colour(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c == null ? fallback : c;
    }

    /** The body font for a formatting style, with its advances. */
    Advances variant(boolean bold, boolean italic, boolean monospace) {
        int index = (bold ? BOLD : 0) | (italic ? ITALIC : 0) | (monospace ? MONOSPACE : 0);
        Advances variant = variants[index];
        if (variant == null) {
            int style = (bold ? Font.BOLD : 0) | (italic ? Font.ITALIC : 0);
            Font derived = monospace ? new Font(Font.MONOSPACED, style, font.getSize())
                    : style == Font.PLAIN ? font : font.deriveFont(style);
            variant = new Advances(derived, FRC);
            variants[index] = variant;
        }
        return variant;
    }

    /** The colour of a line's body text. */
    Color bodyColour(BufferLine line) {
        if (line.kind() == LineKind.ERROR) {
            return error;
        }
        if (line.kind() == LineKind.ACTION) {
            return action;
        }
        return LineText.isEvent(line.kind()) ? muted : foreground;
    }

    /** The colour of the nick column: the speaker's own colour for messages, the event's colour otherwise. */
    Color gutterColour(BufferLine line) {
        return switch (line.kind()) {
            case MESSAGE, NOTICE -> line.has(BufferLine.SELF) ? muted : NickColours.colour(line.nick(), dark);
            case ACTION -> action;
            case JOIN -> join;
            case PART, QUIT, KICK -> part;
            case ERROR -> error;
            default -> muted;
        };
    }
}
