package org.switchboard.protocol.internal.wire;

import java.util.Arrays;
import java.util.List;

import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocolException;

/**
 * Parses a line that is already text. Follows exactly the rules of {@link ByteMessageParser}; the two are kept
 * in step by the round-trip fuzz test. Stateless and thread-safe.
 */
public final class TextMessageParser {

    private TextMessageParser() {
    }

    public static IrcMessage parse(String line) {
        int end = line.length();
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (c <= '\r' && (c == 0 || c == '\r' || c == '\n')) {
                throw new IrcProtocolException("Line holds a " + (c == 0 ? "NUL" : c == '\r' ? "CR" : "LF")
                        + " character: " + Printable.quote(line));
            }
        }
        int pos = skipSpaces(line, 0, end);
        String tags = null;
        if (pos < end && line.charAt(pos) == '@') {
            int tagsEnd = indexOfSpace(line, pos, end);
            tags = line.substring(pos + 1, tagsEnd);
            pos = skipSpaces(line, tagsEnd, end);
        }
        String source = null;
        if (pos < end && line.charAt(pos) == ':') {
            int sourceEnd = indexOfSpace(line, pos, end);
            if (sourceEnd == pos + 1) {
                throw new IrcProtocolException("Empty source: " + Printable.quote(line));
            }
            source = line.substring(pos + 1, sourceEnd);
            pos = skipSpaces(line, sourceEnd, end);
        }
        if (pos >= end) {
            throw new IrcProtocolException("No command: " + Printable.quote(line));
        }
        int commandEnd = indexOfSpace(line, pos, end);
        if (line.charAt(pos) == ':' || line.charAt(pos) == '@') {
            throw new IrcProtocolException("Command starts with '" + line.charAt(pos) + "': " + Printable.quote(line));
        }
        String command = CommandNames.of(line, pos, commandEnd);
        pos = commandEnd;
        String[] params = null;
        int count = 0;
        while (true) {
            pos = skipSpaces(line, pos, end);
            if (pos >= end) {
                break;
            }
            if (params == null) {
                params = new String[8];
            } else if (count == params.length) {
                params = Arrays.copyOf(params, count * 2);
            }
            if (line.charAt(pos) == ':') {
                params[count++] = line.substring(pos + 1, end);
                break;
            }
            int paramEnd = indexOfSpace(line, pos, end);
            params[count++] = line.substring(pos, paramEnd);
            pos = paramEnd;
        }
        List<String> list = params == null ? List.of() : Immutables.list(params, count);
        return IrcMessage.parsed(tags, source, command, list);
    }

    private static int skipSpaces(String line, int pos, int end) {
        while (pos < end && line.charAt(pos) == ' ') {
            pos++;
        }
        return pos;
    }

    private static int indexOfSpace(String line, int pos, int end) {
        int space = line.indexOf(' ', pos);
        return space < 0 ? end : space;
    }
}
