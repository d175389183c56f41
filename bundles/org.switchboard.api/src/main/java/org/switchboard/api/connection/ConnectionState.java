package org.switchboard.api.connection;

/** Where a connection is in its life. */
public enum ConnectionState {
    /** Not connected and not trying to be: never started, or disconnected by the user. */
    DISCONNECTED,
    /** Resolving, connecting the socket or doing the TLS handshake. */
    CONNECTING,
    /** Socket up; CAP negotiation, SASL and NICK/USER under way. */
    REGISTERING,
    /** Registered (001 received); messages flow. */
    CONNECTED,
    /** The link dropped without the user asking; a new attempt is scheduled. */
    WAITING_TO_RECONNECT
}
