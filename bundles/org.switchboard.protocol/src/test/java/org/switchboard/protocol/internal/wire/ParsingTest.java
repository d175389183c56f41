package org.switchboard.protocol.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocolException;

/** Every case runs through both parsers (text and bytes), which must agree. */
class ParsingTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    static IrcMessage parse(String line) {
        IrcMessage fromText = TextMessageParser.parse(line);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        IrcMessage fromBytes = new ByteMessageParser(CP1252).parse(bytes, 0, bytes.length);
        assertEquals(fromText, fromBytes, "text and byte parser disagree on " + line);
        return fromText;
    }

    static void assertRejected(String line, String problem) {
        IrcProtocolException text = assertThrows(IrcProtocolException.class, () -> TextMessageParser.parse(line));
        assertTrue(text.getMessage().contains(problem), text.getMessage());
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        IrcProtocolException fromBytes = assertThrows(IrcProtocolException.class,
                () -> new ByteMessageParser(CP1252).parse(bytes, 0, bytes.length));
        assertTrue(fromBytes.getMessage().contains(problem), fromBytes.getMessage());
    }

    @Test
    void fullPrivmsgWithTags() {
        IrcMessage m = parse("@time=2024-01-02T03:04:05.678Z;msgid=abc :nick!~user@host.example PRIVMSG #chan :hello world");
        assertEquals(Map.of("time", "2024-01-02T03:04:05.678Z", "msgid", "abc"), m.tags());
        assertEquals("nick!~user@host.example", m.source());
        assertEquals("PRIVMSG", m.command());
        assertEquals(List.of("#chan", "hello world"), m.params());
    }

    @Test
    void tagEscapesAreUnescaped() {
        IrcMessage m = parse("@a=semi\\:colon;b=sp\\sace;c=back\\\\slash;d=cr\\rlf\\n CMD");
        assertEquals("semi;colon", m.tag("a"));
        assertEquals("sp ace", m.tag("b"));
        assertEquals("back\\slash", m.tag("c"));
        assertEquals("cr\rlf\n", m.tag("d"));
    }

    @Test
    void unknownEscapeDropsBackslashAndTrailingBackslashVanishes() {
        IrcMessage m = parse("@a=x\\yz;b=end\\ CMD");
        assertEquals("xyz", m.tag("a"));
        assertEquals("end", m.tag("b"));
    }

    @Test
    void duplicateTagLastWinsAndEmptyFormsAreEqual() {
        IrcMessage m = parse("@k=1;k=2;flag;empty=;vendor.example/k=3;+draft/reply=xyz CMD");
        assertEquals("2", m.tag("k"));
        assertEquals("", m.tag("flag"));
        assertEquals("", m.tag("empty"));
        assertEquals("3", m.tag("vendor.example/k"));
        assertEquals("xyz", m.tag("+draft/reply"));
        assertEquals(5, m.tags().size());
    }

    @Test
    void tagsAreUtf8EvenWhenTheRestIsNot() {
        byte[] tags = "@label=\u00e9t\u00e9 ".getBytes(StandardCharsets.UTF_8);
        byte[] rest = ":n PRIVMSG #c :caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        byte[] line = new byte[tags.length + rest.length];
        System.arraycopy(tags, 0, line, 0, tags.length);
        System.arraycopy(rest, 0, line, tags.length, rest.length);
        IrcMessage m = new ByteMessageParser(CP1252).parse(line, 0, line.length);
        assertEquals("\u00e9t\u00e9", m.tag("label"));
        assertEquals("caf\u00e9", m.lastParam());
    }

    @Test
    void invalidUtf8LineFallsBackToConfiguredCharset() {
        byte[] line = ":n PRIVMSG #c :\u20ac5".getBytes(CP1252);
        assertEquals("\u20ac5", new ByteMessageParser(CP1252).parse(line, 0, line.length).lastParam());
        assertEquals("\u00805", new ByteMessageParser(StandardCharsets.ISO_8859_1).parse(line, 0, line.length)
                .lastParam());
    }

    @Test
    void validUtf8IsReadAsUtf8() {
        assertEquals("gr\u00fc\u00df \uD83D\uDE00", parse(":n PRIVMSG #c :gr\u00fc\u00df \uD83D\uDE00").lastParam());
    }

    @Test
    void sourceForms() {
        assertEquals("irc.example.net", parse(":irc.example.net 001 me :Welcome").source());
        assertEquals("n!u@odd/host:with::colons", parse(":n!u@odd/host:with::colons QUIT").source());
        assertNull(parse("PING :x").source());
    }

    @Test
    void commandIsUpperCasedAndShared() {
        IrcMessage m = parse(":n privmsg #c :x");
        assertEquals("PRIVMSG", m.command());
        assertSame("PRIVMSG", m.command());
        assertEquals("FOO", parse("foo").command());
        assertSame(parse(":s 353 me = #c :a b").command(), parse(":s 353 me = #d :c").command());
        assertEquals("005", parse(":s 005 me A=1 :are supported").command());
    }

    @Test
    void severalSpacesAndTrailingSpacesSeparateNothing() {
        assertEquals(List.of("#foo-bar", "+o", "foobar"), parse(":s MODE   #foo-bar  +o foobar  ").params());
        assertEquals(List.of(), parse(":src AWAY ").params());
        assertEquals(List.of("x"), parse("   PING x").params());
    }

    @Test
    void emptyTrailingParameterDiffersFromNone() {
        assertEquals(List.of(""), parse(":src AWAY :").params());
        assertEquals(List.of(), parse(":src AWAY").params());
    }

    @Test
    void colonsInsideTrailingAndMiddleParameters() {
        assertEquals(List.of("a:b", ":x :y"), parse("CMD a:b ::x :y").params());
        assertEquals(List.of("bar", "lol :) "), parse(":coolguy PRIVMSG bar :lol :) ").params());
    }

    @Test
    void moreThanFifteenParameters() {
        StringBuilder line = new StringBuilder("CMD");
        for (int i = 0; i < 40; i++) {
            line.append(' ').append('p').append(i);
        }
        line.append(" :last one");
        List<String> params = parse(line.toString()).params();
        assertEquals(41, params.size());
        assertEquals("p17", params.get(17));
        assertEquals("last one", params.get(40));
    }

    @Test
    void manyTags() {
        StringBuilder line = new StringBuilder("@");
        for (int i = 0; i < 20; i++) {
            line.append(i == 0 ? "" : ";").append("k").append(i).append('=').append(i);
        }
        IrcMessage m = parse(line.append(" CMD").toString());
        assertEquals(20, m.tags().size());
        assertEquals("19", m.tag("k19"));
    }

    @Test
    void malformedLinesAreRejectedWithAReason() {
        assertRejected("", "No command");
        assertRejected("   ", "No command");
        assertRejected("@a=b", "No command");
        assertRejected(":source", "No command");
        assertRejected(":source   ", "No command");
        assertRejected(": CMD", "Empty source");
        assertRejected(":s :CMD", "starts with ':'");
        assertRejected("@a=b @CMD", "starts with '@'");
        assertRejected("PRIVMSG #c :a\u0000b", "NUL");
        assertRejected("PRIVMSG #c :a\rb", "CR");
        assertRejected("PRIVMSG #c :a\nb", "LF");
    }
}
