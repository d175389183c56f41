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

    private final byte[] buffer = new byte[IrcProtocol.MAX_INCOMING_LINE_BYTES];
    private final ByteMessageParser parser;
    private final Charset fallback;
    /** Bytes of the current partial line held at the start of {@link #buffer}. */
    private int held;
    /** How many of the held bytes are known to hold no LF (all of them, unless a sink threw mid-read). */
    private int scanned;
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
                for (int lf; (lf = Swar.indexOfLineFeed(bytes, Math.max(lineStart, scanned), end)) >= 0; ) {
                    int start = lineStart;
                    lineStart = lf + 1;
                    emit(start, lf, sink);
                }
                completed = true;
            } finally {
                // Also when the sink throws: the line it got is consumed, the rest stays for the next call.
                held = end - lineStart;
                scanned = completed ? held : 0;
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

    private void emit(int from, int lineFeed, Sink sink) {
        int to = lineFeed > from && buffer[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
        if (to == from) {
            return;
        }
        IrcMessage message;
        try {
            message = parser.parse(buffer, from, to);
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
