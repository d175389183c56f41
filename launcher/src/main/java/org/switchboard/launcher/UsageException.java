package org.switchboard.launcher;

/** A command line that cannot be obeyed; the message is one line for the user. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
