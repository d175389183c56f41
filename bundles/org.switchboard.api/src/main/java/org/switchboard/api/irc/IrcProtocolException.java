package org.switchboard.api.irc;

/** A line or message that breaks the IRC syntax; the message says what is wrong. */
public class IrcProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IrcProtocolException(String message) {
        super(message);
    }
}
