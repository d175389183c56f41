package org.switchboard.ui.swing.chat;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextHitInfo;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollBar;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import javax.swing.text.StyleContext;

import org.switchboard.api.irc.FormattedText;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;
import org.switchboard.ui.swing.text.LineText;
import org.switchboard.ui.swing.text.Links;
import org.switchboard.ui.swing.text.MircColours;
import org.switchboard.ui.swing.text.NickColours;
import org.switchboard.ui.swing.text.SafeText;

/**
 * The scrollback of one buffer, drawn by hand. Only the lines that fit in the window are fetched from the
 * session, laid out and painted, from the bottom up, so a repaint costs the same with a hundred lines as with
 * half a million. The scroll bar counts lines, not pixels: its value is the first line of the bottom-anchored
 * view, which keeps wrapped lines cheap (no heights of off-screen lines are ever computed).
 *
 * <p>Event thread only.
 */
public final class ChatView extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final int PAD = 6;
    private static final int GAP = 8;
    private static final int NICK_COLUMN_CHARS = 12;
    private static final int WHEEL_LINES = 3;
    private static final int CACHE_LIMIT = 1500;

    private final transient IrcProtocol protocol;
    private final transient Consumer<String> linkOpener;
    private final Canvas canvas = new Canvas();
    private final JScrollBar scrollBar = new JScrollBar(JScrollBar.VERTICAL);
    private transient Buffer buffer;
    /** Exclusive end of the lines shown: the bottom line is {@code anchor - 1}. */
    private long anchor;
    private boolean follow = true;
    private boolean adjusting;
    private boolean dark;
    private final transient Map<Long, Laid> cache = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Laid> eldest) {
            return size() > CACHE_LIMIT;
        }
    };
    /**
     * The width-independent part of laying a line out (formatting parsed, links found, attributes set), kept
     * across width changes: a resize then only breaks the visible lines into rows again.
     */
    private final transient Map<Long, Parsed> parsedCache = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Parsed> eldest) {
            return size() > CACHE_LIMIT;
        }
    };
    private int cacheWidth = -1;
    private transient List<Painted> painted = new ArrayList<>();
    /** Where a selection started and where it ends now; null without a selection. */
    private Pos selectionAnchor;
    private Pos selectionFocus;

    private Font font;
    private Font boldFont;
    private Color background;
    private Color foreground;
    private Color muted;
    private Color errorColour;
    private Color linkColour;
    private Color highlightBackground;
    private Color selectionBackground;
    private Color actionColour;
    private Color joinColour;
    private Color partColour;

    /** A line laid out for one body width. */
    private record Laid(BufferLine line, String plain, List<TextLayout> rows, List<Links.Link> links, int height) {
        int length() {
            return plain.length();
        }
    }

    /** A line's text with its attributes, ready to be broken into rows at any width; text null when empty. */
    private record Parsed(BufferLine line, String plain, AttributedString text, List<Links.Link> links) {
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
        this.dark = darkTheme;
        Font base = UIManager.getFont("defaultFont");
        if (base == null) {
            base = UIManager.getFont("Label.font");
        }
        if (base == null) {
            base = new Font(Font.DIALOG, Font.PLAIN, 13);
        }
        // StyleContext gives a font with the platform's fallback fonts for scripts and symbols the base lacks.
        font = StyleContext.getDefaultStyleContext().getFont(base.getFamily(), Font.PLAIN, base.getSize());
        boldFont = font.deriveFont(Font.BOLD);
        background = colour("TextArea.background", darkTheme ? new Color(0x1E1F22) : Color.WHITE);
        foreground = colour("TextArea.foreground", darkTheme ? new Color(0xDFE1E5) : Color.BLACK);
        muted = colour("Label.disabledForeground", Color.GRAY);
        errorColour = darkTheme ? new Color(0xFF6B68) : new Color(0xC62828);
        linkColour = darkTheme ? new Color(0x58A6FF) : new Color(0x0B5CD5);
        actionColour = darkTheme ? new Color(0xD2A8FF) : new Color(0x8E24AA);
        joinColour = darkTheme ? new Color(0x7EE787) : new Color(0x2E7D32);
        partColour = darkTheme ? new Color(0xFFA198) : new Color(0xB23C17);
        highlightBackground = darkTheme ? new Color(0x4A3B12) : new Color(0xFFF1C2);
        // Translucent, so that text keeps its own colours under the selection.
        Color selection = colour("TextArea.selectionBackground", new Color(0x2675BF));
        selectionBackground = new Color(selection.getRed(), selection.getGreen(), selection.getBlue(), 90);
        canvas.setBackground(background);
        cache.clear();
        parsedCache.clear();
        canvas.repaint();
    }

    private static Color colour(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c == null ? fallback : c;
    }

    /** Shows another buffer, scrolled to its end. */
    public void show(Buffer newBuffer) {
        buffer = newBuffer;
        follow = true;
        cache.clear();
        parsedCache.clear();
        clearSelection();
        refresh();
    }

    public Buffer buffer() {
        return buffer;
    }

    /** Takes in lines added since the last call: moves along when following the end, else keeps the view still. */
    public void refresh() {
        if (buffer == null) {
            canvas.repaint();
            return;
        }
        long first = buffer.firstLine();
        long end = buffer.endLine();
        if (follow) {
            anchor = end;
        }
        anchor = Math.max(Math.min(anchor, end), Math.min(first + 1, end));
        int visible = Math.max(1, canvas.getHeight() / lineHeight());
        adjusting = true;
        try {
            long min = first;
            long max = Math.max(end, first + visible);
            long value = Math.max(min, anchor - visible);
            scrollBar.setValues(toInt(value - min), visible, 0, toInt(max - min));
        } finally {
            adjusting = false;
        }
        canvas.repaint();
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
        int visible = Math.max(1, canvas.getHeight() / lineHeight());
        anchor = Math.min(end, seq + 1 + visible / 2);
        follow = anchor >= end;
        selectionAnchor = new Pos(seq, 0);
        selectionFocus = new Pos(seq, Integer.MAX_VALUE);
        refresh();
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
        scrollLines(pages * Math.max(1, canvas.getHeight() / lineHeight() - 1));
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

    private int lineHeight() {
        FontMetrics fm = canvas.getFontMetrics(font);
        return fm.getHeight();
    }

    /** Scroll state, for tests: whether the view follows new lines and the exclusive end line shown. */
    public boolean following() {
        return follow;
    }

    public long anchor() {
        return anchor;
    }

    // --- layout ---

    private Laid layOut(BufferLine line, long seq, int bodyWidth, FontRenderContext frc) {
        if (bodyWidth != cacheWidth) {
            cache.clear();
            cacheWidth = bodyWidth;
        }
        Laid laid = cache.get(seq);
        if (laid != null && laid.line.equals(line)) {
            return laid;
        }
        Parsed parsed = parse(line, seq);
        List<TextLayout> rows = new ArrayList<>(1);
        if (parsed.text == null) {
            rows.add(new TextLayout(" ", font, frc));
        } else {
            LineBreakMeasurer measurer = new LineBreakMeasurer(parsed.text.getIterator(), frc);
            int length = parsed.plain.length();
            while (measurer.getPosition() < length) {
                rows.add(measurer.nextLayout(Math.max(20, bodyWidth)));
            }
        }
        String plain = parsed.plain;
        List<Links.Link> links = parsed.links;
        int height = 0;
        for (TextLayout row : rows) {
            height += rowHeight(row);
        }
        laid = new Laid(line, plain, rows, links, Math.max(height, lineHeight()));
        cache.put(seq, laid);
        return laid;
    }

    private Parsed parse(BufferLine line, long seq) {
        Parsed parsed = parsedCache.get(seq);
        if (parsed != null && parsed.line.equals(line)) {
            return parsed;
        }
        FormattedText formatted = protocol.parseFormatting(LineText.body(line));
        String plain = visible(formatted.plain());
        List<Links.Link> links = Links.find(plain);
        AttributedString text = null;
        if (!plain.isEmpty()) {
            text = new AttributedString(plain);
            text.addAttribute(TextAttribute.FONT, font);
            text.addAttribute(TextAttribute.FOREGROUND, bodyColour(line));
            for (FormattedText.Span span : formatted.spans()) {
                style(text, span, plain.length());
            }
            for (Links.Link link : links) {
                text.addAttribute(TextAttribute.FOREGROUND, linkColour, link.start(), link.end());
                text.addAttribute(TextAttribute.UNDERLINE, TextAttribute.UNDERLINE_ON, link.start(), link.end());
            }
        }
        parsed = new Parsed(line, plain, text, links);
        parsedCache.put(seq, parsed);
        return parsed;
    }

    private int rowHeight(TextLayout row) {
        return Math.max(lineHeight(), (int) Math.ceil(row.getAscent() + row.getDescent() + row.getLeading()));
    }

    /** Control characters left after formatting become spaces, keeping span offsets valid. */
    private static String visible(String plain) {
        char[] chars = null;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (chars == null) {
                    chars = plain.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? plain : new String(chars);
    }

    private void style(AttributedString text, FormattedText.Span span, int length) {
        int start = Math.max(0, Math.min(span.start(), length));
        int end = Math.max(start, Math.min(span.end(), length));
        if (start == end) {
            return;
        }
        int fontStyle = (span.has(FormattedText.Span.BOLD) ? Font.BOLD : 0)
                | (span.has(FormattedText.Span.ITALIC) ? Font.ITALIC : 0);
        Font spanFont = span.has(FormattedText.Span.MONOSPACE)
                ? new Font(Font.MONOSPACED, fontStyle, font.getSize())
                : fontStyle == 0 ? font : font.deriveFont(fontStyle);
        text.addAttribute(TextAttribute.FONT, spanFont, start, end);
        if (span.has(FormattedText.Span.UNDERLINE)) {
            text.addAttribute(TextAttribute.UNDERLINE, TextAttribute.UNDERLINE_ON, start, end);
        }
        if (span.has(FormattedText.Span.STRIKETHROUGH)) {
            text.addAttribute(TextAttribute.STRIKETHROUGH, TextAttribute.STRIKETHROUGH_ON, start, end);
        }
        Color fg = MircColours.colour(span.foreground());
        Color bg = MircColours.colour(span.background());
        if (span.has(FormattedText.Span.REVERSE)) {
            Color swap = fg == null ? foreground : fg;
            fg = bg == null ? background : bg;
            bg = swap;
        }
        if (fg != null) {
            text.addAttribute(TextAttribute.FOREGROUND, fg, start, end);
        }
        if (bg != null) {
            text.addAttribute(TextAttribute.BACKGROUND, bg, start, end);
        }
    }

    private Color bodyColour(BufferLine line) {
        if (line.kind() == LineKind.ERROR) {
            return errorColour;
        }
        if (line.kind() == LineKind.ACTION) {
            return actionColour;
        }
        return LineText.isEvent(line.kind()) ? muted : foreground;
    }

    private Color gutterColour(BufferLine line) {
        return switch (line.kind()) {
            case MESSAGE, NOTICE -> line.has(BufferLine.SELF) ? muted : NickColours.colour(line.nick(), dark);
            case ACTION -> actionColour;
            case JOIN -> joinColour;
            case PART, QUIT, KICK -> partColour;
            case ERROR -> errorColour;
            default -> muted;
        };
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
            g.setColor(background);
            g.fillRect(0, 0, width, height);
            List<Painted> now = new ArrayList<>();
            painted = now;
            if (buffer == null) {
                return;
            }
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics(font);
            int timeWidth = fm.stringWidth("00:00:00");
            int nickWidth = fm.charWidth('n') * NICK_COLUMN_CHARS;
            int nickRight = PAD + timeWidth + GAP + nickWidth;
            int bodyX = nickRight + GAP;
            int bodyWidth = Math.max(40, width - bodyX - PAD);
            FontRenderContext frc = g.getFontRenderContext();

            int maxLines = height / Math.max(1, fm.getHeight()) + 2;
            long end = anchor;
            long start = Math.max(buffer.firstLine(), end - maxLines);
            List<BufferLine> lines = buffer.lines(start, end);
            int y = height - PAD / 2;
            for (int i = lines.size() - 1; i >= 0 && y > 0; i--) {
                long seq = start + i;
                BufferLine line = lines.get(i);
                Laid laid = layOut(line, seq, bodyWidth, frc);
                int top = y - laid.height;
                if (LineText.isHighlight(line)) {
                    g.setColor(highlightBackground);
                    g.fillRect(0, top, width, laid.height);
                }
                paintSelection(g, seq, laid, bodyX, top);
                int baseline = top + (int) Math.ceil(laid.rows.get(0).getAscent());
                g.setFont(font);
                g.setColor(muted);
                g.drawString(LineText.time(line.time()), PAD, baseline);
                String gutter = fit(SafeText.display(LineText.gutter(line)), fm, nickWidth);
                g.setFont(line.kind() == LineKind.MESSAGE && !line.has(BufferLine.SELF) ? boldFont : font);
                FontMetrics gm = g.getFontMetrics();
                g.setColor(gutterColour(line));
                g.drawString(gutter, nickRight - gm.stringWidth(gutter), baseline);
                int rowTop = top;
                for (TextLayout row : laid.rows) {
                    row.draw(g, bodyX, rowTop + row.getAscent());
                    rowTop += rowHeight(row);
                }
                now.add(new Painted(seq, top, y, laid));
                y = top;
            }
        }

        private void paintSelection(Graphics2D g, long seq, Laid laid, int bodyX, int top) {
            int[] range = selectedRange(seq, laid.length());
            if (range == null) {
                return;
            }
            g.setColor(selectionBackground);
            int rowTop = top;
            int rowStart = 0;
            for (TextLayout row : laid.rows) {
                int rowEnd = rowStart + row.getCharacterCount();
                int from = Math.max(range[0], rowStart);
                int to = Math.min(range[1], rowEnd);
                if (from < to) {
                    java.awt.Shape shape = row.getLogicalHighlightShape(from - rowStart, to - rowStart);
                    g.translate(bodyX, rowTop + row.getAscent());
                    g.fill(shape);
                    g.translate(-bodyX, -(rowTop + row.getAscent()));
                }
                rowTop += rowHeight(row);
                rowStart = rowEnd;
            }
        }

        private String fit(String text, FontMetrics fm, int width) {
            if (fm.stringWidth(text) <= width) {
                return text;
            }
            int cut = text.length();
            while (cut > 1 && fm.stringWidth(text.substring(0, cut) + "…") > width) {
                cut--;
            }
            return text.substring(0, cut) + "…";
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
        if (p == null || p.laid.links.isEmpty()) {
            return null;
        }
        int bodyX = bodyX();
        int rowTop = p.top;
        for (TextLayout row : p.laid.rows) {
            int rowBottom = rowTop + rowHeight(row);
            if (y >= rowTop && y < rowBottom) {
                if (x < bodyX || x > bodyX + row.getAdvance()) {
                    return null;
                }
                TextHitInfo hit = row.hitTestChar(x - bodyX, y - rowTop);
                int index = hit.getCharIndex() + rowStart(p.laid, row);
                for (Links.Link link : p.laid.links) {
                    if (index >= link.start() && index < link.end()) {
                        return link;
                    }
                }
                return null;
            }
            rowTop = rowBottom;
        }
        return null;
    }

    private static int rowStart(Laid laid, TextLayout row) {
        int offset = 0;
        for (TextLayout r : laid.rows) {
            if (r == row) {
                return offset;
            }
            offset += r.getCharacterCount();
        }
        return offset;
    }

    private int bodyX() {
        FontMetrics fm = canvas.getFontMetrics(font);
        return PAD + fm.stringWidth("00:00:00") + GAP + fm.charWidth('n') * NICK_COLUMN_CHARS + GAP;
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
        int bodyX = bodyX();
        int rowTop = p.top;
        int rowStart = 0;
        for (TextLayout row : p.laid.rows) {
            int rowBottom = rowTop + rowHeight(row);
            if (y < rowBottom || row == p.laid.rows.get(p.laid.rows.size() - 1)) {
                if (x < bodyX) {
                    return new Pos(p.seq, rowStart);
                }
                TextHitInfo hit = row.hitTestChar(x - bodyX, y - rowTop);
                return new Pos(p.seq, rowStart + hit.getInsertionIndex());
            }
            rowTop = rowBottom;
            rowStart += row.getCharacterCount();
        }
        return new Pos(p.seq, 0);
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
        long seq = start.seq;
        for (BufferLine line : buffer.lines(start.seq, end.seq + 1)) {
            String plain = visible(protocol.parseFormatting(LineText.body(line)).plain());
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
