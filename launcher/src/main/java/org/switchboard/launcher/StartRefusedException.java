package org.switchboard.launcher;

/**
 * The launcher gave up before any network was connected, for a reason the user can act on (no display, the
 * profile in use). The message is the whole explanation: it is printed as it is, without a stack trace.
 */
class StartRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    StartRefusedException(String message) {
        super(message);
    }
}
