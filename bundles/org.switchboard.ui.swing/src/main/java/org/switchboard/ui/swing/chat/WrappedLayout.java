package org.switchboard.ui.swing.chat;

import java.awt.Graphics2D;
import java.util.Arrays;

import org.switchboard.ui.swing.chat.StyledLine.RunStyle;

/**
 * A line broken into rows by its own word wrap and drawn run by run with {@code drawString}: no text layout,
 * no glyph vectors kept, a few small arrays per line. Breaks fall after spaces and around CJK ideographs; a word
 * wider than the row is cut between characters. Spaces may hang past the right edge, as in any word processor.
 * Only for text that needs no shaping or reordering (see {@link StyledLine#needsShaping()}).
 */
final class WrappedLayout implements LineLayout {

    private final StyledLine line;
    private final int rowHeight;
    private final int ascent;
    /** {@code rowStarts[r]} is the first character of row r; one more entry holds the text's length. */
    private final int[] rowStarts;
    /** Pieces: the part of one run within one row. {@code rowPieces[r]} is row r's first piece. */
    private final int[] rowPieces;
    private final String[] pieceText;
    private final int[] pieceStart;
    private final float[] pieceX;
    private final float[] pieceWidth;
    private final RunStyle[] pieceStyle;

    WrappedLayout(StyledLine line, ChatTheme theme, float width) {
        this.line = line;
        this.rowHeight = theme.rowHeight;
        this.ascent = theme.ascent;
        rowStarts = breakRows(line, width);
        int rows = rowStarts.length - 1;
        int maxPieces = rows + line.runCount();
        rowPieces = new int[rows + 1];
        String[] texts = new String[maxPieces];
        int[] starts = new int[maxPieces];
        float[] xs = new float[maxPieces];
        float[] widths = new float[maxPieces];
        RunStyle[] styles = new RunStyle[maxPieces];
        String text = line.text();
        int pieces = 0;
        int run = 0;
        for (int r = 0; r < rows; r++) {
            rowPieces[r] = pieces;
            int from = rowStarts[r];
            int to = rowStarts[r + 1];
            float x = 0;
            while (run + 1 < line.runCount() && line.runEnd(run) <= from) {
                run++;
            }
            for (int p = run; p < line.runCount() && line.starts()[p] < to; p++) {
                int start = Math.max(from, line.starts()[p]);
                int end = Math.min(to, line.runEnd(p));
                if (start >= end) {
                    continue;
                }
                RunStyle style = line.styles()[p];
                texts[pieces] = text.substring(start, end);
                starts[pieces] = start;
                xs[pieces] = x;
                widths[pieces] = style.glyphs().width(text, start, end);
                styles[pieces] = style;
                x += widths[pieces];
                pieces++;
            }
        }
        rowPieces[rows] = pieces;
        pieceText = Arrays.copyOf(texts, pieces);
        pieceStart = Arrays.copyOf(starts, pieces);
        pieceX = Arrays.copyOf(xs, pieces);
        pieceWidth = Arrays.copyOf(widths, pieces);
        pieceStyle = Arrays.copyOf(styles, pieces);
    }

