package org.switchboard.api.session;

/**
 * What changed in the session.
 *
 * @param type     kind of change
 * @param bufferId the buffer concerned, or -1 for a change of the whole session
 * @param line     the sequence number of the line concerned ({@link Type#HIGHLIGHT}), or -1
 */
public record SessionEvent(Type type, long bufferId, long line) {

    /** An event about a buffer as a whole, not about one of its lines. */
    public SessionEvent(Type type, long bufferId) {
        this(type, bufferId, -1);
    }

    public enum Type {
        BUFFER_ADDED, BUFFER_REMOVED, LINES_ADDED, MEMBERS_CHANGED, TOPIC_CHANGED, BUFFER_STATE_CHANGED,
        /** Unread or highlight counts changed. */
        ACTIVITY_CHANGED,
        /**
         * A line that highlights the user arrived and counts as a highlight of its buffer: live, or in a bouncer's
         * playback of what was said while no client was attached; not history the client asked for (chathistory),
         * not a line restored from the disk log, not one sent by the user. {@link SessionEvent#line()} is its
         * sequence number. Fired after the {@link #LINES_ADDED} and {@link #ACTIVITY_CHANGED} of the same line.
         *
         * @since 1.2
         */
        HIGHLIGHT
    }
}
