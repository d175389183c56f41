package org.switchboard.api.irc;

/**
 * A CTCP message carried inside a PRIVMSG or NOTICE.
 *
 * @param command   the CTCP command, upper-cased ({@code ACTION}, {@code VERSION}...)
 * @param arguments everything after the first space, or the empty string
 */
public record CtcpMessage(String command, String arguments) {

    public boolean isAction() {
        return "ACTION".equals(command);
    }
}
