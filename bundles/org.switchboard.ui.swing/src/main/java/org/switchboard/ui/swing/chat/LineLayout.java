package org.switchboard.ui.swing.chat;

import java.awt.Graphics2D;

/**
 * One line's body broken into rows for one width, ready to paint and to hit-test. Coordinates are relative to
 * the top left corner of the body. Event thread only.
 */
sealed interface LineLayout permits WrappedLayout, ShapedLayout {

    /** Narrower than this, rows are not made any narrower: a word or two must still fit. */
    int MIN_WIDTH = 20;

    /** Lays {@code line} out for {@code width} pixels, glyph by glyph unless it needs shaping or reordering. */
    static LineLayout of(StyledLine line, ChatTheme theme, int width) {
        float wrapWidth = Math.max(MIN_WIDTH, width);
        return line.needsShaping() ? new ShapedLayout(line, theme, wrapWidth) : new WrappedLayout(line, theme, wrapWidth);
    }

    int height();

    /** Distance from the top to the first row's baseline, where the time and nick are drawn too. */
    int firstBaseline();

    int rowCount();

    void paint(Graphics2D g, int x, int top);

    /** Fills, in the current colour, the background of the characters {@code [from, to)}. */
    void paintSelection(Graphics2D g, int from, int to, int x, int top);

    /** The caret position nearest to a point: a text offset from 0 to the length. */
    int offsetAt(float x, float y);

    /** The character under a point, or -1 when the point is beside the text. */
    int charAt(float x, float y);
}
