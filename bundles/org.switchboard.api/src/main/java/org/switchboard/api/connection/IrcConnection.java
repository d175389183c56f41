package org.switchboard.api.connection;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.Isupport;

/**
 * One configured IRC network. Registered as a service per network with the property
 * {@value #NETWORK_PROPERTY}; it stays registered while disconnected so that its state can be seen and it can
 * be connected again.
 */
@ProviderType
public interface IrcConnection {

    /** Service property holding the network name. */
    String NETWORK_PROPERTY = "irc.network";

    /** The ConfigAdmin factory PID under which networks are configured. */
    String NETWORK_FACTORY_PID = "org.switchboard.network";

    /** The network's name, unique within the client. */
    String network();

    ConnectionState state();

    /** The nick the server knows us by (or the one we are trying to register). */
    String nick();

    /** Our {@code nick!user@host} as far as known, for sizing outgoing lines. */
    String ownSource();

    /** The server's ISUPPORT announcements for the current link. */
    Isupport isupport();

    /** Capabilities acknowledged on the current link. */
    Set<String> enabledCapabilities();

    /**
     * Queues a message for the writer; never blocks. While disconnected, user messages are kept and sent after
     * registration; returns false when the message was refused (queue full, or the connection is closed for
     * good), and the caller must then tell the user.
     */
    boolean send(IrcMessage message);

    /** Starts connecting unless already connected or connecting. */
    void connect();

    /** Sends QUIT with {@code reason} (may be null), closes the link and stays disconnected. */
    void disconnect(String reason);

    /** Last measured round-trip time to the server in milliseconds, or -1 when unknown. */
    long lagMillis();

    /**
     * Records a round-trip time measured by whoever probes the link (the keepalive bundle), so that
     * {@link #lagMillis()} can show it; {@link ConnectionListener#lagChanged} listeners are told.
     *
     * @since 1.1
     */
    void reportLag(long lagMillis);

    /**
     * Drops the current link as if it had failed and reconnects, with the usual back-off and rejoin; for a link
     * that is up on paper but dead in fact. Does nothing unless the connection is registering or connected.
     *
     * @param reason one line for the user saying why, shown in the state change
     * @since 1.1
     */
    void reconnect(String reason);
}
