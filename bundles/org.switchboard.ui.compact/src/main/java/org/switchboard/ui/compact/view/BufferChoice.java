package org.switchboard.ui.compact.view;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;

/**
 * One entry of the buffer switcher: a snapshot of what the switcher shows, so that painting the combo box never
 * reads the session.
 */
public record BufferChoice(long id, String network, String name, BufferType type, int unread, int highlights,
        boolean active) {

    static BufferChoice of(Buffer buffer) {
        return new BufferChoice(buffer.id(), buffer.network(), buffer.name(), buffer.type(), buffer.unreadCount(),
                buffer.highlightCount(), buffer.active());
    }

    /** What the switcher shows: the buffer, its network, and unread messages. */
    String label() {
        String where = type == BufferType.SERVER ? "\u2302 " + network : name + "  \u00b7 " + network;
        return Plain.line(where) + (unread > 0 ? "  (" + unread + (highlights > 0 ? "!" : "") + ")" : "");
    }

    @Override
    public String toString() {
        return label();
    }
}
