package org.switchboard.api.session;

public enum BufferType {
    /** The network's own buffer: server notices, MOTD, connection messages. */
    SERVER,
    CHANNEL,
    /** A private conversation with one nick. */
    QUERY
}
