package org.switchboard.protocol.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocolException;
import org.switchboard.protocol.internal.wire.MessageSerializer;

class MessageSplitterTest {

    private static final String ME = "nick!~user@host.example.com";

    /** Bytes of the line the server relays to others, with our prefix, the text colon servers add, and CRLF. */
    private static int relayedBytes(IrcMessage part, String source) {
        MessageSerializer.serialize(part);
        String relayed = ":" + source + " " + part.command() + " " + part.param(0) + " :" + part.param(1) + "\r\n";
        return relayed.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String words(int count) {
        Random random = new Random(count);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append("word").append(random.nextInt(100000));
        }
        return text.toString();
    }

    @Test
    void shortMessageIsReturnedAsIs() {
        IrcMessage message = IrcMessage.of("PRIVMSG", "#c", "hello");
        List<IrcMessage> parts = MessageSplitter.split(message, ME, 512);
        assertEquals(1, parts.size());
        assertSame(message, parts.get(0));
    }

    @Test
    void longMessageSplitsAtWordsAndEveryPartFits() {
        String text = words(300);
        List<IrcMessage> parts = MessageSplitter.split(IrcMessage.of("PRIVMSG", "#channel", text), ME, 512);
        assertTrue(parts.size() > 3, "parts: " + parts.size());
        for (IrcMessage part : parts) {
            assertTrue(relayedBytes(part, ME) <= 512, part.toString());
            assertEquals("#channel", part.param(0));
            String partText = part.param(1);
            assertTrue(!partText.startsWith(" ") && !partText.endsWith(" "), partText);
        }
        assertEquals(text, parts.stream().map(p -> p.param(1)).collect(Collectors.joining(" ")));
        // Each part but the last should be nearly full: word splitting must not waste lines.
        assertTrue(relayedBytes(parts.get(0), ME) > 480);
    }

    @Test
    void neverSplitsInsideAUtf8Sequence() {
        String text = "\u00e4\u20ac\uD83D\uDE00".repeat(200);
        List<IrcMessage> parts = MessageSplitter.split(IrcMessage.of("PRIVMSG", "#c", text), ME, 512);
        StringBuilder joined = new StringBuilder();
        for (IrcMessage part : parts) {
            String partText = part.param(1);
            assertTrue(relayedBytes(part, ME) <= 512);
            assertTrue(partText.indexOf('\uFFFD') < 0, "broken sequence in " + partText);
            joined.append(partText);
        }
        assertEquals(text, joined.toString());
    }

    @Test
    void actionPartsKeepTheirFraming() {
        String text = "\u0001ACTION " + words(200) + "\u0001";
        List<IrcMessage> parts = MessageSplitter.split(IrcMessage.of("PRIVMSG", "#c", text), ME, 512);
        assertTrue(parts.size() > 1);
        StringBuilder body = new StringBuilder();
        for (IrcMessage part : parts) {
            String partText = part.param(1);
            assertTrue(partText.startsWith("\u0001ACTION ") && partText.endsWith("\u0001"), partText);
            assertTrue(relayedBytes(part, ME) <= 512);
            body.append(body.length() == 0 ? "" : " ").append(partText, 8, partText.length() - 1);
        }
        assertEquals(words(200), body.toString());
    }

    @Test
    void unknownSourceAssumesTheLongestPrefix() {
        String text = words(150);
        String longSource = "n".repeat(30) + "!" + "u".repeat(10) + "@" + "h".repeat(63);
        for (IrcMessage part : MessageSplitter.split(IrcMessage.of("NOTICE", "bob", text), null, 512)) {
            assertTrue(relayedBytes(part, longSource) <= 512);
        }
        for (IrcMessage part : MessageSplitter.split(IrcMessage.of("NOTICE", "bob", text), "nick", 512)) {
            assertTrue(relayedBytes(part, "nick!" + "u".repeat(10) + "@" + "h".repeat(63)) <= 512);
        }
    }

    @Test
    void wordLongerThanALineIsCutHard() {
        String text = "x".repeat(1200);
        List<IrcMessage> parts = MessageSplitter.split(IrcMessage.of("PRIVMSG", "#c", text), ME, 512);
        assertEquals(3, parts.size());
        assertEquals(text, parts.stream().map(p -> p.param(1)).collect(Collectors.joining()));
        assertEquals(512, relayedBytes(parts.get(0), ME));
    }

    @Test
    void largerLinelenGivesLongerParts() {
        String text = words(300);
        assertTrue(MessageSplitter.split(IrcMessage.of("PRIVMSG", "#c", text), ME, 2048).size()
                < MessageSplitter.split(IrcMessage.of("PRIVMSG", "#c", text), ME, 512).size());
    }

    @Test
    void otherCommandsAreLeftAlone() {
        IrcMessage join = IrcMessage.of("JOIN", "#" + "x".repeat(600));
        assertEquals(List.of(join), MessageSplitter.split(join, ME, 512));
    }

    @Test
    void noRoomForTextIsAClearError() {
        IrcMessage message = IrcMessage.of("PRIVMSG", "#" + "c".repeat(500), "some text " + "y".repeat(100));
        IrcProtocolException e = assertThrows(IrcProtocolException.class, () -> MessageSplitter.split(message, ME, 512));
        assertTrue(e.getMessage().contains("no room"), e.getMessage());
    }

    @Test
    void hardCutNeverSeparatesAColourCodeFromItsDigits() {
        byte[] colour = "abc\u000312,04def".getBytes(StandardCharsets.US_ASCII);
        for (int end = 4; end <= 9; end++) {
            assertEquals(3, MessageSplitter.outsideColourCode(colour, 0, end), "cut at " + end);
        }
        assertEquals(10, MessageSplitter.outsideColourCode(colour, 0, 10));
        byte[] hex = "ab\u0004FF00FF,00FF00xyz".getBytes(StandardCharsets.US_ASCII);
        assertEquals(2, MessageSplitter.outsideColourCode(hex, 0, 10));
        assertEquals(2, MessageSplitter.outsideColourCode(hex, 0, 16));
        assertEquals(18, MessageSplitter.outsideColourCode(hex, 0, 18));
        byte[] plain = "plain text 1234".getBytes(StandardCharsets.US_ASCII);
        assertEquals(14, MessageSplitter.outsideColourCode(plain, 0, 14));
    }

    @Test
    void colouredLongWordSplitsBeforeTheCode() {
        String text = "x".repeat(400) + "\u000304,12" + "y".repeat(300);
        // 446 bytes leave 403 for text after ":nick!~user@host.example.com PRIVMSG #c :" and CRLF: a plain
        // hard cut would fall between "\x0304" and ",12".
        List<IrcMessage> parts = MessageSplitter.split(IrcMessage.of("PRIVMSG", "#c", text), ME, 446);
        assertEquals(text, parts.stream().map(p -> p.param(1)).collect(Collectors.joining()));
        assertEquals("x".repeat(400), parts.get(0).param(1));
        assertTrue(parts.get(1).param(1).startsWith("\u000304,12y"), parts.get(1).param(1));
    }
}
