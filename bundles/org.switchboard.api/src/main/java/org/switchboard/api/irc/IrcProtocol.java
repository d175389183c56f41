package org.switchboard.api.irc;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The protocol service: every stateless piece of IRC syntax in one place, so that the other bundles need
 * no implementation package of the protocol bundle. Implementations are thread-safe.
 */
@ProviderType
public interface IrcProtocol {

    /** Longest incoming line accepted: 8191 bytes of tags plus the 512 bytes of the classic message. */
    int MAX_INCOMING_LINE_BYTES = 8191 + 512;

    /** Length of a classic IRC line including CRLF. */
    int MAX_LINE_BYTES = 512;

    /**
     * Parses one line (without CR/LF).
     *
     * @throws IrcProtocolException when the line is not an IRC message (empty, no command, bad tags...)
     */
    IrcMessage parse(String line);

    /**
     * Serialises a message to a line without CR/LF: tag values escaped, the last parameter prefixed with a
     * colon where it needs one.
     *
     * @throws IrcProtocolException when any part holds CR, LF or NUL, or a middle parameter cannot be sent
     */
    String serialize(IrcMessage message);

    /**
     * A new decoder for one connection's incoming byte stream. Decoders are not thread-safe; the connection's
     * reader thread owns its decoder.
     *
     * @param fallback the charset for a line that is not valid UTF-8 (usually windows-1252 or ISO-8859-1)
     */
    IrcDecoder newDecoder(Charset fallback);

    /** A new, empty ISUPPORT state holding the defaults that apply before any 005 reply. */
    Isupport newIsupport();

    /**
     * Parses the mode string and arguments of a MODE command (the parameters after the target) into single
     * changes, using the CHANMODES and PREFIX rules of {@code isupport}.
     *
     * @param channel true for channel modes, false for user modes
     */
    List<ModeChange> parseModes(List<String> modeAndArguments, Isupport isupport, boolean channel);

    /** The CTCP message in a PRIVMSG/NOTICE text, or {@code null} when the text is not CTCP. */
    CtcpMessage parseCtcp(String text);

    /** Frames a CTCP message: {@code \x01COMMAND args\x01}. */
    String formatCtcp(String command, String arguments);

    /** Parses mIRC formatting codes into plain text plus styled spans; mIRC colour 99 reads as the default colour. */
    FormattedText parseFormatting(String text);

    /** The text with every formatting code removed. */
    String stripFormatting(String text);

    /**
     * The same for text as UTF-8: the result is {@code stripFormatting} of the decoded text, encoded, without
     * decoding it (every formatting code is ASCII). Returns {@code utf8} itself when it holds no code.
     *
     * @since 2.1
     */
    byte[] stripFormatting(byte[] utf8);

    /**
     * Splits a PRIVMSG or NOTICE whose text is too long for one line into several messages, at word
     * boundaries where possible and never inside a UTF-8 sequence, leaving room for the
     * {@code :nick!user@host } prefix the server prepends. A CTCP ACTION keeps its framing in every part. Every
     * part carries the message's tags; other commands, and messages that fit, come back unchanged.
     *
     * @param ownSource the client's own {@code nick!user@host} as far as known, used to size the prefix
     * @param lineLimit the server's line limit in bytes (LINELEN, default 512) including CRLF
     */
    List<IrcMessage> splitMessage(IrcMessage message, String ownSource, int lineLimit);

    /**
     * The server-time of a message ({@code time} tag, RFC 3339 with any number of fraction digits read as a decimal
     * fraction, or the legacy {@code t=} epoch seconds), or {@code null} when absent or unreadable.
     */
    Instant serverTime(IrcMessage message);

    /** True when {@code mask} (with {@code *} and {@code ?} wildcards) matches {@code text} under the case mapping. */
    boolean maskMatches(String mask, String text, CaseMapping caseMapping);

    /** True when {@code hostname} is a syntactically valid host name. */
    boolean isValidHostname(String hostname);
}
