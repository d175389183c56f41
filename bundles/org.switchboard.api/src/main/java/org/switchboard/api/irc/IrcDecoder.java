package org.switchboard.api.irc;

import java.nio.ByteBuffer;

/**
 * Turns a connection's incoming bytes into messages: frames lines on CRLF or bare LF, keeps a partial line
 * (even one cut inside a UTF-8 sequence) for the next read, decodes each line as UTF-8 or else the fallback
 * charset (tags always UTF-8), parses it. A malformed or overlong line is reported to the sink and skipped;
 * the decoder's buffer never grows beyond {@link IrcProtocol#MAX_INCOMING_LINE_BYTES}.
 */
public interface IrcDecoder {

    /** Receives what a decoder produces, on the thread that calls {@link #decode}. */
    interface Sink {
        void message(IrcMessage message);

        /** A line that was skipped; {@code problem} says why, {@code line} is the line as far as it can be shown. */
        void malformed(String problem, String line);
    }

    /** Consumes every byte remaining in {@code input} and hands each complete line to {@code sink}. */
    void decode(ByteBuffer input, Sink sink);
}
