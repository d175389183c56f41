package org.switchboard.session.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;

class ScrollbackTest {

    @Test
    void keepsOnlyTheNewestLinesUpToTheLimit() {
        Scrollback scrollback = new Scrollback(100);
        for (int i = 0; i < 250; i++) {
            long seq = scrollback.append(i, LineKind.MESSAGE, "nick" + (i % 3), "line " + i, 0);
            assertEquals(i, seq);
        }
        assertEquals(150, scrollback.firstLine());
        assertEquals(250, scrollback.endLine());
        List<BufferLine> lines = scrollback.lines(0, 1000);
        assertEquals(100, lines.size());
        assertEquals("line 150", lines.get(0).text());
        assertEquals(150, lines.get(0).time());
        assertEquals("line 249", lines.get(99).text());
    }

    @Test
    void readsAreClampedAndEmptyOutsideTheHeldRange() {
        Scrollback scrollback = new Scrollback(10);
        for (int i = 0; i < 15; i++) {
            scrollback.append(i, LineKind.INFO, null, "l" + i, 0);
        }
        assertEquals(List.of(), scrollback.lines(0, 5));
        assertEquals(List.of(), scrollback.lines(20, 30));
        assertEquals("l5", scrollback.lines(3, 6).get(0).text());
        assertEquals(1, scrollback.lines(3, 6).size());
    }

    @Test
    void everyFieldSurvivesTheCompactForm() {
        Scrollback scrollback = new Scrollback(1000);
        int flags = BufferLine.SELF | BufferLine.HISTORY;
        scrollback.append(1234567890123L, LineKind.ERROR, "Zoë", "ünïcödé \u0002bold\u0002 ✓", flags);
        scrollback.append(1L, LineKind.JOIN, null, "", 0);
        List<BufferLine> lines = scrollback.lines(0, 2);
        assertEquals(new BufferLine(1234567890123L, LineKind.ERROR, "Zoë", "ünïcödé \u0002bold\u0002 ✓", flags),
                lines.get(0));
        assertEquals(new BufferLine(1L, LineKind.JOIN, null, "", 0), lines.get(1));
    }

    @Test
    void everyKindAndFlagCombinationRoundTrips() {
        Scrollback scrollback = new Scrollback(1000);
        for (LineKind kind : LineKind.values()) {
            for (int flags = 0; flags < 16; flags++) {
                scrollback.append(0, kind, "n", "t", flags);
                BufferLine line = scrollback.lines(scrollback.endLine() - 1, scrollback.endLine()).get(0);
                assertEquals(kind, line.kind());
                assertEquals(flags, line.flags());
            }
        }
    }

    @Test
    void nicksAreSharedNotCopiedPerLine() {
        Scrollback scrollback = new Scrollback(10);
        scrollback.append(0, LineKind.MESSAGE, new String("alice"), "a", 0);
        scrollback.append(0, LineKind.MESSAGE, new String("alice"), "b", 0);
        List<BufferLine> lines = scrollback.lines(0, 2);
        assertSame(lines.get(0).nick(), lines.get(1).nick());
    }

    @Test
    void sequenceNumbersKeepGrowingAfterClear() {
        Scrollback scrollback = new Scrollback(10);
        scrollback.append(0, LineKind.INFO, null, "a", 0);
        scrollback.append(0, LineKind.INFO, null, "b", 0);
        scrollback.clear();
        assertEquals(2, scrollback.firstLine());
        assertEquals(2, scrollback.endLine());
        assertEquals(2, scrollback.append(0, LineKind.INFO, null, "c", 0));
        assertTrue(scrollback.lines(0, 2).isEmpty());
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Scrollback(0));
    }

    @Test
    void textsOfEverySizeComeBackIntactAcrossChunksAndWrapAround() {
        Scrollback scrollback = new Scrollback(3000);
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String text = i == 4000 ? "x".repeat(300_000) : "é✓".repeat(i % 97) + i;
            expected.add(text);
            scrollback.append(i, LineKind.MESSAGE, "n", text, 0);
        }
        List<BufferLine> lines = scrollback.lines(0, 5000);
        assertEquals(3000, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(expected.get(2000 + i), lines.get(i).text(), "line " + (2000 + i));
        }
    }
}
