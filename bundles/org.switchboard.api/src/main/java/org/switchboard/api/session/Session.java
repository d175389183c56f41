package org.switchboard.api.session;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The client state: every network's buffers and their scrollback. It lives in its own bundle, so it survives
 * the UI being stopped, swapped or updated.
 */
@ProviderType
public interface Session {

    /** All buffers, grouped by network (server buffer first), then in the order they were opened. */
    List<Buffer> buffers();

    /** The buffer of that name on that network, under the network's case mapping. */
    Optional<Buffer> find(String network, String name);

    Optional<Buffer> byId(long id);

    /** Opens (or returns) a query buffer with {@code nick}. */
    Buffer openQuery(String network, String nick);

    /** Closes a buffer (parting the channel if joined). The server buffer cannot be closed. */
    void close(long bufferId);

    /** Resets the unread and highlight counts of a buffer, for a UI that shows it. */
    void markRead(long bufferId);

    /** Appends a line of client information (not from the network) to a buffer. */
    void appendInfo(long bufferId, LineKind kind, String text);

    /**
     * True while the server says the user is marked away on that network (RPL_NOWAWAY), until it says otherwise
     * (RPL_UNAWAY) or the link goes down; false for an unknown network.
     *
     * @since 1.2
     */
    boolean away(String network);
}
