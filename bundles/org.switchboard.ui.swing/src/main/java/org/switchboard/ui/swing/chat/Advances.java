package org.switchboard.ui.swing.chat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.Arrays;

/**
 * The advance widths of one font's characters, each measured once and then looked up: wrapping a line and
 * hit-testing it cost a table lookup per character instead of a text layout. Valid for text that Java draws
 * glyph by glyph (no shaping, no bidi reordering), where a run's width is the sum of its characters' advances;
 * {@link StyledLine#needsShaping()} sends other text to {@link ShapedLayout}. Event thread only.
 */
final class Advances {

    private static final int PAGE_BITS = 8;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private final Font font;
    private final FontRenderContext frc;
    /** Pages of 256 code points, allocated when a character of the page is first seen; -1 is "not measured". */
    private final float[][] pages = new float[(Character.MAX_CODE_POINT >> PAGE_BITS) + 1][];
    private final float underlineOffset;
    private final float underlineThickness;
    private final float strikethroughOffset;
    private final float strikethroughThickness;

    Advances(Font font, FontRenderContext frc) {
        this.font = font;
        this.frc = frc;
        LineMetrics metrics = font.getLineMetrics("Xg", frc);
        underlineOffset = metrics.getUnderlineOffset();
        underlineThickness = Math.max(1f, metrics.getUnderlineThickness());
        strikethroughOffset = metrics.getStrikethroughOffset();
        strikethroughThickness = Math.max(1f, metrics.getStrikethroughThickness());
    }

    Font font() {
        return font;
    }

    /** The advance of one code point. */
    float of(int codePoint) {
        float[] page = pages[codePoint >> PAGE_BITS];
        if (page == null) {
            page = new float[PAGE_SIZE];
            Arrays.fill(page, -1f);
            pages[codePoint >> PAGE_BITS] = page;
        }
        float advance = page[codePoint & (PAGE_SIZE - 1)];
        if (advance < 0) {
            advance = (float) font.getStringBounds(new String(Character.toChars(codePoint)), frc).getWidth();
            page[codePoint & (PAGE_SIZE - 1)] = advance;
        }
        return advance;
    }

    /** The width of {@code text[from, to)}. */
    float width(String text, int from, int to) {
        float width = 0;
        for (int i = from; i < to;) {
            int codePoint = text.codePointAt(i);
            width += of(codePoint);
            i += Character.charCount(codePoint);
        }
        return width;
    }

    float underlineOffset() {
        return underlineOffset;
    }

    float underlineThickness() {
        return underlineThickness;
    }

    float strikethroughOffset() {
        return strikethroughOffset;
    }

    float strikethroughThickness() {
        return strikethroughThickness;
    }
}
