package org.switchboard.ui.compact.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.Proxy;
import java.util.List;

import javax.swing.JList;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.FormattedText;
import org.switchboard.api.irc.FormattedText.Span;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;

/** Paints chat rows into an image, without a display. */
class ChatCellTest {

    /** A protocol whose formatting parser makes the whole text one red (mIRC 4) span. */
    private static IrcProtocol redProtocol() {
        return (IrcProtocol) Proxy.newProxyInstance(ChatCellTest.class.getClassLoader(),
                new Class<?>[] {IrcProtocol.class}, (proxy, method, args) -> {
                    if (method.getName().equals("parseFormatting")) {
                        String text = (String) args[0];
                        return new FormattedText(text, List.of(new Span(0, text.length(), 0, 4, -1)));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BufferedImage paint(ChatCell cell, BufferLine line) {
        return paint(cell, line, 0);
    }

    private static BufferedImage paint(ChatCell cell, BufferLine line, int row) {
        JList<BufferLine> list = new JList<>();
        list.setBackground(Color.BLACK);
        list.setForeground(Color.WHITE);
        Component c = cell.getListCellRendererComponent(list, line, row, false, false);
        c.setSize(600, cell.rowHeight());
        BufferedImage image = new BufferedImage(600, cell.rowHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        c.paint(g);
        g.dispose();
        return image;
    }

    /** Whether some pixel is close to the colour (text is antialiased, so exact values are rare). */
    private static boolean hasColourNear(BufferedImage image, Color colour) {
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                Color pixel = new Color(image.getRGB(x, y));
                if (Math.abs(pixel.getRed() - colour.getRed()) < 40 && Math.abs(pixel.getGreen() - colour.getGreen()) < 40
                        && Math.abs(pixel.getBlue() - colour.getBlue()) < 40) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void rendererRefusesHtmlAndPaintsMarkupAsText() {
        ChatCell cell = new ChatCell(redProtocol(), new Font(Font.MONOSPACED, Font.PLAIN, 12));
        assertEquals(Boolean.TRUE, cell.getClientProperty("html.disable"));
        BufferedImage image = paint(cell, new BufferLine(0, LineKind.MESSAGE, "mallory",
                "<html><img src='http://evil.example/x.png'>", 0));
        // The text is drawn glyph by glyph in the span's colour: markup shows up as red characters, the URL as a link.
        assertTrue(hasColourNear(image, new Color(0xe74856)), "the red span was painted");
        assertTrue(hasColourNear(image, ChatCell.LINK), "the link was painted as a link");
    }

    @Test
    void highlightedLinesGetTheirOwnBackground() {
        ChatCell cell = new ChatCell(redProtocol(), new Font(Font.MONOSPACED, Font.PLAIN, 12));
        BufferedImage plain = paint(cell, new BufferLine(0, LineKind.MESSAGE, "a", "x", 0));
        BufferedImage highlighted = paint(cell, new BufferLine(0, LineKind.MESSAGE, "a", "x", BufferLine.HIGHLIGHT));
        assertEquals(0, plain.getRGB(599, 0) & 0xffffff);
        assertEquals(ChatCell.HIGHLIGHT_BACKGROUND.getRGB() & 0xffffff, highlighted.getRGB(599, 0) & 0xffffff);
        assertEquals(4, java.util.stream.Stream.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi")
                .map(ChatCell::nickColour).distinct().limit(4).count(), "nicks get different colours");
        assertEquals(ChatCell.nickColour("Alice"), ChatCell.nickColour("alice"), "nick colours ignore case");
    }

    @Test
    void theReadMarkerIsDrawnAboveItsRowOnly() {
        ChatCell cell = new ChatCell(redProtocol(), new Font(Font.MONOSPACED, Font.PLAIN, 12));
        cell.setMarkerRow(5);
        BufferLine line = new BufferLine(0, LineKind.JOIN, null, "x", 0);
        assertEquals(ChatCell.READ_MARKER.getRGB(), paint(cell, line, 5).getRGB(300, 0), "the marker row's top edge");
        assertTrue(paint(cell, line, 4).getRGB(300, 0) != ChatCell.READ_MARKER.getRGB(), "another row");
        cell.setMarkerRow(-1);
        assertTrue(paint(cell, line, 5).getRGB(300, 0) != ChatCell.READ_MARKER.getRGB(), "no marker");
    }
}
