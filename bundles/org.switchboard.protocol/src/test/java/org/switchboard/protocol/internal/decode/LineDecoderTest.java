package org.switchboard.protocol.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcDecoder;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;

class LineDecoderTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    static final class Collector implements IrcDecoder.Sink {
        final List<IrcMessage> messages = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        @Override
        public void message(IrcMessage message) {
            messages.add(message);
        }

        @Override
        public void malformed(String problem, String line) {
            problems.add(problem + " | " + line);
        }

        List<String> texts() {
            return messages.stream().map(IrcMessage::lastParam).toList();
        }
    }

    private final LineDecoder decoder = new LineDecoder(CP1252);
    private final Collector sink = new Collector();

    private void feed(byte[] bytes) {
        decoder.decode(ByteBuffer.wrap(bytes), sink);
    }

    @Test
    void framesOnCrLfAndBareLf() {
        feed("PING :a\r\nPING :b\nPING :c\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("a", "b", "c"), sink.texts());
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void keepsAPartialLineAcrossReads() {
        feed("PING :ab".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(), sink.messages);
        feed("cd\r".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(), sink.messages);
        feed("\nPING :x\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("abcd", "x"), sink.texts());
    }

    @Test
    void utf8SequenceSplitAcrossEveryPossibleReadBoundary() {
        byte[] line = "PRIVMSG #c :\u00e4\u20ac\uD83D\uDE00!\r\n".getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < line.length; cut++) {
            Collector collector = new Collector();
            LineDecoder fresh = new LineDecoder(CP1252);
            fresh.decode(ByteBuffer.wrap(line, 0, cut), collector);
            fresh.decode(ByteBuffer.wrap(line, cut, line.length - cut), collector);
            assertEquals(List.of("\u00e4\u20ac\uD83D\uDE00!"), collector.texts(), "cut at " + cut);
        }
    }

    @Test
    void controlCharacterIsFoundWhereverTheReadsSplitTheLine() {
        // The decoder tells the parser which leading bytes it has already seen to be plain ASCII; a NUL in any
        // position, before or after any read boundary, must still reject exactly that line.
        String text = "PRIVMSG #channel :some ordinary text that is long enough for several words";
        for (int at = 18; at < text.length(); at += 5) {
            byte[] line = (text.substring(0, at) + "\u0000" + text.substring(at) + "\r\nPING :next\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int cut = 1; cut < line.length; cut += 3) {
                Collector collector = new Collector();
                LineDecoder fresh = new LineDecoder(CP1252);
                fresh.decode(ByteBuffer.wrap(line, 0, cut), collector);
                fresh.decode(ByteBuffer.wrap(line, cut, line.length - cut), collector);
                assertEquals(List.of("next"), collector.texts(), "NUL at " + at + ", cut at " + cut);
                assertEquals(1, collector.problems.size(), "NUL at " + at + ", cut at " + cut);
                assertTrue(collector.problems.get(0).startsWith("Line holds a NUL"), collector.problems.get(0));
            }
        }
    }

    @Test
    void nonAsciiTextIsFoundWhereverTheReadsSplitTheLine() {
        String expected = "plain words first, then gr\u00fc\u00dfe and \uD83D\uDC4D at the end";
        String text = ":nick!user@host PRIVMSG #channel :" + expected;
        byte[] line = (text + "\r\n" + text + "\r\n").getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < line.length; cut++) {
            Collector collector = new Collector();
            LineDecoder fresh = new LineDecoder(CP1252);
            fresh.decode(ByteBuffer.wrap(line, 0, cut), collector);
            fresh.decode(ByteBuffer.wrap(line, cut, line.length - cut), collector);
            assertEquals(List.of(expected, expected), collector.texts(), "cut at " + cut);
        }
    }

    @Test
    void byteByByteFeedingGivesTheSameMessages() {
        byte[] stream = ("@time=2020-01-01T00:00:00Z :a!b@c PRIVMSG #x :\u00fcber\r\n"
                + ":s 353 me = #x :@a +b c\n").getBytes(StandardCharsets.UTF_8);
        for (byte b : stream) {
            decoder.decode(ByteBuffer.wrap(new byte[] {b}), sink);
        }
        assertEquals(2, sink.messages.size());
        assertEquals("\u00fcber", sink.messages.get(0).lastParam());
        assertEquals("2020-01-01T00:00:00Z", sink.messages.get(0).tag("time"));
        assertEquals("353", sink.messages.get(1).command());
    }

    @Test
    void fallbackIsDecidedPerLine() {
        byte[] latin = "PRIVMSG #c :caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "PRIVMSG #c :caf\u00e9\r\n".getBytes(StandardCharsets.UTF_8);
        feed(latin);
        feed(utf8);
        feed(latin);
        assertEquals(List.of("caf\u00e9", "caf\u00e9", "caf\u00e9"), sink.texts());
    }

    @Test
    void emptyLinesAreSkippedSilently() {
        feed("\r\n\n\r\nPING x\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("x"), sink.texts());
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void malformedLineIsReportedAndTheNextStillDecodes() {
        feed(":onlysource\r\nPING :ok\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("ok"), sink.texts());
        assertEquals(1, sink.problems.size());
        assertTrue(sink.problems.get(0).contains("No command"), sink.problems.get(0));
        assertTrue(sink.problems.get(0).contains(":onlysource"), sink.problems.get(0));
    }

    @Test
    void longestAllowedLineIsAccepted() {
        String prefix = "PRIVMSG #c :";
        int textLength = IrcProtocol.MAX_INCOMING_LINE_BYTES - prefix.length() - 2;
        String text = "x".repeat(textLength);
        feed((prefix + text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(text), sink.texts());
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void overlongLineIsDroppedReportedAndTheStreamRecovers() {
        String prefix = "PRIVMSG #c :";
        String text = "y".repeat(IrcProtocol.MAX_INCOMING_LINE_BYTES - prefix.length() - 1);
        byte[] overlong = (prefix + text + "\r\n").getBytes(StandardCharsets.US_ASCII);
        // Fed in small reads, the way a socket delivers it, followed by a good line.
        ByteBuffer stream = ByteBuffer.wrap((new String(overlong, StandardCharsets.US_ASCII) + "PING :after\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        while (stream.hasRemaining()) {
            ByteBuffer chunk = stream.slice();
            chunk.limit(Math.min(1000, chunk.remaining()));
            decoder.decode(chunk, sink);
            stream.position(stream.position() + chunk.position());
        }
        assertEquals(List.of("after"), sink.texts());
        assertEquals(1, sink.problems.size());
        assertTrue(sink.problems.get(0).startsWith("Line longer than 8703 bytes"), sink.problems.get(0));
    }

    @Test
    void endlessLineWithoutTerminatorNeverGrowsTheBuffer() {
        byte[] junk = new byte[64 * 1024];
        java.util.Arrays.fill(junk, (byte) 'z');
        for (int i = 0; i < 50; i++) {
            feed(junk);
        }
        feed("\r\nPING :alive\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("alive"), sink.texts());
        assertEquals(1, sink.problems.size());
    }

    @Test
    void consumesEveryByteOfTheInput() {
        ByteBuffer input = ByteBuffer.wrap("PING a\r\nPING b".getBytes(StandardCharsets.US_ASCII));
        decoder.decode(input, sink);
        assertEquals(0, input.remaining());
    }

    @Test
    void directBuffersWork() {
        byte[] bytes = "PING :direct\r\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        decoder.decode(direct, sink);
        assertEquals(List.of("direct"), sink.texts());
    }

    @Test
    void aThrowingSinkLosesNoOtherLine() {
        List<String> seen = new ArrayList<>();
        IrcDecoder.Sink flaky = new IrcDecoder.Sink() {
            @Override
            public void message(IrcMessage message) {
                seen.add(message.lastParam());
                if (message.lastParam().equals("boom")) {
                    throw new IllegalStateException("listener bug");
                }
            }

            @Override
            public void malformed(String problem, String line) {
                throw new AssertionError(problem);
            }
        };
        ByteBuffer input = ByteBuffer.wrap("PING a\r\nPING boom\r\nPING c\r\nPING d".getBytes(StandardCharsets.US_ASCII));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> decoder.decode(input, flaky));
        decoder.decode(ByteBuffer.wrap("e\r\n".getBytes(StandardCharsets.US_ASCII)), flaky);
        assertEquals(List.of("a", "boom", "c", "de"), seen);
    }
}
