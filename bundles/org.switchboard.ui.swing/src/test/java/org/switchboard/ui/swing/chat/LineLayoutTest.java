package org.switchboard.ui.swing.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;
import org.switchboard.protocol.internal.IrcProtocolComponent;

/** How a line's body becomes styled runs and rows. */
class LineLayoutTest {

    private final IrcProtocolComponent protocol = new IrcProtocolComponent();
    private final ChatTheme theme = ChatTheme.fromLookAndFeel(false);

    private StyledLine styled(String text) {
        return StyledLine.of(new BufferLine(0, LineKind.MESSAGE, "ann", text, 0), theme, protocol);
    }

    private float width(StyledLine line, int from, int to) {
        return theme.variant(false, false, false).width(line.text(), from, to);
    }

    /** The row's width without the spaces that hang at its end. */
    private float visibleWidth(StyledLine line, int[] rows, int row) {
        int end = rows[row + 1];
        while (end > rows[row] && line.text().charAt(end - 1) == ' ') {
            end--;
        }
        return width(line, rows[row], end);
    }

    @Test
    void rowsBreakAfterSpacesAndFitTheWidth() {
        StyledLine line = styled("the quick brown fox jumps over the lazy dog ".repeat(12).strip());
        WrappedLayout layout = new WrappedLayout(line, theme, 300);
        int[] rows = layout.rowStarts();
        assertTrue(layout.rowCount() > 3, "rows: " + layout.rowCount());
        assertEquals(0, rows[0]);
        assertEquals(line.text().length(), rows[rows.length - 1]);
        for (int r = 0; r < layout.rowCount(); r++) {
            assertTrue(visibleWidth(line, rows, r) <= 300, "row " + r + " fits");
            if (r > 0) {
                assertEquals(' ', line.text().charAt(rows[r] - 1), "row " + r + " starts after a space");
                // and the next word would not have fitted on the row before
                int nextSpace = line.text().indexOf(' ', rows[r]);
                int wordEnd = nextSpace < 0 ? line.text().length() : nextSpace;
                assertTrue(width(line, rows[r - 1], wordEnd) > 300, "row " + r + " is not broken early");
            }
        }
        assertEquals(layout.rowCount() * theme.rowHeight, layout.height());
    }

    @Test
    void aWordWiderThanTheRowIsCutBetweenCharacters() {
        StyledLine line = styled("W".repeat(300));
        WrappedLayout layout = new WrappedLayout(line, theme, 100);
        int[] rows = layout.rowStarts();
        assertTrue(layout.rowCount() > 5);
        for (int r = 0; r < layout.rowCount(); r++) {
            assertTrue(width(line, rows[r], rows[r + 1]) <= 100);
            assertTrue(rows[r + 1] > rows[r], "every row holds a character");
        }
    }

    @Test
    void ideographsBreakAnywhereAndSurrogatePairsStayWhole() {
        StyledLine cjk = styled("日本語の文章は空白なしで続きます".repeat(10));
        WrappedLayout layout = new WrappedLayout(cjk, theme, 120);
        assertTrue(layout.rowCount() > 3);
        StyledLine emoji = styled("\uD83C\uDF89".repeat(200));
        int[] rows = new WrappedLayout(emoji, theme, 60).rowStarts();
        for (int row : rows) {
            assertEquals(0, row % 2, "a row never starts inside a surrogate pair");
        }
    }

    @Test
    void anEmptyBodyIsOneEmptyRow() {
        WrappedLayout layout = new WrappedLayout(styled(""), theme, 300);
        assertEquals(1, layout.rowCount());
        assertEquals(theme.rowHeight, layout.height());
        assertEquals(0, layout.offsetAt(50, 5));
        assertEquals(-1, layout.charAt(50, 5));
    }

    @Test
    void hitTestingFindsTheCharacterUnderThePoint() {
        StyledLine line = styled("hello \u0002bold\u0002 world, see https://example.org/x now");
        WrappedLayout layout = new WrappedLayout(line, theme, 2000);
        for (int i = 0; i < line.text().length(); i++) {
            Advances glyphs = styleAt(line, i).glyphs();
            float left = 0;
            for (int j = 0; j < i; j++) {
                left += styleAt(line, j).glyphs().of(line.text().charAt(j));
            }
            float advance = glyphs.of(line.text().charAt(i));
            assertEquals(i, layout.charAt(left + advance / 2, 3), "character " + i);
            assertEquals(i, layout.offsetAt(left + advance / 4, 3), "caret before " + i);
            assertEquals(i + 1, layout.offsetAt(left + advance * 3 / 4, 3), "caret after " + i);
        }
        assertEquals(-1, layout.charAt(-1, 3));
        assertEquals(-1, layout.charAt(5000, 3), "beside the text");
    }

    private static StyledLine.RunStyle styleAt(StyledLine line, int index) {
        int run = 0;
        while (line.runEnd(run) <= index) {
            run++;
        }
        return line.styles()[run];
    }

    @Test
    void formattingAndLinksBecomeRuns() {
        StyledLine line = styled("\u0002bold\u0002 \u000304red\u0003 see https://example.org now");
        assertEquals("bold red see https://example.org now", line.text());
        assertTrue(styleAt(line, 0).glyphs().font().isBold());
        assertFalse(styleAt(line, 5).glyphs().font().isBold());
        assertEquals(new java.awt.Color(0xFF0000), styleAt(line, 5).foreground());
        int link = line.text().indexOf("https");
        assertTrue(styleAt(line, link).underline());
        assertEquals(theme.link, styleAt(line, link).foreground());
        assertFalse(styleAt(line, line.text().length() - 1).underline());
        assertEquals(1, line.links().size());
        for (int run = 1; run < line.runCount(); run++) {
            assertFalse(line.styles()[run].equals(line.styles()[run - 1]), "neighbouring runs differ");
        }
    }

    @Test
    void onlyTextThatNeedsShapingGoesToTheTextLayout() {
        for (String simple : new String[] { "plain ascii", "grüße café", "привет", "ελληνικά", "日本語 中文 한국어",
            "emoji \uD83C\uDF89 \uD83D\uDC4D", "" }) {
            assertInstanceOf(WrappedLayout.class, LineLayout.of(styled(simple), theme, 400), simple);
        }
        for (String complex : new String[] { "hebrew עברית", "arabic مرحبا", "e\u0301 combining", "हिन्दी",
            "override \u202Eabc", "joiner \uD83D\uDC68\u200D\uD83D\uDCBB" }) {
            assertInstanceOf(ShapedLayout.class, LineLayout.of(styled(complex), theme, 400), complex);
        }
    }

    @Test
    void bothLayoutsPaintSelectionsAndHostileText() {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (String text : new String[] { "\u0016reverse\u0016 \u001Funder\u001F \u001Estrike\u001E \u0011mono\u0011",
                "mixed עברית and english with \u0002bold\u0002 words ".repeat(5), "\u202E".repeat(50) }) {
                LineLayout layout = LineLayout.of(styled(text), theme, 150);
                layout.paint(g, 10, 10);
                layout.paintSelection(g, 2, text.length() / 2, 10, 10);
                assertTrue(layout.height() >= theme.rowHeight * layout.rowCount());
                int offset = layout.offsetAt(75, layout.height() - 1);
                assertTrue(offset >= 0 && offset <= styled(text).text().length(), text);
            }
        } finally {
            g.dispose();
        }
    }
}
