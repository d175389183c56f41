package org.switchboard.api.session;

/**
 * What changed in the session.
 *
 * @param type     kind of change
 * @param bufferId the buffer concerned, or -1 for a change of the whole session
 */
public record SessionEvent(Type type, long bufferId) {

    public enum Type {
        BUFFER_ADDED, BUFFER_REMOVED, LINES_ADDED, MEMBERS_CHANGED, TOPIC_CHANGED, BUFFER_STATE_CHANGED,
        /** Unread or highlight counts changed. */
        ACTIVITY_CHANGED
    }
}
