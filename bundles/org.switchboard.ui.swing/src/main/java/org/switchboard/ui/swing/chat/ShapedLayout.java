package org.switchboard.ui.swing.chat;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextHitInfo;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

import org.switchboard.ui.swing.chat.StyledLine.RunStyle;

/**
 * A line laid out by Java's text layout: shaping, bidirectional reordering and line breaking as the JDK does
 * them. Many times dearer than {@link WrappedLayout} in time and memory, so only lines that need it get it.
 */
final class ShapedLayout implements LineLayout {

    private final List<TextLayout> rows = new ArrayList<>(2);
    private final int[] rowTops;
    private final int[] rowStarts;
    private final int height;

    ShapedLayout(StyledLine line, ChatTheme theme, float width) {
        AttributedString text = new AttributedString(line.text());
        for (int run = 0; run < line.runCount(); run++) {
            int start = line.starts()[run];
            int end = line.runEnd(run);
            if (start >= end) {
                continue;
            }
            RunStyle style = line.styles()[run];
            text.addAttribute(TextAttribute.FONT, style.glyphs().font(), start, end);
            text.addAttribute(TextAttribute.FOREGROUND, style.foreground(), start, end);
            if (style.background() != null) {
                text.addAttribute(TextAttribute.BACKGROUND, style.background(), start, end);
            }
            if (style.underline()) {
                text.addAttribute(TextAttribute.UNDERLINE, TextAttribute.UNDERLINE_ON, start, end);
            }
            if (style.strikethrough()) {
                text.addAttribute(TextAttribute.STRIKETHROUGH, TextAttribute.STRIKETHROUGH_ON, start, end);
            }
        }
        LineBreakMeasurer measurer = new LineBreakMeasurer(text.getIterator(), ChatTheme.FRC);
        while (measurer.getPosition() < line.text().length()) {
            rows.add(measurer.nextLayout(width));
        }
        rowTops = new int[rows.size() + 1];
        rowStarts = new int[rows.size() + 1];
        for (int r = 0; r < rows.size(); r++) {
            TextLayout row = rows.get(r);
            int rowHeight = Math.max(theme.rowHeight,
                    (int) Math.ceil(row.getAscent() + row.getDescent() + row.getLeading()));
            rowTops[r + 1] = rowTops[r] + rowHeight;
            rowStarts[r + 1] = rowStarts[r] + row.getCharacterCount();
        }
        height = rowTops[rows.size()];
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int firstBaseline() {
        return (int) Math.ceil(rows.get(0).getAscent());
    }

    @Override
    public int rowCount() {
        return rows.size();
    }

    @Override
    public void paint(Graphics2D g, int x, int top) {
        for (int r = 0; r < rows.size(); r++) {
            rows.get(r).draw(g, x, top + rowTops[r] + rows.get(r).getAscent());
        }
    }

    @Override
    public void paintSelection(Graphics2D g, int from, int to, int x, int top) {
        for (int r = 0; r < rows.size(); r++) {
            int start = Math.max(from, rowStarts[r]);
            int end = Math.min(to, rowStarts[r + 1]);
            if (start < end) {
                TextLayout row = rows.get(r);
                Shape shape = row.getLogicalHighlightShape(start - rowStarts[r], end - rowStarts[r]);
                float baseline = top + rowTops[r] + row.getAscent();
                g.translate(x, baseline);
                g.fill(shape);
                g.translate(-x, -baseline);
            }
        }
    }

    private int rowAt(float y) {
        for (int r = 0; r < rows.size() - 1; r++) {
            if (y < rowTops[r + 1]) {
                return r;
            }
        }
        return rows.size() - 1;
    }

    @Override
    public int offsetAt(float x, float y) {
        int r = rowAt(y);
        TextHitInfo hit = rows.get(r).hitTestChar(x, y - rowTops[r]);
        return rowStarts[r] + hit.getInsertionIndex();
    }

    @Override
    public int charAt(float x, float y) {
        if (x < 0 || y < 0 || y >= height) {
            return -1;
        }
        int r = rowAt(y);
        TextLayout row = rows.get(r);
        if (x > row.getAdvance()) {
            return -1;
        }
        return rowStarts[r] + row.hitTestChar(x, y - rowTops[r]).getCharIndex();
    }
}
