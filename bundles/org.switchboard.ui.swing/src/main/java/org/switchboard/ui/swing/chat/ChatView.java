package org.switchboard.ui.swing.chat;

import java.awt.BorderLayout;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.ActionEvent;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollBar;
import javax.swing.KeyStroke;

import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;
import org.switchboard.ui.swing.text.LineText;
import org.switchboard.ui.swing.text.Links;
import org.switchboard.ui.swing.text.SafeText;

/**
 * The scrollback of one buffer, drawn by hand. Only the lines that fit in the window are fetched from the
 * session, laid out and painted, from the bottom up, so a repaint costs the same with a hundred lines as with
 * half a million. The scroll bar counts lines, not pixels: its value is the first line of the bottom-anchored
 * view, which keeps wrapped lines cheap (no heights of off-screen lines are ever computed).
 *
 * <p>Under a flood the window's refresh timer calls {@link #refresh} a few dozen times a second at most; each
 * frame lays out only the lines that became visible (what the last frame showed is kept in a {@link FrameCache},
 * nothing else), and most lines are wrapped and drawn glyph by glyph ({@link WrappedLayout}) rather than by
 * Java's text layout. A view the user scrolled up stays still and costs nothing while lines arrive.
 *
 * <p>Event thread only.
 */
public final class ChatView extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final int PAD = 6;
    private static final int GAP = 8;
    private static final int NICK_COLUMN_CHARS = 12;
    private static final int WHEEL_LINES = 3;

    private final transient IrcProtocol protocol;
    private final transient Consumer<String> linkOpener;
    private final Canvas canvas = new Canvas();
    private final JScrollBar scrollBar = new JScrollBar(JScrollBar.VERTICAL);
    private transient Buffer buffer;
    /** Exclusive end of the lines shown: the bottom line is {@code anchor - 1}. */
    private long anchor;
    private boolean follow = true;
    /** See {@link #setReadMarker}; -1 for none. */
    private long readMarker = -1;
    private boolean adjusting;
    private transient ChatTheme theme;
    private final transient FrameCache<Laid> laidOut = new FrameCache<>();
    private transient List<Painted> painted = new ArrayList<>();
    /** Where a selection started and where it ends now; null without a selection. */
    private Pos selectionAnchor;
    private Pos selectionFocus;

    /**
     * A line laid out for one body width, with the width-independent part kept for the next width, and its time
     * and nick column text.
     */
    private record Laid(BufferLine line, StyledLine styled, LineLayout layout, int width, String time,
            String gutter, float gutterWidth) {
        int length() {
            return styled.text().length();
        }
    }

    /** Where a line was drawn in the last paint, for mouse hit-testing. */
    private record Painted(long seq, int top, int bottom, Laid laid) {
    }

    /** A place in the scrollback: a line and a character offset in its body's plain text. */
    record Pos(long seq, int index) implements Comparable<Pos> {
        @Override
        public int compareTo(Pos other) {
            int bySeq = Long.compare(seq, other.seq);
            return bySeq != 0 ? bySeq : Integer.compare(index, other.index);
        }
    }

    public ChatView(IrcProtocol protocol, Consumer<String> linkOpener) {
        super(new BorderLayout());
        this.protocol = protocol;
        this.linkOpener = linkOpener;
        add(canvas, BorderLayout.CENTER);
        add(scrollBar, BorderLayout.EAST);
        scrollBar.addAdjustmentListener(e -> {
            if (!adjusting && buffer != null) {
                anchor = buffer.firstLine() + scrollBar.getValue() + scrollBar.getVisibleAmount();
                follow = anchor >= buffer.endLine();
                canvas.repaint();
            }
        });
        // The scroll bar's extent is a number of lines, which changes with the height.
        canvas.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                refresh();
            }
        });
        canvas.addMouseWheelListener(this::wheel);
        MouseAdapter mouse = new Mouse();
        canvas.addMouseListener(mouse);
        canvas.addMouseMotionListener(mouse);
        canvas.setFocusable(true);
        canvas.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_C, InputEvent.CTRL_DOWN_MASK), "copy");
        canvas.getActionMap().put("copy", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                copySelection();
            }
        });
        updateTheme(false);
    }

    /** Typing while the chat view has the focus goes to {@code typed} (the input line), as in other clients. */
    public void onTyping(Consumer<Character> typed) {
        canvas.addKeyListener(new java.awt.event.KeyAdapter() {
            @Override
            public void keyTyped(KeyEvent e) {
                char c = e.getKeyChar();
                if (c != KeyEvent.CHAR_UNDEFINED && c >= 0x20 && c != 0x7F
                        && (e.getModifiersEx() & (InputEvent.CTRL_DOWN_MASK | InputEvent.ALT_DOWN_MASK)) == 0) {
                    typed.accept(c);
                    e.consume();
                }
            }
        });
    }

    /** Re-reads fonts and colours from the look and feel. */
    public void updateTheme(boolean darkTheme) {
        theme = ChatTheme.fromLookAndFeel(darkTheme);
        canvas.setBackground(theme.background);
        laidOut.clear();
        canvas.repaint();
    }

    /**
     * Draws the read marker above line {@code seq} (the first line the user has not seen), or none for a position
     * at or past the end or at the very first line held.
     */
    public void setReadMarker(long seq) {
        if (seq != readMarker) {
            readMarker = seq;
            canvas.repaint();
        }
    }

    public long readMarker() {
        return readMarker;
    }

    /** Shows another buffer, scrolled to its end. */
    public void show(Buffer newBuffer) {
        buffer = newBuffer;
        readMarker = -1;
        follow = true;
        laidOut.clear();
        clearSelection();
        refresh();
        canvas.repaint();
    }

    public Buffer buffer() {
        return buffer;
    }

    /**
     * Takes in lines added since the last call: moves along when following the end, else keeps the view still.
     * Repaints only when what is on screen changed, so a view the user scrolled up costs nothing during a flood.
     */
    public void refresh() {
        if (buffer == null) {
            canvas.repaint();
            return;
        }
        long first = buffer.firstLine();
        long end = buffer.endLine();
        long before = anchor;
        if (follow) {
            anchor = end;
        }
        anchor = Math.max(Math.min(anchor, end), Math.min(first + 1, end));
        int visible = visibleLines();
        adjusting = true;
        try {
            long max = Math.max(end, first + visible);
            long value = Math.max(first, anchor - visible);
            scrollBar.setValues(toInt(value - first), visible, 0, toInt(max - first));
        } finally {
            adjusting = false;
        }
        // Lines that fell off the scrollback change a view whose top (a partly shown line too) reaches them.
        if (anchor != before || first > anchor - visible - 2) {
            canvas.repaint();
        }
    }

    private int visibleLines() {
        return Math.max(1, canvas.getHeight() / theme.rowHeight);
    }

    private int toInt(long value) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, value));
    }

    /** Scrolls so that line {@code seq} is in the middle of the view, and selects it (for find). */
    public void reveal(long seq) {
        if (buffer == null) {
            return;
        }
        long end = buffer.endLine();
        anchor = Math.min(end, seq + 1 + visibleLines() / 2);
        follow = anchor >= end;
        selectionAnchor = new Pos(seq, 0);
        selectionFocus = new Pos(seq, Integer.MAX_VALUE);
        refresh();
        canvas.repaint();
    }

    /** Where a backwards search continues: above the selected line, or from the bottom of the view. */
    public long searchStart() {
        return selectionAnchor != null ? selectionStart().seq : anchor;
    }

    private void clearSelection() {
        selectionAnchor = selectionFocus = null;
    }

    private Pos selectionStart() {
        return selectionAnchor.compareTo(selectionFocus) <= 0 ? selectionAnchor : selectionFocus;
    }

    private Pos selectionEnd() {
        return selectionAnchor.compareTo(selectionFocus) <= 0 ? selectionFocus : selectionAnchor;
    }

    /** The selected character range of one line's body, or null when the line is not selected. */
    private int[] selectedRange(long seq, int length) {
        if (selectionAnchor == null) {
            return null;
        }
        Pos start = selectionStart();
        Pos end = selectionEnd();
        if (seq < start.seq || seq > end.seq) {
            return null;
        }
        int from = seq == start.seq ? Math.min(start.index, length) : 0;
        int to = seq == end.seq ? Math.min(end.index, length) : length;
        return from < to ? new int[] { from, to } : null;
    }

    /** Scrolls by whole pages; negative is up. */
    public void page(int pages) {
        scrollLines(pages * Math.max(1, visibleLines() - 1));
    }

    private void scrollLines(int lines) {
        if (buffer == null) {
            return;
        }
        long first = buffer.firstLine();
        long end = buffer.endLine();
        anchor = Math.max(Math.min(first + 1, end), Math.min(end, anchor + lines));
        follow = anchor >= end;
        refresh();
    }

    private void wheel(MouseWheelEvent e) {
        scrollLines(e.getWheelRotation() * WHEEL_LINES);
    }

    /** Scroll state, for tests: whether the view follows new lines and the exclusive end line shown. */
    public boolean following() {
        return follow;
    }

    public long anchor() {
        return anchor;
    }

    /** How many laid-out lines are held between frames; for tests. */
    int linesHeld() {
        return laidOut.size();
    }

    // --- columns ---

    private float timeWidth() {
        return theme.variant(false, false, false).width("00:00:00", 0, 8);
    }

    private float nickWidth() {
        return theme.variant(false, false, false).of('n') * NICK_COLUMN_CHARS;
    }

    private int nickRight() {
        return Math.round(PAD + timeWidth() + GAP + nickWidth());
    }

    private int bodyX() {
        return nickRight() + GAP;
    }

    /** The nick column's font for a line: bold for what others say. */
    private Advances gutterGlyphs(BufferLine line) {
        return theme.variant(line.kind() == LineKind.MESSAGE && !line.has(BufferLine.SELF), false, false);
    }

    /** Cuts text to a width, ending it with an ellipsis when it had to be cut. */
    private static String fit(String text, Advances glyphs, float width) {
        if (glyphs.width(text, 0, text.length()) <= width) {
            return text;
        }
        float budget = width - glyphs.of('…');
        float x = 0;
        int cut = 0;
        while (cut < text.length()) {
            int codePoint = text.codePointAt(cut);
            float advance = glyphs.of(codePoint);
            if (x + advance > budget) {
                break;
            }
            x += advance;
            cut += Character.charCount(codePoint);
        }
        return text.substring(0, Math.max(cut, text.offsetByCodePoints(0, 1))) + "…";
    }

    // --- painting ---

    private final class Canvas extends JComponent {
        private static final long serialVersionUID = 1L;

        Canvas() {
            setOpaque(true);
            setPreferredSize(new Dimension(400, 300));
            SafeText.protect(this);
        }

        @Override
        protected void paintComponent(Graphics graphics) {
            Graphics2D g = (Graphics2D) graphics.create();
            try {
                paintLines(g);
            } finally {
                g.dispose();
            }
        }

        private void paintLines(Graphics2D g) {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            int width = getWidth();
            int height = getHeight();
            g.setColor(theme.background);
            g.fillRect(0, 0, width, height);
            List<Painted> now = new ArrayList<>();
            painted = now;
            if (buffer == null) {
                laidOut.clear();
                return;
            }
            int nickRight = nickRight();
            int bodyX = nickRight + GAP;
            int bodyWidth = Math.max(40, width - bodyX - PAD);
            float nickWidth = nickWidth();
            long first = buffer.firstLine();
            Lines lines = new Lines();
            int y = height - PAD / 2;
            for (long seq = anchor - 1; seq >= first && y > 0; seq--) {
                Laid laid = laidOut.previous(seq);
                if (laid == null || laid.width != bodyWidth) {
                    BufferLine line = laid != null ? laid.line : lines.get(seq, y / theme.rowHeight + 1);
                    if (line == null) {
                        break;
                    }
                    laid = layOut(line, laid, bodyWidth, nickWidth);
                }
                laidOut.keep(seq, laid);
                int top = y - laid.layout.height();
                paintLine(g, seq, laid, top, nickRight, bodyX, width);
                if (seq == readMarker && seq > first) {
                    g.setColor(theme.readMarker);
                    g.fillRect(0, top, width, 2);
                }
                now.add(new Painted(seq, top, y, laid));
                y = top;
            }
            laidOut.endFrame();
        }

        private void paintLine(Graphics2D g, long seq, Laid laid, int top, int nickRight, int bodyX, int width) {
            BufferLine line = laid.line;
            if (LineText.isHighlight(line)) {
                g.setColor(theme.highlightBackground);
                g.fillRect(0, top, width, laid.layout.height());
            }
            int[] range = selectedRange(seq, laid.length());
            if (range != null) {
                g.setColor(theme.selectionBackground);
                laid.layout.paintSelection(g, range[0], range[1], bodyX, top);
            }
            int baseline = top + laid.layout.firstBaseline();
            g.setFont(theme.font);
            g.setColor(theme.muted);
            g.drawString(laid.time, PAD, baseline);
            g.setFont(gutterGlyphs(line).font());
            g.setColor(theme.gutterColour(line));
            g.drawString(laid.gutter, nickRight - laid.gutterWidth, baseline);
            laid.layout.paint(g, bodyX, top);
        }
    }

    /** Lays out a line that was not on screen (previous null) or is now at another width. */
    private Laid layOut(BufferLine line, Laid previous, int bodyWidth, float nickWidth) {
        if (previous != null) {
            return new Laid(line, previous.styled, LineLayout.of(previous.styled, theme, bodyWidth), bodyWidth,
                    previous.time, previous.gutter, previous.gutterWidth);
        }
        StyledLine styled = StyledLine.of(line, theme, protocol);
        Advances glyphs = gutterGlyphs(line);
        String gutter = fit(SafeText.display(LineText.gutter(line)), glyphs, nickWidth);
        return new Laid(line, styled, LineLayout.of(styled, theme, bodyWidth), bodyWidth, LineText.time(line.time()),
                gutter, glyphs.width(gutter, 0, gutter.length()));
    }

    /**
     * The lines one frame fetches from the session: only those the last frame did not show, a block at a time
     * (the new lines at the bottom when following, the ones scrolled into view otherwise).
     */
    private final class Lines {
        private List<BufferLine> block = List.of();
        private long blockStart;

        /** Line {@code seq}, fetching it with the uncached lines below it, at most {@code room} of them. */
        BufferLine get(long seq, int room) {
            if (seq < blockStart || seq >= blockStart + block.size()) {
                long from = seq;
                long first = buffer.firstLine();
                while (from > first && seq - from + 1 < room && laidOut.previous(from - 1) == null) {
                    from--;
                }
                block = buffer.lines(from, seq + 1);
                // Lines that fell off the scrollback meanwhile are missing at the front.
                blockStart = seq + 1 - block.size();
                if (seq < blockStart) {
                    return null;
                }
            }
            return block.get((int) (seq - blockStart));
        }
    }

    // --- mouse: selection, copy, links ---

    private Painted paintedAt(int y) {
        for (Painted p : painted) {
            if (y >= p.top && y < p.bottom) {
                return p;
            }
        }
        return null;
    }

    private Links.Link linkAt(int x, int y) {
        Painted p = paintedAt(y);
        if (p == null || p.laid.styled.links().isEmpty()) {
            return null;
        }
        int index = p.laid.layout.charAt(x - bodyX(), y - p.top);
        for (Links.Link link : p.laid.styled.links()) {
            if (index >= link.start() && index < link.end()) {
                return link;
            }
        }
        return null;
    }

    /** The scrollback position under a point of the last paint; above or below the lines clamps to them. */
    private Pos posAt(int x, int y) {
        if (painted.isEmpty()) {
            return null;
        }
        Painted p = paintedAt(y);
        if (p == null) {
            Painted top = painted.get(painted.size() - 1);
            Painted bottom = painted.get(0);
            return y < top.top ? new Pos(top.seq, 0) : new Pos(bottom.seq, bottom.laid.length());
        }
        return new Pos(p.seq, p.laid.layout.offsetAt(Math.max(0, x - bodyX()), y - p.top));
    }

    /**
     * The selection as text: the selected part of each line's body; lines selected as a whole also carry their
     * time and nick, as they appear on screen. Null without a selection.
     */
    public String selectedText() {
        if (buffer == null || selectionAnchor == null) {
            return null;
        }
        Pos start = selectionStart();
        Pos end = selectionEnd();
        boolean multiLine = start.seq != end.seq;
        StringBuilder sb = new StringBuilder();
        // Lines that fell off the scrollback are not returned: the first one returned may come later.
        List<BufferLine> lines = buffer.lines(start.seq, end.seq + 1);
        long seq = end.seq + 1 - lines.size();
        for (BufferLine line : lines) {
            String plain = StyledLine.visible(protocol.parseFormatting(LineText.body(line)).plain());
            int[] range = selectedRange(seq, plain.length());
            if (sb.length() > 0) {
                sb.append('\n');
            }
            if (range != null && multiLine && range[0] == 0 && range[1] == plain.length()) {
                sb.append(LineText.plain(line, protocol::stripFormatting));
            } else if (range != null) {
                sb.append(plain, range[0], range[1]);
            }
            seq++;
        }
        return sb.toString();
    }

    /** Copies the selection; returns false when nothing is selected. */
    public boolean copySelection() {
        String text = selectedText();
        if (text == null || text.isEmpty()) {
            return false;
        }
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
        return true;
    }

    /** Selects from one point to another, as a mouse drag would; for tests and keyboard use. */
    void select(Pos from, Pos to) {
        selectionAnchor = from;
        selectionFocus = to;
        canvas.repaint();
    }

    private final class Mouse extends MouseAdapter {
        private boolean dragged;

        @Override
        public void mousePressed(MouseEvent e) {
            canvas.requestFocusInWindow();
            if (e.isPopupTrigger()) {
                popup(e);
                return;
            }
            dragged = false;
            if (e.getButton() != MouseEvent.BUTTON1) {
                return;
            }
            Pos pos = posAt(e.getX(), e.getY());
            if (e.isShiftDown() && selectionAnchor != null && pos != null) {
                selectionFocus = pos;
            } else if (e.getClickCount() >= 2 && pos != null) {
                // A double click takes the whole line.
                selectionAnchor = new Pos(pos.seq, 0);
                selectionFocus = new Pos(pos.seq, Integer.MAX_VALUE);
            } else {
                selectionAnchor = pos;
                selectionFocus = pos;
            }
            canvas.repaint();
        }

        @Override
        public void mouseDragged(MouseEvent e) {
            if (selectionAnchor == null) {
                return;
            }
            Pos pos = posAt(e.getX(), Math.max(0, Math.min(e.getY(), canvas.getHeight() - 1)));
            if (pos != null) {
                dragged = true;
                selectionFocus = pos;
                canvas.repaint();
            }
        }

        @Override
        public void mouseReleased(MouseEvent e) {
            if (e.isPopupTrigger()) {
                popup(e);
                return;
            }
            if (!dragged && e.getButton() == MouseEvent.BUTTON1 && e.getClickCount() < 2 && !e.isShiftDown()) {
                clearSelection();
                canvas.repaint();
                Links.Link link = linkAt(e.getX(), e.getY());
                if (link != null) {
                    linkOpener.accept(link.url());
                }
            }
        }

        @Override
        public void mouseMoved(MouseEvent e) {
            canvas.setCursor(linkAt(e.getX(), e.getY()) != null ? Cursor.getPredefinedCursor(Cursor.HAND_CURSOR)
                    : Cursor.getPredefinedCursor(Cursor.TEXT_CURSOR));
        }

        private void popup(MouseEvent e) {
            JPopupMenu menu = new JPopupMenu();
            JMenuItem copy = new JMenuItem("Copy");
            copy.addActionListener(a -> copySelection());
            copy.setEnabled(selectionAnchor != null && !selectionAnchor.equals(selectionFocus));
            menu.add(copy);
            Painted p = paintedAt(e.getY());
            if (p != null) {
                JMenuItem line = new JMenuItem("Copy line");
                line.addActionListener(a -> {
                    select(new Pos(p.seq, 0), new Pos(p.seq, Integer.MAX_VALUE));
                    copySelection();
                });
                menu.add(line);
            }
            Links.Link link = linkAt(e.getX(), e.getY());
            if (link != null) {
                JMenuItem open = SafeText.protect(new JMenuItem("Open link"));
                open.addActionListener(a -> linkOpener.accept(link.url()));
                menu.add(open);
            }
            menu.show(canvas, e.getX(), e.getY());
        }
    }

    JComponent canvas() {
        return canvas;
    }
}
