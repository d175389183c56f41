package org.switchboard.protocol.internal.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcDecoder;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.IrcProtocolException;
import org.switchboard.protocol.internal.IrcProtocolComponent;

/**
 * Random and mutated lines through parse, serialise and parse again, and the same lines as bytes through a decoder
 * in random read sizes. Properties: nothing but {@link IrcProtocolException} escapes parse/serialise; a parsed
 * message serialises and re-parses to an equal message and the same line; the decoder never throws and agrees
 * with the text parser line for line.
 *
 * <p>Deterministic (fixed seeds). {@code -Dswitchboard.fuzz.lines=N} runs more lines (default 2,000,000),
 * {@code -Dswitchboard.fuzz.seed=S} another seed.
 */
class RoundTripFuzzTest {

    private static final int LINES = Integer.getInteger("switchboard.fuzz.lines", 2_000_000);
    private static final long SEED = Long.getLong("switchboard.fuzz.seed", 0x5B0A2Dl);
    private static final Duration HANG_GUARD = Duration.ofMinutes(5);

    private static final String[] CORPUS = {
        "@time=2024-05-01T10:11:12.345Z;msgid=AbC123;account=alice :alice!~a@host.example PRIVMSG #chan :hello there",
        ":bob!b@gateway/web/x PRIVMSG #chan :\u0001ACTION waves\u0001",
        ":irc.example.net 353 me = #chan :@alice +bob carol ~dave",
        ":irc.example.net 005 me CHANTYPES=# PREFIX=(ov)@+ NETWORK=Ex\\x20Net :are supported by this server",
        ":nick!user@host JOIN #chan account :Real Name",
        ":nick!user@host PART #chan :bye bye",
        ":nick!user@host QUIT :Quit: leaving",
        ":old NICK new",
        "PING :irc.example.net",
        "@+draft/reply=abc;+typing=active TAGMSG #chan",
        "@a=b\\\\and\\nk;c=72\\s45;d=gh\\:764 foo",
        ":s MODE #c +ov-b a b *!*@x",
        ":gravel.mozilla.org 432  #momo :Erroneous Nickname: Illegal characters",
        "CAP * LS :multi-prefix sasl=PLAIN,EXTERNAL server-time",
        ":s 001 me :Welcome to the \u00dcbernet \uD83D\uDE00",
    };

    private static final char[] COMMON = {' ', ' ', ' ', ':', ':', '@', ';', '=', '\\', '!', '.', '#', 'a', 'b',
        'Z', '0', '9', 's', 'n', 'r', '+', '/', '\t', '\u0001', '\u0002', '\u0003', '\u00e9', '\u20ac'};
    private static final char[] RARE = {'\r', '\n', '\u0000', '\uD800', '\uDC00'};

    private final IrcProtocol protocol = new IrcProtocolComponent();

