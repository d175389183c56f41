package org.switchboard.ui.compact.view;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.ListCellRenderer;

import org.switchboard.api.irc.FormattedText;
import org.switchboard.api.irc.FormattedText.Span;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.ui.Contrast;
import org.switchboard.api.ui.PlainText;

/**
 * Paints one chat line as a single dense row: time, nick, then the text with its mIRC colours and styles. The
 * text is drawn with {@code Graphics.drawString}, never handed to a Swing text component, so nothing a server
 * sends can be interpreted as HTML or markup.
 */
final class ChatCell extends JComponent implements ListCellRenderer<BufferLine> {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    static final Color DIM = new Color(0x7f8794);
    static final Color HIGHLIGHT_BACKGROUND = new Color(0x4a3b1e);
    /** The line above the first row that came while the buffer was not looked at. */
    static final Color READ_MARKER = new Color(0xE5534B);
    static final Color LINK = new Color(0x58a6ff);
    private static final Color[] NICK_COLOURS = {new Color(0x6cb6ff), new Color(0xf69d50), new Color(0x8ddb8c),
        new Color(0xdcbdfb), new Color(0xf47067), new Color(0x96d0ff), new Color(0xe0823d), new Color(0x57ab5a),
        new Color(0xc69026), new Color(0xfc8dc7)};

    /** Far above what NICKLEN allows anywhere; a longer one is cut with an ellipsis rather than widening the cell. */
    private static final int MAX_NICK_CHARS = 64;

    private final transient IrcProtocol protocol;
    private final Font plain;
    private final Font bold;
    private final Font italic;
    private final Font boldItalic;
    private final int nickColumn;
    private transient BufferLine line;
    private boolean selected;
    private boolean markerAbove;
    private int markerRow = -1;
    private Color text = Color.LIGHT_GRAY;
    private Color selection = Color.DARK_GRAY;

    ChatCell(IrcProtocol protocol, Font font) {
        this.protocol = protocol;
        this.plain = font;
        this.bold = font.deriveFont(Font.BOLD);
        this.italic = font.deriveFont(Font.ITALIC);
        this.boldItalic = font.deriveFont(Font.BOLD | Font.ITALIC);
        this.nickColumn = getFontMetrics(font).charWidth('m') * 12;
        PlainText.protect(this);
        setOpaque(true);
    }

    int rowHeight() {
        FontMetrics fm = getFontMetrics(plain);
        return fm.getHeight() + 3;
    }

    /** The row the read marker is drawn above, or -1; set by the window. */
    void setMarkerRow(int row) {
        markerRow = row;
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends BufferLine> list, BufferLine value, int index,
            boolean isSelected, boolean cellHasFocus) {
        this.markerAbove = index > 0 && index == markerRow;
        this.line = value;
        this.selected = isSelected;
        this.text = list.getForeground();
        this.selection = list.getSelectionBackground();
        setBackground(list.getBackground());
        return this;
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g;
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
        Color background = selected ? selection
                : line != null && line.has(BufferLine.HIGHLIGHT) ? HIGHLIGHT_BACKGROUND : getBackground();
        g2.setColor(background);
        g2.fillRect(0, 0, getWidth(), getHeight());
        if (markerAbove) {
            g2.setColor(READ_MARKER);
            g2.fillRect(0, 0, getWidth(), 2);
        }
        if (line == null) {
            return;
        }
        FontMetrics fm = g2.getFontMetrics(plain);
        int baseline = (getHeight() - fm.getHeight()) / 2 + fm.getAscent();
        int x = 6;
        g2.setFont(plain);
        g2.setColor(DIM);
        String time = TIME.format(Instant.ofEpochMilli(line.time()));
        g2.drawString(time, x, baseline);
        x += fm.stringWidth("00:00 ");
        String nickText = nickColumnText(line);
        g2.setFont(bold);
        FontMetrics boldMetrics = g2.getFontMetrics();
        int nickWidth = boldMetrics.stringWidth(nickText);
        g2.setColor(line.kind() == LineKind.MESSAGE || line.kind() == LineKind.ACTION || line.kind() == LineKind.NOTICE
                ? nickColour(line.nick()) : DIM);
        // Right-aligned nicks in a fixed column keep the text column straight, as dense clients do.
        g2.drawString(nickText, x + Math.max(0, nickColumn - nickWidth), baseline);
        x += Math.max(nickColumn, nickWidth) + fm.charWidth(' ');
        boolean event = line.kind() != LineKind.MESSAGE && line.kind() != LineKind.ACTION
                && line.kind() != LineKind.NOTICE;
        Color body = event ? DIM : line.kind() == LineKind.ACTION ? nickColour(line.nick()) : text;
        drawFormatted(g2, protocol.parseFormatting(line.text()), x, baseline, body);
    }

