package org.switchboard.protocol.internal.wire;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocolException;

/**
 * Parses one line straight from its bytes: the tags are decoded as UTF-8, the rest of the line as UTF-8 when it is
 * valid UTF-8 and with the fallback charset otherwise (decided per line). Every delimiter the parser looks for is
 * ASCII, so the line is split into tokens before any of them is decoded. The tag section stays in wire form:
 * {@link IrcMessage} decodes it when a tag is read.
 *
 * <p>Keeps scratch arrays, so it is not thread-safe: a connection's reader thread owns one. Sources and channel
 * names are deliberately not cached: measured on the benchmark corpus, looking them up (hash, cache-missing
 * compare) cost more than allocating fresh strings, 2.5 versus 3.2 million lines/s. Measured again with a
 * direct-mapped cache of 1024 slots (key bytes in one flat array) for the source and the middle parameters: it
 * spared about 105 of the 400 bytes allocated per line, yet cost 5 to 10 % more CPU time per line, so sharing those
 * strings is left to whoever keeps them (the session's member lists).
 */
public final class ByteMessageParser {

    private static final byte[] NO_BYTES = new byte[0];

    private final Charset fallback;
    private String[] params = new String[16];
    private final Utf8Decoder utf8 = new Utf8Decoder();
    /** Set while reading a line as UTF-8 when one of its tokens turns out not to be: it is read again. */
    private boolean notUtf8;

    public ByteMessageParser(Charset fallback) {
        this.fallback = fallback;
    }

    /** Parses the line in {@code [from, to)}, which holds no line terminator. */
    public IrcMessage parse(byte[] line, int from, int to) {
        return parse(line, from, to, from);
    }

    /**
     * Parses the line in {@code [from, to)}, of which the bytes before {@code plainUntil} are already known to be
     * ASCII without control characters below 0x0E: the decoder learns that while it looks for the line feed, so the
     * parser does not read those bytes a second time before splitting the line.
     */
    public IrcMessage parse(byte[] line, int from, int to, int plainUntil) {
        // One pass over the rest of the line: refuse NUL/CR/LF, and find where non-ASCII bytes are, so that the
        // common all-ASCII line needs no UTF-8 validation at all.
        int firstHigh = -1;
        int lastHigh = -1;
        int i = Math.max(from, Math.min(plainUntil, to));
        if (to - from >= 8) {
            while (i < to) {
                // The last word may overlap bytes already checked or known plain, which is cheaper than a byte
                // loop; for most lines (ASCII up to the terminator) it is the only word read here.
                int at = Math.min(i, to - 8);
                long word = Swar.word(line, at);
                // Any byte below 0x0E (NUL, CR, LF, but also TAB) sends the word to the exact check.
                if (Swar.bytesBelowCarriageReturnPlusOne(word) != 0) {
                    checkControls(line, at, at + 8);
                }
                long high = word & Swar.HIGH_BITS;
                if (high != 0) {
                    // The overlapped bytes hold no high byte before firstHigh, so this stays the first.
                    if (firstHigh < 0) {
                        firstHigh = at + (Long.numberOfTrailingZeros(high) >>> 3);
                    }
                    lastHigh = at + 7 - (Long.numberOfLeadingZeros(high) >>> 3);
                }
                i = at + 8;
            }
        } else {
            for (; i < to; i++) {
                byte b = line[i];
                if (b < 0) {
                    if (firstHigh < 0) {
                        firstHigh = i;
                    }
                    lastHigh = i;
                } else if (b == 0 || b == '\r' || b == '\n') {
                    checkControls(line, i, i + 1);
                }
            }
        }
        int pos = skipSpaces(line, from, to);
        String tags = null;
        if (pos < to && line[pos] == '@') {
            int tagsEnd = indexOfSpace(line, pos, to);
            tags = tagSection(line, pos + 1, tagsEnd, firstHigh < 0 || firstHigh >= tagsEnd);
            pos = skipSpaces(line, tagsEnd, to);
        }
        // Tokens that end before the first non-ASCII byte of the body are read as Latin-1, the cheapest decoding
        // and the same characters in every ASCII-compatible charset.
        int asciiUntil = to;
        if (lastHigh >= pos) {
            asciiUntil = firstHigh >= pos ? firstHigh : firstNonAscii(line, pos, to);
        }
        // Read as UTF-8 first, validating while decoding; a line that is not UTF-8 (rare) is read again with the
        // fallback charset, so valid lines are not scanned once more just to choose.
        IrcMessage message = parseBody(line, pos, to, asciiUntil, tags, null);
        return message != null ? message : parseBody(line, pos, to, asciiUntil, tags, fallback);
    }

