package org.switchboard.api.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IrcSourceTest {

    @Test
    void fullSource() {
        IrcSource source = IrcSource.parse("nick!~user@host.example");
        assertEquals(new IrcSource("nick", "~user", "host.example"), source);
        assertEquals("nick!~user@host.example", source.toString());
    }

    @Test
    void serverNameIsAllNick() {
        IrcSource source = IrcSource.parse("irc.example.net");
        assertEquals("irc.example.net", source.nick());
        assertNull(source.user());
        assertNull(source.host());
    }

    @Test
    void nickAtHostWithoutUser() {
        assertEquals(new IrcSource("nick", null, "host"), IrcSource.parse("nick@host"));
    }

    @Test
    void messageAccessors() {
        IrcMessage message = new IrcMessage(Map.of("time", "x"), "a!b@c", "PRIVMSG", List.of("#chan", "hi there"));
        assertEquals("a", message.sourceNick());
        assertEquals("hi there", message.lastParam());
        assertNull(message.param(2));
        assertEquals("x", message.tag("time"));
        assertEquals(List.of("PING", "x"), List.of(IrcMessage.of("PING", "x").command(), IrcMessage.of("PING", "x").param(0)));
    }

    @Test
    void sourceNickAgreesWithFullParse() {
        for (String source : new String[] {"nick!user@host", "nick@host", "nick", "irc.example.net", "a@b!c", "a!b@c@d",
            "!odd", "@odd", ""}) {
            IrcMessage message = new IrcMessage(Map.of(), source, "PRIVMSG", List.of("#c", "x"));
            assertEquals(IrcSource.parse(source).nick(), message.sourceNick(), source);
        }
    }
}
