package org.switchboard.ui.swing.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.FormattedText;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;
import org.switchboard.protocol.internal.IrcProtocolComponent;

class LineTextTest {

    private final IrcProtocolComponent protocol = new IrcProtocolComponent();

    @Test
    void messagesShowTheNickEventsAMarker() {
        assertEquals("alice", LineText.gutter(new BufferLine(0, LineKind.MESSAGE, "alice", "hi", 0)));
        assertEquals("-srv-", LineText.gutter(new BufferLine(0, LineKind.NOTICE, "srv", "hi", 0)));
        assertEquals("→", LineText.gutter(new BufferLine(0, LineKind.JOIN, "bob", "bob has joined", 0)));
        assertEquals("*", LineText.gutter(new BufferLine(0, LineKind.ACTION, "bob", "waves", 0)));
        assertEquals("bob waves", LineText.body(new BufferLine(0, LineKind.ACTION, "bob", "waves", 0)));
    }

    @Test
    void copiedTextHasTimeNickAndNoFormattingCodes() {
        BufferLine line = new BufferLine(0, LineKind.MESSAGE, "alice", "\u0002bold\u0002 \u000304red", 0);
        String plain = LineText.plain(line, protocol::stripFormatting);
        assertTrue(plain.matches("\\[\\d\\d:\\d\\d:\\d\\d] <alice> bold red"), plain);
    }

    @Test
    void eventKindsAreMuted() {
        assertTrue(LineText.isEvent(LineKind.JOIN));
        assertFalse(LineText.isEvent(LineKind.MESSAGE));
    }

    @Test
    void mircColoursMapNumbersAndHex() {
        assertEquals(new Color(0xFF0000), MircColours.colour(4));
        assertEquals(new Color(0xFFFFFF), MircColours.colour(98));
        assertNull(MircColours.colour(99));
        assertNull(MircColours.colour(FormattedText.Span.DEFAULT_COLOUR));
        assertEquals(new Color(0x12AB34), MircColours.colour(FormattedText.Span.RGB_FLAG | 0x12AB34));
    }

    @Test
    void nickColoursAreStableAndIgnoreCase() {
        assertEquals(NickColours.index("Alice"), NickColours.index("alice"));
        assertEquals(NickColours.colour("bob", true), NickColours.colour("BOB", true));
        // and they tell nicks apart: sixteen nicks do not share a handful of colours
        java.util.Set<Color> colours = new java.util.HashSet<>();
        for (String nick : List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
                "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil")) {
            colours.add(NickColours.colour(nick, true));
        }
        assertTrue(colours.size() >= 6, colours.toString());
    }
}
