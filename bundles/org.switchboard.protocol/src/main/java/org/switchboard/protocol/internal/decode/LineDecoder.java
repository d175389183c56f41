package org.switchboard.protocol.internal.decode;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.switchboard.api.irc.IrcDecoder;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.IrcProtocolException;
import org.switchboard.protocol.internal.wire.ByteMessageParser;
import org.switchboard.protocol.internal.wire.Printable;
import org.switchboard.protocol.internal.wire.Swar;

/**
 * Frames a byte stream into lines and parses each. The buffer has a fixed size of
 * {@link IrcProtocol#MAX_INCOMING_LINE_BYTES}: a line (terminator included) that does not fit is reported once and
 * then skipped up to its end, so a hostile or broken server can never make the buffer grow.
 */
public final class LineDecoder implements IrcDecoder {

    private static final int SHOWN_PREFIX_BYTES = 200;
    private static final int NOT_YET = Integer.MAX_VALUE;

    private final byte[] buffer = new byte[IrcProtocol.MAX_INCOMING_LINE_BYTES];
    private final ByteMessageParser parser;
    private final Charset fallback;
    /** Bytes of the current partial line held at the start of {@link #buffer}. */
    private int held;
    /** How many of the held bytes are known to hold no LF (all of them, unless a sink threw mid-read). */
    private int scanned;
    /**
     * Where the line being scanned stops being known plain ASCII (see {@link #findLineFeed}); {@link #NOT_YET}
     * while every byte so far was.
     */
    private int plainUntil;
    /** {@link #plainUntil} of the held partial line, relative to the buffer start; valid while scanned == held. */
    private int heldPlainUntil = NOT_YET;
    /** True while skipping the rest of an overlong line. */
    private boolean discarding;

    public LineDecoder(Charset fallback) {
        this.fallback = fallback;
        this.parser = new ByteMessageParser(fallback);
    }

    @Override
    public void decode(ByteBuffer input, Sink sink) {
        while (input.hasRemaining()) {
            if (discarding && !skipToLineEnd(input)) {
                return;
            }
            int count = Math.min(input.remaining(), buffer.length - held);
            input.get(buffer, held, count);
            int end = held + count;
            int lineStart = 0;
            byte[] bytes = buffer;
            boolean completed = false;
            try {
                plainUntil = scanned > 0 ? heldPlainUntil : NOT_YET;
                for (int lf; (lf = findLineFeed(bytes, Math.max(lineStart, scanned), end)) >= 0; ) {
                    int start = lineStart;
                    int plain = plainUntil;
                    lineStart = lf + 1;
                    plainUntil = NOT_YET;
                    emit(start, lf, plain, sink);
                }
                completed = true;
            } finally {
                // Also when the sink throws: the line it got is consumed, the rest stays for the next call.
                held = end - lineStart;
                scanned = completed ? held : 0;
                heldPlainUntil = plainUntil == NOT_YET ? NOT_YET : plainUntil - lineStart;
                if (lineStart > 0 && held > 0) {
                    System.arraycopy(bytes, lineStart, bytes, 0, held);
                }
            }
            if (held == buffer.length) {
                sink.malformed("Line longer than " + IrcProtocol.MAX_INCOMING_LINE_BYTES + " bytes dropped",
                        Printable.quote(new String(bytes, 0, SHOWN_PREFIX_BYTES, StandardCharsets.UTF_8)));
                held = 0;
                scanned = 0;
                discarding = true;
            }
        }
    }

    /**
     * Index of the first LF in {@code [from, to)}, or -1; eight bytes at a time. On the way it notes in
     * {@link #plainUntil} where the current line stops being plain ASCII (no byte below 0x0E, none above 0x7F), so
     * that the parser can skip its own check of those bytes: for most lines that is all but the last word.
     */
    private int findLineFeed(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = Swar.wordAt(bytes, i);
            // A LF is below 0x0E, so only unusual words need the exact test.
            if (Swar.unusualBytes(word) != 0) {
                if (plainUntil == NOT_YET) {
                    plainUntil = i;
                }
                long lineFeeds = Swar.lineFeeds(word);
                if (lineFeeds != 0) {
                    return i + (Long.numberOfTrailingZeros(lineFeeds) >>> 3);
                }
            }
        }
        if (i < to && plainUntil == NOT_YET) {
            plainUntil = i;
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves past the next LF; false when the input ended first. */
    private boolean skipToLineEnd(ByteBuffer input) {
        int limit = input.limit();
        for (int i = input.position(); i < limit; i++) {
            if (input.get(i) == '\n') {
                input.position(i + 1);
                discarding = false;
                return true;
            }
        }
        input.position(limit);
        return false;
    }

    private void emit(int from, int lineFeed, int plain, Sink sink) {
        int to = lineFeed > from && buffer[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
        if (to == from) {
            return;
        }
        IrcMessage message;
        try {
            message = parser.parse(buffer, from, to, plain);
        } catch (IrcProtocolException e) {
            sink.malformed(e.getMessage(), Printable.quote(lineText(from, to)));
            return;
        } catch (RuntimeException e) {
            // A parser bug must cost one line, not the connection's reader thread.
            sink.malformed("Parser failure: " + e, Printable.quote(lineText(from, to)));
            return;
        }
        sink.message(message);
    }

    private String lineText(int from, int to) {
        byte[] copy = java.util.Arrays.copyOfRange(buffer, from, to);
        String utf8 = new String(copy, StandardCharsets.UTF_8);
        return utf8.indexOf('\uFFFD') >= 0 ? new String(copy, fallback) : utf8;
    }
}
