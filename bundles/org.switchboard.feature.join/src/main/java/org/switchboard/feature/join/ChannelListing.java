package org.switchboard.feature.join;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.api.irc.CaseMapping;

/**
 * One network's channel list as it arrives: the reader thread adds replies, the dialog takes them in batches on
 * the event thread. Between two batches the reader thread only appends to a list under this object's lock, so a
 * 50,000-channel burst costs the reader one uncontended lock per line and the event thread one model update per
 * batch.
 *
 * <p>Rows are collected only while a listing the user asked for ({@code /list}, the dialog's Refresh) is in
 * progress: from {@link #begin} until the server's 323 or the dialog is closed. A 322 at any other time (a LIST
 * typed as raw text, a server sending it unasked) is dropped, so it neither fills memory nobody reads nor opens a
 * window. One listing keeps at most {@value #MAX_ENTRIES} rows, so a server that never ends its list cannot either.
 */
final class ChannelListing {

    /**
     * Rows kept of one listing: more than the largest networks have (some tens of thousands), few enough that a
     * server sending without end costs a bounded amount of memory.
     */
    static final int MAX_ENTRIES = 100_000;

    /**
     * What arrived since the last batch.
     *
     * @param restart  a new listing began: drop what is shown before adding {@code entries}
     * @param entries  the new rows
     * @param complete the listing is over: the server said the list is complete (323), or nobody waits for it
     * @param received rows in the current listing so far
     * @param cut      the server sent more than {@value #MAX_ENTRIES} rows; the rest were left out
     */
    record Batch(boolean restart, List<ChannelEntry> entries, boolean complete, int received, boolean cut) {
    }

    private List<ChannelEntry> pending = new ArrayList<>();
    private boolean restarted;
    private boolean inProgress;
    private int received;
    private boolean cut;
    private volatile CaseMapping caseMapping = CaseMapping.RFC1459;

    /** The user asked for the list (LIST is about to be sent): what was collected before is dropped. */
    synchronized void begin(CaseMapping mapping) {
        pending = new ArrayList<>();
        restarted = true;
        inProgress = true;
        received = 0;
        cut = false;
        caseMapping = mapping;
    }

    /** One 322; true when it was kept, false when no listing is in progress or this one is full. */
    synchronized boolean add(ChannelEntry entry) {
        if (!inProgress) {
            return false;
        }
        if (received >= MAX_ENTRIES) {
            cut = true;
            return false;
        }
        pending.add(entry);
        received++;
        return true;
    }

    /** The server's 323: the listing is complete (nothing happens when none is in progress). */
    synchronized void end() {
        inProgress = false;
    }

    /**
     * Nobody waits for the listing any more (its dialog was closed): the rows not taken yet are dropped, and the
     * rest of the server's answer is not collected.
     */
    synchronized void cancel() {
        inProgress = false;
        pending = new ArrayList<>();
    }

    /** True while a listing the user asked for is in progress. */
    synchronized boolean collecting() {
        return inProgress;
    }

    /** What arrived since the last call; the next call starts from here. */
    synchronized Batch drain() {
        // The list goes to the event thread whole; the reader thread starts a new one.
        List<ChannelEntry> taken = pending.isEmpty() ? List.of() : pending;
        if (!taken.isEmpty()) {
            pending = new ArrayList<>();
        }
        Batch batch = new Batch(restarted, taken, !inProgress, received, cut);
        restarted = false;
        return batch;
    }

    /** The network's case mapping when the listing began, for matching channel-name masks. */
    CaseMapping caseMapping() {
        return caseMapping;
    }
}