    /** Where each row starts, plus the text's length at the end; at least one row, also for an empty text. */
    static int[] breakRows(StyledLine line, float width) {
        String text = line.text();
        int[] starts = new int[8];
        int rows = 1;
        int rowStart = 0;
        float x = 0;
        int breakAt = -1;
        float xAtBreak = 0;
        int run = 0;
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            while (i >= line.runEnd(run)) {
                run++;
            }
            float advance = line.styles()[run].glyphs().of(codePoint);
            boolean space = Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
            boolean ideograph = isIdeograph(codePoint);
            if (ideograph && i > rowStart) {
                breakAt = i;
                xAtBreak = x;
            }
            // Spaces never push to the next row; they hang at the end of this one.
            if (!space && x + advance > width && i > rowStart) {
                if (breakAt > rowStart) {
                    rowStart = breakAt;
                    x -= xAtBreak;
                } else {
                    rowStart = i;
                    x = 0;
                }
                breakAt = -1;
                if (rows == starts.length) {
                    starts = Arrays.copyOf(starts, rows * 2);
                }
                starts[rows++] = rowStart;
            }
            x += advance;
            i += Character.charCount(codePoint);
            if (space || ideograph) {
                breakAt = i;
                xAtBreak = x;
            }
        }
        int[] result = Arrays.copyOf(starts, rows + 1);
        result[rows] = text.length();
        return result;
    }

    private static boolean isIdeograph(int codePoint) {
        return Character.isIdeographic(codePoint)
                || codePoint >= 0x3040 && codePoint <= 0x30FF // Hiragana and Katakana
                || codePoint >= 0xAC00 && codePoint <= 0xD7AF; // Hangul syllables
    }

    @Override
    public int height() {
        return rowCount() * rowHeight;
    }

    @Override
    public int firstBaseline() {
        return ascent;
    }

    @Override
    public int rowCount() {
        return rowStarts.length - 1;
    }

    /** The text offset where each row starts; for tests. */
    int[] rowStarts() {
        return rowStarts.clone();
    }

    /** The width of a row's text, trailing spaces included. */
    float rowWidth(int row) {
        int last = rowPieces[row + 1] - 1;
        return last < rowPieces[row] ? 0 : pieceX[last] + pieceWidth[last];
    }

    @Override
    public void paint(Graphics2D g, int x, int top) {
        for (int r = 0; r < rowCount(); r++) {
            int rowTop = top + r * rowHeight;
            float baseline = rowTop + ascent;
            for (int p = rowPieces[r]; p < rowPieces[r + 1]; p++) {
                RunStyle style = pieceStyle[p];
                float left = x + pieceX[p];
                if (style.background() != null) {
                    g.setColor(style.background());
                    fill(g, left, rowTop, pieceWidth[p], rowHeight);
                }
                g.setColor(style.foreground());
                g.setFont(style.glyphs().font());
                g.drawString(pieceText[p], left, baseline);
                if (style.underline()) {
                    fill(g, left, baseline + style.glyphs().underlineOffset(), pieceWidth[p],
                            style.glyphs().underlineThickness());
                }
                if (style.strikethrough()) {
                    fill(g, left, baseline + style.glyphs().strikethroughOffset(), pieceWidth[p],
                            style.glyphs().strikethroughThickness());
                }
            }
        }
    }

    private static void fill(Graphics2D g, float left, float top, float width, float height) {
        int x0 = Math.round(left);
        int y0 = Math.round(top);
        g.fillRect(x0, y0, Math.max(1, Math.round(left + width) - x0), Math.max(1, Math.round(top + height) - y0));
    }

    @Override
    public void paintSelection(Graphics2D g, int from, int to, int x, int top) {
        for (int r = 0; r < rowCount(); r++) {
            int start = Math.max(from, rowStarts[r]);
            int end = Math.min(to, rowStarts[r + 1]);
            if (start < end) {
                float left = xOf(r, start);
                fill(g, x + left, top + r * rowHeight, xOf(r, end) - left, rowHeight);
            }
        }
    }

    /** The x of a text offset within row r. */
    private float xOf(int row, int offset) {
        for (int p = rowPieces[row]; p < rowPieces[row + 1]; p++) {
            int end = pieceStart[p] + pieceText[p].length();
            if (offset <= end) {
                return pieceX[p] + pieceStyle[p].glyphs().width(line.text(), pieceStart[p], offset);
            }
        }
        return rowWidth(row);
    }

    private int rowAt(float y) {
        return Math.max(0, Math.min(rowCount() - 1, (int) Math.floor(y / rowHeight)));
    }

    @Override
    public int offsetAt(float x, float y) {
        int row = rowAt(y);
        int index = indexAt(row, x, 0.5f);
        return index < 0 ? rowStarts[row + 1] : index;
    }

    @Override
    public int charAt(float x, float y) {
        if (x < 0 || y < 0 || y >= height()) {
            return -1;
        }
        return indexAt(rowAt(y), x, 1f);
    }

    /**
     * The first character of a row whose left edge plus {@code share} of its advance lies right of {@code x}: with
     * a half, the caret position nearest to x; with a whole, the character under x. -1 when x is right of the row.
     */
    private int indexAt(int row, float x, float share) {
        String text = line.text();
        for (int p = rowPieces[row]; p < rowPieces[row + 1]; p++) {
            float left = pieceX[p];
            int end = pieceStart[p] + pieceText[p].length();
            for (int i = pieceStart[p]; i < end;) {
                int codePoint = text.codePointAt(i);
                float advance = pieceStyle[p].glyphs().of(codePoint);
                if (x < left + advance * share) {
                    return i;
                }
                left += advance;
                i += Character.charCount(codePoint);
            }
        }
        return -1;
    }
}
