package org.switchboard.api.irc;

import java.nio.ByteBuffer;

/**
 * Turns a connection's incoming bytes into messages: frames lines on CRLF or bare LF, keeps a partial line
 * (even one cut inside a UTF-8 sequence) for the next read, decodes each line as UTF-8 or else the fallback
 * charset (tags always UTF-8), parses it. Empty lines are skipped silently. A malformed line, or one longer than
 * {@link IrcProtocol#MAX_INCOMING_LINE_BYTES} bytes terminator included, is reported to the sink and skipped (the
 * sink logs it); the decoder's buffer never grows beyond that size. The fallback charset must be ASCII-compatible.
 */
public interface IrcDecoder {

    /** Receives what a decoder produces, on the thread that calls {@link #decode}. */
    interface Sink {
        void message(IrcMessage message);

        /** A line that was skipped; {@code problem} says why, {@code line} is the line as far as it can be shown. */
        void malformed(String problem, String line);
    }

    /**
     * Consumes every byte remaining in {@code input} and hands each complete line to {@code sink}. When the sink
     * throws, the exception propagates; the line it was given counts as consumed and the decoder stays usable,
     * with the bytes not yet handed out kept for the next call.
     */
    void decode(ByteBuffer input, Sink sink);
}
