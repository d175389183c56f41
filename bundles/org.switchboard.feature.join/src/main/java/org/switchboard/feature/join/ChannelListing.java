package org.switchboard.feature.join;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.api.irc.CaseMapping;

/**
 * One network's channel list as it arrives: the reader thread adds replies, the dialog takes them in batches on
 * the event thread. Between two batches the reader thread only appends to a list under this object's lock, so a
 * 50,000-channel burst costs the reader one uncontended lock per line and the event thread one model update per
 * batch.
 */
final class ChannelListing {

    /**
     * What arrived since the last batch.
     *
     * @param restart  a new listing began: drop what is shown before adding {@code entries}
     * @param entries  the new rows
     * @param complete the server said the list is complete (323)
     * @param received rows in the current listing so far
     */
    record Batch(boolean restart, List<ChannelEntry> entries, boolean complete, int received) {
    }

    private List<ChannelEntry> pending = new ArrayList<>();
    private boolean restarted;
    private boolean collecting;
    private int received;
    private volatile CaseMapping caseMapping = CaseMapping.RFC1459;

    /** A listing starts (LIST sent, or 321 received): what was collected before is dropped. */
    synchronized void begin(CaseMapping mapping) {
        pending = new ArrayList<>();
        restarted = true;
        collecting = true;
        received = 0;
        caseMapping = mapping;
    }

    /** One 322; returns true when it started a listing (a server that sends no 321, or a LIST we did not send). */
    synchronized boolean add(ChannelEntry entry, CaseMapping mapping) {
        boolean started = !collecting;
        if (started) {
            begin(mapping);
        }
        pending.add(entry);
        received++;
        return started;
    }

    /** The server's 323: the listing is complete. */
    synchronized void end() {
        collecting = false;
    }

    synchronized boolean collecting() {
        return collecting;
    }

    /** What arrived since the last call; the next call starts from here. */
    synchronized Batch drain() {
        // The list goes to the event thread whole; the reader thread starts a new one.
        List<ChannelEntry> taken = pending.isEmpty() ? List.of() : pending;
        if (!taken.isEmpty()) {
            pending = new ArrayList<>();
        }
        Batch batch = new Batch(restarted, taken, !collecting, received);
        restarted = false;
        return batch;
    }

    /** The network's case mapping when the listing began, for matching channel-name masks. */
    CaseMapping caseMapping() {
        return caseMapping;
    }
}
