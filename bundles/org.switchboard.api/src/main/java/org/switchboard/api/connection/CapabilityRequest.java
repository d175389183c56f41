package org.switchboard.api.connection;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service by which a bundle asks connections to negotiate IRCv3 capabilities. Connections request
 * them at registration and, when such a service appears mid-session, with {@code CAP REQ}; when it goes away,
 * capabilities no other request needs are released where the server allows it.
 */
@ConsumerType
@FunctionalInterface
public interface CapabilityRequest {

    /** Capability names, without values. */
    Set<String> capabilities();
}
