package org.switchboard.protocol.internal.wire;

import java.util.List;

import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocolException;

/** Writes a message as one protocol line without CR/LF, refusing anything that would not read back the same. */
public final class MessageSerializer {

    private MessageSerializer() {
    }

    public static String serialize(IrcMessage message) {
        StringBuilder out = new StringBuilder(64);
        TagCodec.appendTags(message.tags(), out);
        String source = message.source();
        if (source != null) {
            if (source.isEmpty()) {
                throw new IrcProtocolException("The source of a message must not be empty");
            }
            checkToken("source", source);
            out.append(':').append(source).append(' ');
        }
        String command = message.command();
        if (command.isEmpty()) {
            throw new IrcProtocolException("The command of a message must not be empty");
        }
        checkToken("command", command);
        if (command.charAt(0) == ':' || command.charAt(0) == '@') {
            throw new IrcProtocolException("Command " + Printable.quote(command) + " must not start with ':' or '@'");
        }
        out.append(command);
        List<String> params = message.params();
        int last = params.size() - 1;
        for (int i = 0; i <= last; i++) {
            String param = params.get(i);
            checkLineBreaks("parameter " + (i + 1), param);
            out.append(' ');
            boolean needsColon = param.isEmpty() || param.charAt(0) == ':' || param.indexOf(' ') >= 0;
            if (needsColon) {
                if (i != last) {
                    throw new IrcProtocolException("Parameter " + (i + 1) + " " + Printable.quote(param)
                            + " is empty, starts with ':' or holds a space, so it can only be the last parameter");
                }
                out.append(':');
            }
            out.append(param);
        }
        return out.toString();
    }

    private static void checkToken(String what, String value) {
        checkLineBreaks(what, value);
        if (value.indexOf(' ') >= 0) {
            throw new IrcProtocolException("The " + what + " " + Printable.quote(value) + " must not hold a space");
        }
    }

    private static void checkLineBreaks(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= '\r' && (c == '\r' || c == '\n' || c == 0)) {
                throw new IrcProtocolException("The " + what + " " + Printable.quote(value) + " holds a "
                        + (c == 0 ? "NUL" : c == '\r' ? "CR" : "LF")
                        + " character, which would end or corrupt the protocol line");
            }
        }
    }
}
