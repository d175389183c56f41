package org.switchboard.protocol.internal.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.switchboard.api.irc.CtcpMessage;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocolException;
import org.switchboard.api.irc.IrcSource;

/**
 * Splits an outgoing PRIVMSG/NOTICE so that each line, as the server relays it with our
 * {@code :nick!user@host} in front, still fits the line limit.
 */
public final class MessageSplitter {

    /** The longest user name and host name servers commonly give us, for when we do not know ours yet. */
    static final int ASSUMED_USER_BYTES = 10;
    static final int ASSUMED_HOST_BYTES = 63;
    static final int ASSUMED_NICK_BYTES = 30;
    private static final int CRLF = 2;
    private static final String ACTION_PREFIX = "\u0001ACTION ";

    private MessageSplitter() {
    }

    public static List<IrcMessage> split(IrcMessage message, String ownSource, int lineLimit) {
        if (!(message.is("PRIVMSG") || message.is("NOTICE")) || message.params().size() != 2) {
            return List.of(message);
        }
        String target = message.param(0);
        String text = message.param(1);
        CtcpMessage ctcp = Ctcp.parse(text);
        boolean action = ctcp != null && ctcp.isAction();
        String body = action ? ctcp.arguments() : text;
        int framing = action ? ACTION_PREFIX.length() + 1 : 0;
        // ":" source " " COMMAND " " target " :" text CRLF
        int overhead = 1 + sourceBytes(ownSource) + 1 + message.command().length() + 1 + utf8Length(target) + 2
                + CRLF + framing;
        int budget = lineLimit - overhead;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= budget) {
            return List.of(message);
        }
        if (budget < 4) {
            throw new IrcProtocolException("The line limit of " + lineLimit + " bytes leaves no room for text to "
                    + target);
        }
        List<IrcMessage> parts = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = cutPoint(bytes, start, budget);
            String part = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (action) {
                part = ACTION_PREFIX + part + Ctcp.DELIMITER;
            }
            if (!part.isEmpty()) {
                parts.add(new IrcMessage(message.tags(), message.source(), message.command(), List.of(target, part)));
            }
            start = end;
            // The space a line was broken at belongs to neither part.
            if (start < bytes.length && bytes[start] == ' ') {
                start++;
            }
        }
        return List.copyOf(parts);
    }

    /** End (exclusive) of the part starting at {@code start}: the last space that fits, else the last whole character. */
    static int cutPoint(byte[] bytes, int start, int budget) {
        int limit = start + budget;
        if (limit >= bytes.length) {
            return bytes.length;
        }
        if (bytes[limit] == ' ') {
            return limit;
        }
        for (int i = limit - 1; i > start; i--) {
            if (bytes[i] == ' ') {
                return i;
            }
        }
        int end = limit;
        while (end > start && (bytes[end] & 0xc0) == 0x80) {
            end--;
        }
        return outsideColourCode(bytes, start, end);
    }

    /**
     * Moves a hard cut back to before a colour code whose digits it would separate from the code ({@code \x03} with
     * up to "NN,NN", {@code \x04} with up to "RRGGBB,RRGGBB"), so that the next part does not start with stray
     * digits.
     */
    static int outsideColourCode(byte[] bytes, int start, int end) {
        for (int i = end - 1; i >= start && i >= end - 14; i--) {
            byte b = bytes[i];
            if (b == Formatting.COLOUR || b == Formatting.HEX_COLOUR) {
                int argumentLength = b == Formatting.COLOUR ? 5 : 13;
                return end - i - 1 <= argumentLength && i > start ? i : end;
            }
            boolean argumentByte = b == ',' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
            if (!argumentByte) {
                return end;
            }
        }
        return end;
    }

    static int sourceBytes(String ownSource) {
        if (ownSource == null || ownSource.isEmpty()) {
            return ASSUMED_NICK_BYTES + 1 + ASSUMED_USER_BYTES + 1 + ASSUMED_HOST_BYTES;
        }
        IrcSource source = IrcSource.parse(ownSource);
        int length = utf8Length(source.nick());
        length += 1 + (source.user() == null ? ASSUMED_USER_BYTES : utf8Length(source.user()));
        length += 1 + (source.host() == null ? ASSUMED_HOST_BYTES : utf8Length(source.host()));
        return length;
    }

    private static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
