package org.switchboard.ui.compact.view;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.ui.PlainText;

/**
 * One entry of the buffer switcher: a snapshot of what the switcher shows, so that painting the combo box never
 * reads the session.
 */
public record BufferChoice(long id, String network, String name, BufferType type, int unread, int highlights,
        boolean active) {

    /** Channel names are at most a few hundred characters on any server; this only bounds a hostile one. */
    private static final int MAX_NAME_CHARS = 200;

    static BufferChoice of(Buffer buffer) {
        return new BufferChoice(buffer.id(), buffer.network(), buffer.name(), buffer.type(), buffer.unreadCount(),
                buffer.highlightCount(), buffer.active());
    }

    /** What the switcher shows: the buffer, its network, and unread messages. */
    String label() {
        String where = type == BufferType.SERVER ? "\u2302 " + network : name + "  \u00b7 " + network;
        String counts = unread > 0 ? "  (" + unread + (highlights > 0 ? "!" : "") + ")" : "";
        return PlainText.line(where, MAX_NAME_CHARS) + counts;
    }

    @Override
    public String toString() {
        return label();
    }
}
