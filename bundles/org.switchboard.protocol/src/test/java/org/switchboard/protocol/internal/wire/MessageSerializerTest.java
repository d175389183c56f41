package org.switchboard.protocol.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocolException;

class MessageSerializerTest {

    private static String serialize(IrcMessage message) {
        return MessageSerializer.serialize(message);
    }

    private static void assertRefused(IrcMessage message, String... fragments) {
        IrcProtocolException e = assertThrows(IrcProtocolException.class, () -> serialize(message));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }

    @Test
    void trailingColonOnlyWhereNeeded() {
        assertEquals("PRIVMSG #c :hello world", serialize(IrcMessage.of("PRIVMSG", "#c", "hello world")));
        assertEquals("PRIVMSG #c hello", serialize(IrcMessage.of("PRIVMSG", "#c", "hello")));
        assertEquals("PRIVMSG #c ::)", serialize(IrcMessage.of("PRIVMSG", "#c", ":)")));
        assertEquals("AWAY :", serialize(IrcMessage.of("AWAY", "")));
        assertEquals("AWAY", serialize(IrcMessage.of("AWAY")));
    }

    @Test
    void sourceAndTagsWithEscapedValuesInKeyOrder() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("z", "a;b c\\d\r\n");
        tags.put("+draft/reply", "");
        tags.put("a", "1");
        IrcMessage message = new IrcMessage(tags, "n!u@h", "TAGMSG", List.of("#c"));
        assertEquals("@+draft/reply;a=1;z=a\\:b\\sc\\\\d\\r\\n :n!u@h TAGMSG #c", serialize(message));
        assertEquals(message, TextMessageParser.parse(serialize(message)));
    }

    @Test
    void refusesLineBreaksAndNulEverywhere() {
        assertRefused(IrcMessage.of("PRIVMSG", "#c", "evil\r\nQUIT"), "parameter 2", "CR");
        assertRefused(IrcMessage.of("PRIVMSG", "#c\n", "x"), "parameter 1", "LF");
        assertRefused(IrcMessage.of("PRIVMSG", "#c", "nul\u0000"), "NUL");
        assertRefused(IrcMessage.of("PRI\rVMSG", "#c"), "command", "CR");
        assertRefused(new IrcMessage(Map.of(), "n\n", "PING", List.of()), "source", "LF");
        assertRefused(new IrcMessage(Map.of("k\r", "v"), null, "PING", List.of()), "Tag key");
        assertRefused(new IrcMessage(Map.of("k", "v\u0000"), null, "PING", List.of()), "tag \"k\"", "NUL");
    }

    @Test
    void refusesMiddleParametersThatCannotBeSent() {
        assertRefused(IrcMessage.of("MODE", "#c", "two words", "x"), "Parameter 2", "only be the last");
        assertRefused(IrcMessage.of("MODE", "", "x"), "Parameter 1");
        assertRefused(IrcMessage.of("MODE", ":x", "y"), "Parameter 1");
    }

    @Test
    void refusesUnsendableCommandsSourcesAndKeys() {
        assertRefused(IrcMessage.of(""), "command");
        assertRefused(IrcMessage.of("TWO WORDS"), "space");
        assertRefused(IrcMessage.of(":X"), "must not start");
        assertRefused(new IrcMessage(Map.of(), "", "PING", List.of()), "source");
        assertRefused(new IrcMessage(Map.of(), "a b", "PING", List.of()), "space");
        assertRefused(new IrcMessage(Map.of("a=b", "v"), null, "PING", List.of()), "Tag key");
        assertRefused(new IrcMessage(Map.of("", "v"), null, "PING", List.of()), "empty");
    }

    @Test
    void controlCodesOtherThanLineBreaksPassThrough() {
        assertEquals("PRIVMSG #c :\u0001ACTION \u0002waves\u0002\u0001",
                serialize(IrcMessage.of("PRIVMSG", "#c", "\u0001ACTION \u0002waves\u0002\u0001")));
    }
}