    /**
     * Everything after the tags. {@code charset}: how to decode the non-ASCII bytes, {@code null} for UTF-8 if valid;
     * then the result is {@code null} when some token is not valid UTF-8.
     */
    private IrcMessage parseBody(byte[] line, int pos, int to, int asciiUntil, String tags, Charset charset) {
        notUtf8 = false;
        String source = null;
        if (pos < to && line[pos] == ':') {
            int sourceEnd = indexOfSpace(line, pos, to);
            if (sourceEnd == pos + 1) {
                throw new IrcProtocolException("Empty source");
            }
            source = text(line, pos + 1, sourceEnd, asciiUntil, charset);
            pos = skipSpaces(line, sourceEnd, to);
        }
        if (pos >= to) {
            throw new IrcProtocolException("No command");
        }
        if (line[pos] == ':' || line[pos] == '@') {
            throw new IrcProtocolException("Command starts with '" + (char) line[pos] + "'");
        }
        int commandEnd = indexOfSpace(line, pos, to);
        if (charset == null && commandEnd > asciiUntil && utf8.decode(line, pos, commandEnd) == null) {
            notUtf8 = true;
        }
        String command = CommandNames.of(line, pos, commandEnd, charset == null ? StandardCharsets.UTF_8 : charset);
        pos = commandEnd;
        String[] p = params;
        int count = 0;
        while (true) {
            pos = skipSpaces(line, pos, to);
            if (pos >= to) {
                break;
            }
            if (count == p.length) {
                p = params = Arrays.copyOf(p, count * 2);
            }
            if (line[pos] == ':') {
                if (charset == null) {
                    // The trailing parameter (a channel message's text) stays bytes: see IrcMessage.lastParamUtf8.
                    byte[] trailing = utf8Bytes(line, pos + 1, to, asciiUntil);
                    if (trailing == null) {
                        return null;
                    }
                    return notUtf8 ? null
                            : IrcMessage.parsed(tags, source, command, Immutables.list(p, count), trailing);
                }
                p[count++] = text(line, pos + 1, to, asciiUntil, charset);
                break;
            }
            int paramEnd = indexOfSpace(line, pos, to);
            p[count] = text(line, pos, paramEnd, asciiUntil, charset);
            count++;
            pos = paramEnd;
        }
        return notUtf8 ? null : IrcMessage.parsed(tags, source, command, Immutables.list(p, count));
    }

    private static void checkControls(byte[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (b == 0 || b == '\r' || b == '\n') {
                throw new IrcProtocolException("Line holds a " + (b == 0 ? "NUL" : b == '\r' ? "CR" : "LF")
                        + " character");
            }
        }
    }

    /**
     * The tag section in wire form; {@link IrcMessage} unescapes it when someone reads a tag. Tags are always UTF-8,
     * whatever the rest of the line is; invalid sequences become U+FFFD, as they would value by value, because
     * every delimiter of the section is ASCII and never part of a sequence.
     */
    @SuppressWarnings("deprecation")
    private String tagSection(byte[] line, int from, int to, boolean ascii) {
        if (ascii) {
            return new String(line, 0, from, to - from);
        }
        String decoded = utf8.decode(line, from, to);
        return decoded != null ? decoded : new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * The bytes {@code [from, to)} as text; bytes before {@code asciiUntil} are known to be ASCII. {@code charset}
     * null: UTF-8, and when the bytes are not valid UTF-8, {@link #notUtf8} is set and the result is {@code null}.
     */
    @SuppressWarnings("deprecation")
    private String text(byte[] line, int from, int to, int asciiUntil, Charset charset) {
        if (from == to) {
            return "";
        }
        if (to <= asciiUntil) {
            // For ASCII the "hibyte" constructor is exact, and unlike the general charset constructor it is small
            // enough for the JIT to inline into the parser.
            return new String(line, 0, from, to - from);
        }
        if (charset != null) {
            return new String(line, from, to - from, charset);
        }
        String decoded = utf8.decode(line, from, to);
        if (decoded == null) {
            notUtf8 = true;
        }
        return decoded;
    }

    /** A copy of {@code [from, to)}, or {@code null} when the bytes from {@code asciiUntil} on are not UTF-8. */
    private static byte[] utf8Bytes(byte[] line, int from, int to, int asciiUntil) {
        if (from == to) {
            return NO_BYTES;
        }
        if (to > asciiUntil && !Utf8Decoder.isValid(line, Math.max(from, asciiUntil), to)) {
            return null;
        }
        return Arrays.copyOfRange(line, from, to);
    }

    private static int firstNonAscii(byte[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] < 0) {
                return i;
            }
        }
        return to;
    }

    private static int skipSpaces(byte[] line, int pos, int end) {
        while (pos < end && line[pos] == ' ') {
            pos++;
        }
        return pos;
    }

    private static int indexOfSpace(byte[] line, int pos, int end) {
        return Swar.indexOf(line, pos, end, (byte) ' ');
    }
}
