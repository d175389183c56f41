package org.switchboard.ui.swing.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Member;
import org.switchboard.protocol.internal.IrcProtocolComponent;

/** Paints the chat view into an image, so it runs without a display. */
class ChatViewTest {

    /** A buffer of generated lines that records which ranges were read. */
    static final class GeneratedBuffer implements Buffer {
        long end;
        long first;
        final List<long[]> reads = new ArrayList<>();
        String text = "line";

        GeneratedBuffer(long lines) {
            end = lines;
        }

        long linesRead() {
            return reads.stream().mapToLong(r -> r[1] - r[0]).sum();
        }

        @Override
        public List<BufferLine> lines(long from, long to) {
            long start = Math.max(from, first);
            long stop = Math.min(to, end);
            reads.add(new long[] { start, stop });
            List<BufferLine> result = new ArrayList<>();
            for (long seq = start; seq < stop; seq++) {
                result.add(new BufferLine(seq * 1000, seq % 10 == 0 ? LineKind.ACTION : LineKind.MESSAGE,
                        "nick" + seq % 17, text + " " + seq, seq % 7 == 0 ? BufferLine.HIGHLIGHT : 0));
            }
            return result;
        }

        @Override
        public long id() {
            return 1;
        }

        @Override
        public String network() {
            return "net";
        }

        @Override
        public String name() {
            return "#big";
        }

        @Override
        public BufferType type() {
            return BufferType.CHANNEL;
        }

        @Override
        public String topic() {
            return "";
        }

        @Override
        public String topicSetBy() {
            return null;
        }

        @Override
        public long topicTime() {
            return 0;
        }

        @Override
        public String modes() {
            return "";
        }

        @Override
        public boolean active() {
            return true;
        }

        @Override
        public long firstLine() {
            return first;
        }

        @Override
        public long endLine() {
            return end;
        }

        @Override
        public List<Member> members() {
            return List.of();
        }

        @Override
        public int memberCount() {
            return 0;
        }

        @Override
        public int unreadCount() {
            return 0;
        }

        @Override
        public int highlightCount() {
            return 0;
        }
    }

