package org.switchboard.api.session;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A read view of one buffer. Reads are safe from any thread and see a consistent recent state; lines are
 * addressed by a sequence number that only grows, so a UI can ask for what it has not drawn yet even after old
 * lines fell off the bounded scrollback.
 */
@ProviderType
public interface Buffer {

    /** Unique for the life of the session. */
    long id();

    /** The network this buffer belongs to. */
    String network();

    /** Channel name, query nick, or the network name for the server buffer. */
    String name();

    BufferType type();

    /** Topic text (formatting kept), or the empty string. */
    String topic();

    /** Who set the topic (a nick or mask, as the server said), or null when unknown. */
    String topicSetBy();

    /** When the topic was set, epoch milliseconds, or 0 when unknown. */
    long topicTime();

    /** Channel modes with their arguments as far as known ({@code "+nt"}, {@code "+lk 50 key"}), or empty. */
    String modes();

    /** True for a channel we are in, or a query / server buffer whose network is connected. */
    boolean active();

    /** Sequence number of the oldest line still held. */
    long firstLine();

    /** Sequence number the next appended line will get; {@code endLine() - firstLine()} lines are held. */
    long endLine();

    /** Lines {@code from} (inclusive) to {@code to} (exclusive), clamped to what is held. */
    List<BufferLine> lines(long from, long to);

    /** Members sorted by rank, then by name under the network's case mapping; empty outside channels. */
    List<Member> members();

    int memberCount();

    int unreadCount();

    /**
     * The {@link #endLine()} of when the buffer was last marked read ({@link Session#markRead}): lines from here
     * on came while nobody looked, so a UI can draw a read marker above this line. Lines restored from the disk
     * log count as read; a bouncer's playback does not (it is the missed conversation). A buffer that keeps no
     * such position reports its end.
     *
     * @since 1.3
     */
    default long readUpTo() {
        return endLine();
    }

    int highlightCount();
}
