package org.switchboard.protocol.internal.wire;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocolException;

/**
 * Parses one line straight from its bytes: the tags are decoded as UTF-8, the rest of the line as UTF-8 when it is
 * valid UTF-8 and with the fallback charset otherwise (decided per line). Every delimiter the parser looks for is
 * ASCII, so the line is split into tokens before any of them is decoded.
 *
 * <p>Keeps scratch arrays and a small cache of tag keys, so it is not thread-safe: a connection's reader thread
 * owns one. Sources and channel names are deliberately not cached: measured on the benchmark corpus, looking them
 * up (hash, cache-missing compare) cost more than allocating fresh strings, 2.5 versus 3.2 million lines/s. Measured
 * again with a {@link TokenCache} of 1024 slots for the source and the middle parameters: it spared about 105 of
 * the 400 bytes allocated per line, yet cost 5 to 10 % more CPU time per line, so sharing those strings is left to
 * whoever keeps them (the session's member lists).
 */
public final class ByteMessageParser {

    private final Charset fallback;
    private final TokenCache tagKeys = new TokenCache(64);
    private String[] params = new String[16];
    private String[] keys = new String[8];
    private String[] values = new String[8];
    private byte[] unescaped = new byte[256];
    private final ValidUtf8Decoder utf8 = new ValidUtf8Decoder();

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
        for (; i + 8 <= to; i += 8) {
            long word = Swar.word(line, i);
            // Any byte below 0x0E (NUL, CR, LF, but also TAB) sends the word to the exact check.
            if (Swar.bytesBelowCarriageReturnPlusOne(word) != 0) {
                checkControls(line, i, i + 8);
            }
            long high = word & Swar.HIGH_BITS;
            if (high != 0) {
                if (firstHigh < 0) {
                    firstHigh = i + (Long.numberOfTrailingZeros(high) >>> 3);
                }
                lastHigh = i + 7 - (Long.numberOfLeadingZeros(high) >>> 3);
            }
        }
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
        int pos = skipSpaces(line, from, to);
        Map<String, String> tags = Map.of();
        if (pos < to && line[pos] == '@') {
            int tagsEnd = indexOfSpace(line, pos, to);
            tags = parseTags(line, pos + 1, tagsEnd, firstHigh < 0 || firstHigh >= tagsEnd);
            pos = skipSpaces(line, tagsEnd, to);
        }
        // Tokens that end before the first non-ASCII byte of the body are read as Latin-1, the cheapest decoding
        // and the same characters in every ASCII-compatible charset.
        int asciiUntil = to;
        Charset charset = StandardCharsets.ISO_8859_1;
        if (lastHigh >= pos) {
            asciiUntil = firstHigh >= pos ? firstHigh : firstNonAscii(line, pos, to);
            charset = Utf8.isValid(line, asciiUntil, to) ? StandardCharsets.UTF_8 : fallback;
        }
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
        String command = CommandNames.of(line, pos, commandEnd, charset);
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
                p[count++] = text(line, pos + 1, to, asciiUntil, charset);
                break;
            }
            int paramEnd = indexOfSpace(line, pos, to);
            p[count] = text(line, pos, paramEnd, asciiUntil, charset);
            count++;
            pos = paramEnd;
        }
        return new IrcMessage(tags, source, command, Immutables.list(p, count));
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

    private Map<String, String> parseTags(byte[] line, int from, int to, boolean ascii) {
        Charset charset = ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        int count = 0;
        int pos = from;
        while (pos < to) {
            // Each byte is looked at once: the key ends at '=' or ';', the value at ';' unless a '\\' comes first,
            // and an escape never produces a raw ';'.
            int equals = Swar.indexOfEither(line, pos, to, (byte) '=', (byte) ';');
            int entryEnd;
            boolean escaped = false;
            if (equals == to || line[equals] == ';') {
                entryEnd = equals;
            } else {
                entryEnd = Swar.indexOfEither(line, equals + 1, to, (byte) ';', (byte) '\\');
                if (entryEnd < to && line[entryEnd] == '\\') {
                    escaped = true;
                    entryEnd = Swar.indexOf(line, entryEnd, to, (byte) ';');
                }
            }
            if (equals > pos) {
                String key = ascii || isAscii(line, pos, equals) ? tagKeys.get(line, pos, equals)
                        : new String(line, pos, equals - pos, StandardCharsets.UTF_8);
                String value;
                if (equals + 1 >= entryEnd) {
                    value = "";
                } else if (!escaped) {
                    value = ascii ? latin1(line, equals + 1, entryEnd)
                            : new String(line, equals + 1, entryEnd - equals - 1, StandardCharsets.UTF_8);
                } else {
                    if (unescaped.length < entryEnd - equals) {
                        unescaped = new byte[Math.max(entryEnd - equals, unescaped.length * 2)];
                    }
                    int length = TagCodec.unescape(line, equals + 1, entryEnd, unescaped);
                    value = new String(unescaped, 0, length, charset);
                }
                int existing = Immutables.indexOf(keys, count, key);
                if (existing >= 0) {
                    values[existing] = value;
                } else {
                    if (count == keys.length) {
                        keys = Arrays.copyOf(keys, count * 2);
                        values = Arrays.copyOf(values, count * 2);
                    }
                    keys[count] = key;
                    values[count++] = value;
                }
            }
            pos = entryEnd + 1;
        }
        return Immutables.map(keys, values, count);
    }

    /** ASCII bytes as a string, through the constructor small enough to be inlined. */
    @SuppressWarnings("deprecation")
    private static String latin1(byte[] line, int from, int to) {
        return new String(line, 0, from, to - from);
    }

    /**
     * The bytes {@code [from, to)} as text; {@code asciiUntil}: bytes before this index are known to be ASCII; when
     * {@code charset} is UTF-8, the bytes from there on are known to be valid UTF-8.
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
        return charset == StandardCharsets.UTF_8 ? utf8.decode(line, from, to)
                : new String(line, from, to - from, charset);
    }

    private static int firstNonAscii(byte[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] < 0) {
                return i;
            }
        }
        return to;
    }

    private static boolean isAscii(byte[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] < 0) {
                return false;
            }
        }
        return true;
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
