package org.switchboard.protocol.internal.text;

import java.util.Locale;

import org.switchboard.api.irc.CtcpMessage;
import org.switchboard.api.irc.IrcProtocolException;
import org.switchboard.protocol.internal.wire.Printable;

/** CTCP framing inside PRIVMSG/NOTICE text. */
public final class Ctcp {

    public static final char DELIMITER = '\u0001';

    private Ctcp() {
    }

    /** The CTCP message, or null; a missing closing delimiter is tolerated, as many clients omit it. */
    public static CtcpMessage parse(String text) {
        if (text == null || text.length() < 2 || text.charAt(0) != DELIMITER) {
            return null;
        }
        int end = text.indexOf(DELIMITER, 1);
        if (end < 0) {
            end = text.length();
        }
        int space = text.indexOf(' ', 1);
        int commandEnd = space < 0 || space > end ? end : space;
        if (commandEnd == 1) {
            return null;
        }
        String command = text.substring(1, commandEnd).toUpperCase(Locale.ROOT);
        String arguments = commandEnd < end ? text.substring(commandEnd + 1, end) : "";
        return new CtcpMessage(command, arguments);
    }

    public static String format(String command, String arguments) {
        if (command == null || command.isEmpty()) {
            throw new IrcProtocolException("A CTCP command must not be empty");
        }
        check("command", command);
        if (command.indexOf(' ') >= 0) {
            throw new IrcProtocolException("The CTCP command " + Printable.quote(command) + " must not hold a space");
        }
        String args = arguments == null ? "" : arguments;
        check("arguments", args);
        StringBuilder out = new StringBuilder(command.length() + args.length() + 3).append(DELIMITER).append(command);
        if (!args.isEmpty()) {
            out.append(' ').append(args);
        }
        return out.append(DELIMITER).toString();
    }

    private static void check(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == DELIMITER || c == '\r' || c == '\n' || c == 0) {
                throw new IrcProtocolException("The CTCP " + what + " " + Printable.quote(value)
                        + " must not hold \\x01, CR, LF or NUL");
            }
        }
    }
}
