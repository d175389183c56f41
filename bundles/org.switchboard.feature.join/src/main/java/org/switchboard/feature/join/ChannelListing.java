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
 *
 * <p>A server answers LIST requests one after the other, and nothing in a 322 says which request it answers. So a
 * listing that begins while earlier answers are still coming (Refresh pressed during a long list, or a dialog closed
 * and opened again) skips their rows and collects only after their 323s have passed. The count of answers owed is
 * forgotten when the link registers again, since a new link owes none.
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
    /** LIST requests of ours whose end (323, or 263 "try again") has not arrived. */
    private int unanswered;
    /** Ends of earlier answers still to pass before this listing's rows come. */
    private int endsToSkip;
    private volatile CaseMapping caseMapping = CaseMapping.RFC1459;

    /** The user asked for the list (LIST is about to be sent): what was collected before is dropped. */
    synchronized void begin(CaseMapping mapping) {
        pending = new ArrayList<>();
        restarted = true;
        inProgress = true;
        received = 0;
        cut = false;
        caseMapping = mapping;
        endsToSkip = unanswered;
        unanswered++;
    }

    /** The LIST of the last {@link #begin} could not be sent: no answer will come for it. */
    synchronized void notSent() {
        unanswered = Math.max(0, unanswered - 1);
        inProgress = false;
    }

    /** The link registered (again): answers to what an earlier link asked will never come. */
    synchronized void linkRegistered() {
        unanswered = 0;
        endsToSkip = 0;
        inProgress = false;
    }

    /** One 322; true when it was kept, false when no listing is in progress or this one is full. */
    synchronized boolean add(ChannelEntry entry) {
        if (!inProgress || endsToSkip > 0) {
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

    /**
     * The end of an answer (323, or 263 for LIST): of an earlier request still being skipped, or of this listing,
     * which is then complete.
     */
    synchronized void end() {
        unanswered = Math.max(0, unanswered - 1);
        if (endsToSkip > 0) {
            endsToSkip--;
            return;
        }
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

    /** True while a listing the user asked for is in progress and its own rows are coming. */
    synchronized boolean collecting() {
        return inProgress && endsToSkip == 0;
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