    @Test
    void parseSerialiseParseIsStableAndDecoderAgrees() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Random random = new Random(SEED);
            IrcDecoder decoder = protocol.newDecoder(Charset.forName("windows-1252"));
            List<String> batch = new ArrayList<>();
            int parsed = 0;
            for (int i = 0; i < LINES; i++) {
                String line = random.nextInt(3) == 0 ? mutate(random) : generate(random);
                if (checkRoundTrip(line)) {
                    parsed++;
                }
                if (decodable(line)) {
                    batch.add(line);
                }
                if (batch.size() == 2000) {
                    checkDecoder(decoder, batch, random);
                    batch.clear();
                }
            }
            checkDecoder(decoder, batch, random);
            // Both outcomes must be exercised, or the generator has drifted into testing nothing.
            assertTrue(parsed > LINES / 10, "parsed " + parsed);
            assertTrue(parsed < LINES - LINES / 20, "parsed " + parsed);
        });
    }

    /** True when the line parsed. */
    private boolean checkRoundTrip(String line) {
        IrcMessage first;
        try {
            first = protocol.parse(line);
        } catch (IrcProtocolException expected) {
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError("parse threw on " + line, e);
        }
        String serialised;
        try {
            serialised = protocol.serialize(first);
        } catch (RuntimeException e) {
            throw new AssertionError("a parsed message must serialise: " + first + " from " + line, e);
        }
        IrcMessage second = protocol.parse(serialised);
        assertEquals(first, second, () -> "round trip changed " + line);
        assertEquals(serialised, protocol.serialize(second));
        return true;
    }

    private static boolean decodable(String line) {
        // A CR right before the terminator is part of the terminator on the wire, so such a line cannot
        // reach a decoder as itself.
        if (line.isEmpty() || line.indexOf('\n') >= 0 || line.endsWith("\r")) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < line.length()
                        && Character.isLowSurrogate(line.charAt(i + 1));
                if (!pair) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private void checkDecoder(IrcDecoder decoder, List<String> lines, Random random) {
        List<Object> expected = new ArrayList<>();
        StringBuilder stream = new StringBuilder();
        for (String line : lines) {
            try {
                expected.add(protocol.parse(line));
            } catch (IrcProtocolException e) {
                expected.add("malformed");
            }
            stream.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
        }
        List<Object> actual = new ArrayList<>();
        IrcDecoder.Sink sink = new IrcDecoder.Sink() {
            @Override
            public void message(IrcMessage message) {
                actual.add(message);
            }

            @Override
            public void malformed(String problem, String line) {
                failOnParserCrash(problem, line);
                actual.add("malformed");
            }
        };
        ByteBuffer bytes = ByteBuffer.wrap(stream.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            ByteBuffer chunk = bytes.slice();
            chunk.limit(Math.min(chunk.remaining(), 1 + random.nextInt(random.nextBoolean() ? 8 : 4096)));
            decoder.decode(chunk, sink);
            bytes.position(bytes.position() + chunk.position());
        }
        if (!expected.equals(actual)) {
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                if (!expected.get(i).equals(actual.get(i))) {
                    fail("decoder disagrees on " + lines.get(i) + ": " + expected.get(i) + " vs " + actual.get(i));
                }
            }
            fail("decoder produced " + actual.size() + " results for " + expected.size() + " lines");
        }
    }

    /**
     * The decoder turns any exception of the parser into a skipped line, so that a bug costs one line and not the
     * reader thread; here a crash must fail the test, since only refusals (IrcProtocolException) are expected.
     */
    private static void failOnParserCrash(String problem, String line) {
        if (problem.startsWith("Parser failure")) {
            fail(problem + " on " + line);
        }
    }

    @Test
    void randomBytesNeverBreakTheDecoder() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Random random = new Random(SEED + 1);
            IrcDecoder decoder = protocol.newDecoder(StandardCharsets.ISO_8859_1);
            int[] counts = new int[2];
            IrcDecoder.Sink sink = new IrcDecoder.Sink() {
                @Override
                public void message(IrcMessage message) {
                    counts[0]++;
                    // Whatever a server sent, a message we accepted can be written out and read back unchanged.
                    assertEquals(message, protocol.parse(protocol.serialize(message)));
                }

                @Override
                public void malformed(String problem, String line) {
                    failOnParserCrash(problem, line);
                    counts[1]++;
                }
            };
            byte[] chunk = new byte[4096];
            for (int round = 0; round < 3000; round++) {
                int length = 1 + random.nextInt(chunk.length);
                for (int i = 0; i < length; i++) {
                    int kind = random.nextInt(20);
                    chunk[i] = (byte) (kind == 0 ? '\n' : kind < 4 ? ' ' : kind < 6 ? ':' : kind < 7 ? '@'
                            : kind < 12 ? 'a' + random.nextInt(26) : random.nextInt(256));
                }
                decoder.decode(ByteBuffer.wrap(chunk, 0, length), sink);
            }
            assertTrue(counts[0] > 1000 && counts[1] > 1000, counts[0] + " messages, " + counts[1] + " malformed");
        });
    }

    private static String generate(Random random) {
        StringBuilder line = new StringBuilder(64);
        if (random.nextInt(3) == 0) {
            line.append('@');
            int tags = random.nextInt(4);
            for (int i = 0; i <= tags; i++) {
                if (i > 0) {
                    line.append(';');
                }
                line.append(token(random, 6));
                if (random.nextBoolean()) {
                    line.append('=').append(token(random, 10));
                }
            }
            line.append(spaces(random));
        }
        if (random.nextBoolean()) {
            line.append(':').append(token(random, 12)).append(spaces(random));
        }
        switch (random.nextInt(4)) {
            case 0: line.append(CORPUS_COMMANDS[random.nextInt(CORPUS_COMMANDS.length)]); break;
            case 1: line.append(random.nextInt(1000)); break;
            default: line.append(token(random, 8));
        }
        int params = random.nextInt(random.nextInt(10) == 0 ? 30 : 5);
        for (int i = 0; i < params; i++) {
            line.append(spaces(random)).append(token(random, 8));
        }
        if (random.nextBoolean()) {
            line.append(spaces(random)).append(':').append(token(random, 20));
        }
        if (random.nextInt(8) == 0) {
            line.append(spaces(random));
        }
        return line.toString();
    }

    private static final String[] CORPUS_COMMANDS = {"PRIVMSG", "notice", "JOIN", "Mode", "CAP", "353", "005"};

    private static String spaces(Random random) {
        return random.nextInt(6) == 0 ? "  " : " ";
    }

    private static String token(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(character(random));
        }
        return token.toString();
    }

    private static String character(Random random) {
        int roll = random.nextInt(1000);
        if (roll < 3) {
            return String.valueOf(RARE[random.nextInt(RARE.length)]);
        }
        if (roll < 20) {
            return new String(Character.toChars(0x1F600 + random.nextInt(80)));
        }
        if (roll < 40) {
            return String.valueOf((char) (0x100 + random.nextInt(0xD000)));
        }
        if (roll < 500) {
            return String.valueOf(COMMON[random.nextInt(COMMON.length)]);
        }
        return String.valueOf((char) ('!' + random.nextInt(94)));
    }

    private static String mutate(Random random) {
        StringBuilder line = new StringBuilder(CORPUS[random.nextInt(CORPUS.length)]);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && line.length() > 0; m++) {
            int at = random.nextInt(line.length());
            switch (random.nextInt(5)) {
                case 0: line.deleteCharAt(at); break;
                case 1: line.insert(at, character(random)); break;
                case 2: line.setCharAt(at, character(random).charAt(0)); break;
                case 3: line.setLength(at); break;
                default:
                    int end = Math.min(line.length(), at + random.nextInt(10));
                    line.insert(at, line.substring(at, end));
            }
        }
        return line.toString();
    }
}