    private static String nickColumnText(BufferLine line) {
        String nick = line.nick() == null ? "" : PlainText.line(line.nick(), MAX_NICK_CHARS);
        return switch (line.kind()) {
            case MESSAGE -> nick;
            case ACTION -> "* " + nick;
            case NOTICE -> "-" + nick + "-";
            case ERROR -> "!!";
            default -> "\u2014";
        };
    }

    static Color nickColour(String nick) {
        if (nick == null) {
            return DIM;
        }
        int hash = 0;
        for (int i = 0; i < nick.length(); i++) {
            hash = hash * 31 + Character.toLowerCase(nick.charAt(i));
        }
        return NICK_COLOURS[Math.floorMod(hash, NICK_COLOURS.length)];
    }

    private void drawFormatted(Graphics2D g2, FormattedText formatted, int x, int baseline, Color defaultColour) {
        String plainText = PlainText.drawable(formatted.plain());
        boolean[] links = Links.mask(plainText);
        int at = 0;
        for (Span span : formatted.spans()) {
            if (span.start() > at) {
                x = drawRange(g2, plainText, at, span.start(), links, x, baseline, plain, defaultColour, null, false,
                        false);
            }
            Color fg = Palette.colour(span.foreground(), defaultColour);
            Color bg = span.background() == Span.DEFAULT_COLOUR ? null : Palette.colour(span.background(), null);
            if (span.has(Span.REVERSE)) {
                Color swap = bg == null ? getBackground() : bg;
                bg = fg;
                fg = swap;
            } else if (bg == null && span.foreground() != Span.DEFAULT_COLOUR) {
                // A colour meant for the sender's background (black, say) drawn on this skin's dark one.
                fg = Contrast.readable(fg, getBackground(), text);
            } else if (bg != null && span.foreground() == Span.DEFAULT_COLOUR) {
                fg = Contrast.readable(fg, bg, Contrast.standOutOn(bg));
            }
            Font font = span.has(Span.BOLD) && span.has(Span.ITALIC) ? boldItalic
                    : span.has(Span.BOLD) ? bold : span.has(Span.ITALIC) ? italic : plain;
            x = drawRange(g2, plainText, span.start(), span.end(), links, x, baseline, font, fg, bg,
                    span.has(Span.UNDERLINE), span.has(Span.STRIKETHROUGH));
            at = span.end();
            if (x > getWidth()) {
                return;
            }
        }
        if (at < plainText.length()) {
            drawRange(g2, plainText, at, plainText.length(), links, x, baseline, plain, defaultColour, null, false,
                    false);
        }
    }

    /** Draws {@code text[from, to)} in one style, except that parts inside a link are drawn as links. */
    private int drawRange(Graphics2D g2, String text, int from, int to, boolean[] links, int x, int baseline,
            Font font, Color fg, Color bg, boolean underline, boolean strike) {
        int run = from;
        while (run < to) {
            boolean link = links[run];
            int end = run;
            while (end < to && links[end] == link) {
                end++;
            }
            x = draw(g2, text.substring(run, end), x, baseline, font, link ? LINK : fg, bg, underline || link,
                    strike);
            run = end;
        }
        return x;
    }

    private int draw(Graphics2D g2, String s, int x, int baseline, Font font, Color fg, Color bg, boolean underline,
            boolean strike) {
        g2.setFont(font);
        FontMetrics fm = g2.getFontMetrics();
        int width = fm.stringWidth(s);
        if (bg != null) {
            g2.setColor(bg);
            g2.fillRect(x, baseline - fm.getAscent(), width, fm.getHeight());
        }
        g2.setColor(fg);
        g2.drawString(s, x, baseline);
        if (underline) {
            g2.drawLine(x, baseline + 1, x + width, baseline + 1);
        }
        if (strike) {
            int middle = baseline - fm.getAscent() / 3;
            g2.drawLine(x, middle, x + width, middle);
        }
        return x + width;
    }
}