    private ChatView view;
    private final List<String> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        view = new ChatView(new IrcProtocolComponent(), opened::add);
        view.setSize(800, 600);
        view.doLayout();
    }

    private void paint() {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            view.canvas().paint(g);
        } finally {
            g.dispose();
        }
    }

    @Test
    void onlyTheVisibleLinesOfAHugeScrollbackAreRead() {
        GeneratedBuffer buffer = new GeneratedBuffer(500_000);
        view.show(buffer);
        buffer.reads.clear();
        paint();
        assertTrue(buffer.linesRead() > 10, "something was drawn");
        assertTrue(buffer.linesRead() < 100, "read " + buffer.linesRead() + " lines for one screen");
        assertEquals(500_000, buffer.reads.get(0)[1], "the newest line is at the bottom");

        buffer.reads.clear();
        view.setSize(1200, 900);
        view.doLayout();
        paint();
        assertTrue(buffer.linesRead() < 150, "a resize reads one screen again: " + buffer.linesRead());
    }

    @Test
    void theViewFollowsNewLinesUntilTheUserScrollsUp() {
        GeneratedBuffer buffer = new GeneratedBuffer(1000);
        view.show(buffer);
        assertTrue(view.following());
        buffer.end = 1010;
        view.refresh();
        assertEquals(1010, view.anchor());

        view.page(-1);
        assertFalse(view.following());
        long anchor = view.anchor();
        assertTrue(anchor < 1010);
        buffer.end = 1500;
        view.refresh();
        assertEquals(anchor, view.anchor(), "new lines do not move a view the user scrolled");

        for (int i = 0; i < 100 && !view.following(); i++) {
            view.page(1);
        }
        assertTrue(view.following());
        assertEquals(1500, view.anchor());
    }

    @Test
    void linesThatFellOffTheScrollbackAreNotAskedFor() {
        GeneratedBuffer buffer = new GeneratedBuffer(100);
        buffer.first = 90;
        view.show(buffer);
        buffer.reads.clear();
        paint();
        assertEquals(90, buffer.reads.get(0)[0]);
    }

    @Test
    void hostileTextPaintsWithoutTrouble() {
        GeneratedBuffer buffer = new GeneratedBuffer(200);
        buffer.text = "\u202Eright-to-left override \u0007bell \u0003,\u000399,99\u0004zzzz "
                + "W".repeat(3000) + " \u0016\u001F\u001D\u0002\u0011 \uD83D\uDE00 <html><b>x</b> \u0000";
        view.show(buffer);
        paint();
        view.setSize(60, 600);
        view.doLayout();
        paint();
        assertTrue(buffer.linesRead() > 0);
    }

    @Test
    void selectionCopiesCharactersWithinALineAndWholeLinesAcross() {
        GeneratedBuffer buffer = new GeneratedBuffer(100);
        view.show(buffer);
        paint();
        view.select(new ChatView.Pos(91, 2), new ChatView.Pos(91, 6));
        assertEquals("ne 9", view.selectedText(), "line 91 reads 'line 91'");

        view.select(new ChatView.Pos(93, 5), new ChatView.Pos(91, 0));
        String text = view.selectedText();
        String[] lines = text.split("\n");
        assertEquals(3, lines.length, text);
        assertTrue(lines[0].matches("\\[\\d\\d:\\d\\d:\\d\\d] <nick6> line 91"), lines[0]);
        assertTrue(lines[1].endsWith("<nick7> line 92"), lines[1]);
        assertEquals("line ", lines[2], "only the selected start of the last line");
        paint();
    }

    @Test
    void revealSelectsTheFoundLineAndStopsFollowing() {
        GeneratedBuffer buffer = new GeneratedBuffer(10_000);
        view.show(buffer);
        view.reveal(5000);
        assertFalse(view.following());
        assertTrue(view.anchor() > 5000 && view.anchor() < 5100, "anchor " + view.anchor());
        assertEquals(5000, view.searchStart());
        assertEquals("nick2 line 5000", view.selectedText(), "line 5000 is an action by nick2");
    }

    @Test
    void aViewScrolledUpStaysStillAndReadsNothingWhileLinesArrive() {
        GeneratedBuffer buffer = new GeneratedBuffer(1000);
        view.show(buffer);
        paint();
        view.page(-1);
        paint();
        long anchor = view.anchor();
        buffer.reads.clear();
        for (int tick = 0; tick < 20; tick++) {
            buffer.end += 500;
            view.refresh();
            paint();
        }
        assertEquals(anchor, view.anchor());
        assertFalse(view.following());
        assertEquals(0, buffer.linesRead(), "the lines on screen come from the last frame");
    }

    @Test
    void followingReadsOnlyTheLinesThatArrived() {
        GeneratedBuffer buffer = new GeneratedBuffer(1000);
        view.show(buffer);
        paint();
        buffer.reads.clear();
        buffer.end = 1003;
        view.refresh();
        paint();
        assertEquals(1003, view.anchor(), "the newest line is at the bottom");
        assertEquals(3, buffer.linesRead(), "only the three new lines are laid out");
    }

    @Test
    void aFloodKeepsTheViewAtTheBottomAndHoldsOneScreenOfLayouts() {
        GeneratedBuffer buffer = new GeneratedBuffer(100);
        view.show(buffer);
        paint();
        int screen = view.linesHeld();
        assertTrue(screen > 10 && screen < 100, "one screen is " + screen + " lines");
        for (int tick = 0; tick < 200; tick++) {
            buffer.end += 1500;
            // the scrollback is bounded: old lines fall off while the flood goes on
            buffer.first = Math.max(0, buffer.end - 10_000);
            view.refresh();
            paint();
            assertEquals(buffer.end, view.anchor());
            assertTrue(view.following());
            assertTrue(view.linesHeld() <= screen, "held " + view.linesHeld() + " laid-out lines");
        }
    }

    @Test
    void aScrolledViewWhoseLinesFallOffMovesToTheOldestHeld() {
        GeneratedBuffer buffer = new GeneratedBuffer(1000);
        view.show(buffer);
        view.page(-3);
        long anchor = view.anchor();
        buffer.end += 5000;
        buffer.first = buffer.end - 1000;
        view.refresh();
        assertFalse(view.following());
        assertTrue(view.anchor() > anchor && view.anchor() <= buffer.first + 1, "anchor " + view.anchor());
        buffer.reads.clear();
        paint();
        assertTrue(buffer.reads.stream().allMatch(r -> r[0] >= buffer.first), "nothing below the oldest line is read");
    }
}
