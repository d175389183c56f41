package org.switchboard.protocol.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.CtcpMessage;
import org.switchboard.api.irc.IrcProtocolException;

class CtcpTest {

    @Test
    void framedMessages() {
        assertEquals(new CtcpMessage("ACTION", "waves hello"), Ctcp.parse("\u0001ACTION waves hello\u0001"));
        assertEquals(new CtcpMessage("VERSION", ""), Ctcp.parse("\u0001VERSION\u0001"));
        assertEquals(new CtcpMessage("PING", "12345"), Ctcp.parse("\u0001ping 12345\u0001"));
    }

    @Test
    void missingClosingDelimiterStillCounts() {
        assertEquals(new CtcpMessage("ACTION", "waves"), Ctcp.parse("\u0001ACTION waves"));
        assertEquals(new CtcpMessage("VERSION", ""), Ctcp.parse("\u0001VERSION"));
    }

    @Test
    void emptyAction() {
        CtcpMessage empty = Ctcp.parse("\u0001ACTION\u0001");
        assertTrue(empty.isAction());
        assertEquals("", empty.arguments());
        assertEquals(new CtcpMessage("ACTION", ""), Ctcp.parse("\u0001ACTION \u0001"));
    }

    @Test
    void argumentsKeepInnerSpacing() {
        assertEquals(new CtcpMessage("ACTION", " spaced  out "), Ctcp.parse("\u0001ACTION  spaced  out \u0001"));
    }

    @Test
    void notCtcp() {
        assertNull(Ctcp.parse("hello"));
        assertNull(Ctcp.parse(""));
        assertNull(Ctcp.parse("\u0001"));
        assertNull(Ctcp.parse("\u0001\u0001"));
        assertNull(Ctcp.parse("\u0001 ACTION\u0001"));
        assertNull(Ctcp.parse(null));
        assertNull(Ctcp.parse("text \u0001ACTION x\u0001"));
    }

    @Test
    void format() {
        assertEquals("\u0001ACTION waves\u0001", Ctcp.format("ACTION", "waves"));
        assertEquals("\u0001VERSION\u0001", Ctcp.format("VERSION", ""));
        assertEquals("\u0001VERSION\u0001", Ctcp.format("VERSION", null));
        assertEquals(new CtcpMessage("PING", "1 2"), Ctcp.parse(Ctcp.format("PING", "1 2")));
    }

    @Test
    void formatRefusesWhatWouldBreakTheFraming() {
        assertThrows(IrcProtocolException.class, () -> Ctcp.format("", "x"));
        assertThrows(IrcProtocolException.class, () -> Ctcp.format("TWO WORDS", "x"));
        IrcProtocolException e = assertThrows(IrcProtocolException.class, () -> Ctcp.format("ACTION", "a\u0001b"));
        assertTrue(e.getMessage().contains("\\x01"), e.getMessage());
        assertThrows(IrcProtocolException.class, () -> Ctcp.format("ACTION", "a\r\nQUIT"));
    }
}
