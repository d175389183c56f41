package org.switchboard.protocol.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        // before anything is decoded: the count, and the last parameter's bytes (kept from the wire)
        assertEquals(fromText.params().size(), fromBytes.paramCount(), line);
        String last = fromText.lastParam();
        assertArrayEquals(last == null ? null : last.getBytes(StandardCharsets.UTF_8), fromBytes.lastParamUtf8(), line);
        assertEquals(fromText, fromBytes, "text and byte parser disagree on " + line);
        return fromText;
    }

    @Test
    void theTrailingParameterStaysTheBytesReadUntilItIsReadAsText() {
        byte[] line = ":n!u@h PRIVMSG #chan :gr\u00fc\u00dfe \u4e2d\u6587 \uD83D\uDC4D".getBytes(StandardCharsets.UTF_8);
        IrcMessage m = new ByteMessageParser(CP1252).parse(line, 0, line.length);
        byte[] text = m.lastParamUtf8();
        assertSame(text, m.lastParamUtf8(), "not encoded again");
        assertEquals("gr\u00fc\u00dfe \u4e2d\u6587 \uD83D\uDC4D", new String(text, StandardCharsets.UTF_8));
        assertEquals(2, m.paramCount());
        assertEquals("#chan", m.param(0));
        assertEquals("gr\u00fc\u00dfe \u4e2d\u6587 \uD83D\uDC4D", m.param(1));
        assertSame(m.lastParam(), m.param(1), "decoded once");
        assertEquals(List.of("#chan", m.lastParam()), m.params());
        assertNull(m.param(2));
        // a copy: the read buffer is reused for the next lines
        line[line.length - 1] = 'x';
        assertEquals("gr\u00fc\u00dfe \u4e2d\u6587 \uD83D\uDC4D", new String(m.lastParamUtf8(), StandardCharsets.UTF_8));
    }

    @Test
    void aTrailingParameterThatIsNotUtf8IsReadWithTheFallbackAndEncodedWhenAskedFor() {
        byte[] line = ":n PRIVMSG #c :caf\u00e9 \u0080".getBytes(StandardCharsets.ISO_8859_1);
        IrcMessage m = new ByteMessageParser(CP1252).parse(line, 0, line.length);
        assertEquals("caf\u00e9 \u20ac", m.lastParam(), "windows-1252");
        assertArrayEquals("caf\u00e9 \u20ac".getBytes(StandardCharsets.UTF_8), m.lastParamUtf8());
        assertSame(m.lastParamUtf8(), m.lastParamUtf8(), "encoded once");
        // invalid UTF-8 only in the trailing parameter, after a valid non-ASCII middle one
        byte[] mixed = ("PRIVMSG #\u00e9t\u00e9 :" ).getBytes(StandardCharsets.UTF_8);
        byte[] withBad = java.util.Arrays.copyOf(mixed, mixed.length + 2);
        withBad[mixed.length] = (byte) 0xE9;
        withBad[mixed.length + 1] = 'x';
        IrcMessage fallback = new ByteMessageParser(CP1252).parse(withBad, 0, withBad.length);
        assertEquals("\u00e9x", fallback.lastParam());
        assertEquals("#\u00c3\u00a9t\u00c3\u00a9", fallback.param(0), "the whole line is read with the fallback");
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
    void aMalformedTagSectionIsNoErrorAndDecodesByTheRules() {
        // The tag grammar is total, so tags are not checked when the line is parsed: a message keeps its section
        // and decodes it on first use, and every section decodes to something. Empty keys are dropped, a key
        // without '=' or with an empty value is the empty string, the last of a repeated key wins.
        IrcMessage m = parse("@;;=orphan;a=1;=;a=2;b=x=y;c=\\\\;e=\\;d;\\k=v\\ :n PRIVMSG #c :hi");
        assertEquals(Map.of("a", "2", "b", "x=y", "c", "\\", "e", "", "d", "", "\\k", "v"), m.tags());
        assertEquals("2", m.tag("a"));
        assertEquals("x=y", m.tag("b"));
        assertEquals(List.of("#c", "hi"), m.params());
        assertEquals(Map.of(), parse("@; PING x").tags());
        assertEquals(Map.of(), parse("@=;=;= PING x").tags());
    }

    @Test
    void invalidUtf8InTagsBecomesReplacementCharactersAndLeavesTheRestAlone() {
        byte[] tags = "@label=a".getBytes(StandardCharsets.UTF_8);
        byte[] rest = "b;ok=\u00e9 :n PRIVMSG #c :caf\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[tags.length + 1 + rest.length];
        System.arraycopy(tags, 0, line, 0, tags.length);
        line[tags.length] = (byte) 0xff;
        System.arraycopy(rest, 0, line, tags.length + 1, rest.length);
        IrcMessage m = new ByteMessageParser(CP1252).parse(line, 0, line.length);
        assertEquals("a\uFFFDb", m.tag("label"));
        assertEquals("\u00e9", m.tag("ok"));
        assertEquals("caf\u00e9", m.lastParam(), "the body is valid UTF-8 and read as such");
    }

    @Test
    void oneTokenThatIsNotUtf8SendsTheWholeLineToTheFallbackCharset() {
        // Valid UTF-8 in the source and a middle parameter, one CP1252 byte in the text: the line is not UTF-8, so
        // every token is read as CP1252, the earlier ones too.
        byte[] head = ":j\u00f6rg!u@h PRIVMSG #caf\u00e9 :".getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[head.length + 2];
        System.arraycopy(head, 0, line, 0, head.length);
        line[head.length] = (byte) 0x80;
        line[head.length + 1] = '5';
        IrcMessage m = new ByteMessageParser(CP1252).parse(line, 0, line.length);
        assertEquals("j\u00c3\u00b6rg!u@h", m.source());
        assertEquals(List.of("#caf\u00c3\u00a9", "\u20ac5"), m.params());

        byte[] command = {'P', 'R', (byte) 0xc9, 'V', ' ', 'x'};
        assertEquals("PR\u00c9V", new ByteMessageParser(CP1252).parse(command, 0, command.length).command());
    }

    @Test
    void eachLineChoosesItsCharsetAgain() {
        ByteMessageParser parser = new ByteMessageParser(CP1252);
        byte[] latin1 = ":n PRIVMSG #c :caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = ":n PRIVMSG #c :caf\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] rejectedAfterABadByte = {':', 'n', (byte) 0xe9, ' ', ' '};
        assertEquals("caf\u00e9", parser.parse(latin1, 0, latin1.length).lastParam());
        assertEquals("caf\u00e9", parser.parse(utf8, 0, utf8.length).lastParam());
        assertThrows(IrcProtocolException.class, () -> parser.parse(rejectedAfterABadByte, 0,
                rejectedAfterABadByte.length));
        assertEquals("caf\u00e9", parser.parse(utf8, 0, utf8.length).lastParam());
        assertEquals(new ByteMessageParser(CP1252).parse(utf8, 0, utf8.length), parser.parse(utf8, 0, utf8.length));
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
