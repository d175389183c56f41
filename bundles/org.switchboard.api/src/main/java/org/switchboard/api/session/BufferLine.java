package org.switchboard.api.session;

/**
 * One scrollback line as a UI reads it. The session stores lines in a compact form and builds these on demand.
 *
 * @param time  when it happened (server-time when known), epoch milliseconds
 * @param kind  what kind of line
 * @param nick  who did it (the sender of a message), or null
 * @param text  the text, mIRC formatting codes kept so that a UI can render them
 * @param flags bit set of {@link #SELF}, {@link #HIGHLIGHT}, {@link #UNSENT}, {@link #HISTORY}
 */
public record BufferLine(long time, LineKind kind, String nick, String text, int flags) {
    /** Sent by this client. */
    public static final int SELF = 1;
    /** Mentions the user's nick or a highlight word, or is a private message to the user. */
    public static final int HIGHLIGHT = 2;
    /** Typed while disconnected and not (yet) sent. */
    public static final int UNSENT = 4;
    /**
     * Replayed history (chathistory, bouncer playback, restored from the disk log). Only a bouncer's playback,
     * what the user missed, counts as unread and can highlight.
     */
    public static final int HISTORY = 8;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
