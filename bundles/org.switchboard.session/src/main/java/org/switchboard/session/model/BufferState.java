package org.switchboard.session.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.Isupport;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Member;
import org.switchboard.api.session.SessionEvent;

/**
 * One buffer. Mutations happen under the owning network's lock (see {@link NetworkState}); the read methods of
 * {@link Buffer} are safe from any thread.
 */
public final class BufferState implements Buffer {

    private final long id;
    private final NetworkState network;
    private final BufferType type;
    private final Scrollback scrollback;
    private volatile String name;
    private volatile String topic = "";
    private volatile String topicSetBy;
    private volatile long topicTime;
    private volatile String modes = "";
    private volatile boolean active;
    /** See {@link #readUpTo()}. */
    private volatile long readUpTo;
    private final AtomicInteger unread = new AtomicInteger();
    private final AtomicInteger highlights = new AtomicInteger();

    /** Folded nick to membership; guarded by the network lock. */
    private final Map<String, MemberEntry> members = new HashMap<>();
    /** Sorted member view, rebuilt lazily after a change; guarded by the network lock. */
    private List<Member> memberSnapshot = List.of();
    private boolean memberSnapshotStale;
    private volatile int memberCount;
    /** Members collected from a NAMES burst, applied at its end; null outside a burst. */
    Map<String, MemberEntry> pendingNames;
    /** A NAMES list has filled the members since the join; the router's thread only. */
    private boolean membersListed;

    /** The events every line fires, made once (records: equal whenever made). */
    private final SessionEvent linesAdded;
    /**
     * The end of the scrollback when the current run of played-back lines began, or -1 outside one; under the
     * network lock, as appends are.
     */
    private long playbackStart = -1;
    private final SessionEvent activityChanged;

    BufferState(long id, NetworkState network, BufferType type, String name, int scrollbackLimit) {
        this.id = id;
        this.network = network;
        this.type = type;
        this.name = name;
        this.scrollback = new Scrollback(scrollbackLimit);
        this.linesAdded = new SessionEvent(SessionEvent.Type.LINES_ADDED, id);
        this.activityChanged = new SessionEvent(SessionEvent.Type.ACTIVITY_CHANGED, id);
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String network() {
        return network.name();
    }

    NetworkState networkState() {
        return network;
    }

    @Override
    public String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    @Override
    public BufferType type() {
        return type;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public String topicSetBy() {
        return topicSetBy;
    }

    @Override
    public long topicTime() {
        return topicTime;
    }

    public void setTopic(String text, String setBy, long time) {
        this.topic = text == null ? "" : text;
        if (setBy != null) {
            this.topicSetBy = setBy;
        }
        if (time > 0) {
            this.topicTime = time;
        }
    }

    public void setTopicDetails(String setBy, long time) {
        this.topicSetBy = setBy;
        this.topicTime = time;
    }

    @Override
    public String modes() {
        return modes;
    }

    public void setModes(String modes) {
        this.modes = modes == null ? "" : modes;
    }

    @Override
    public boolean active() {
        return active;
    }

    /** Returns true when the state changed. */
    public boolean setActive(boolean newActive) {
        boolean changed = active != newActive;
        active = newActive;
        if (changed) {
            membersListed = false;
        }
        return changed;
    }

    /** True once a NAMES list has filled the members since the channel was (re)joined. */
    public boolean membersListed() {
        return membersListed;
    }

    public void setMembersListed() {
        membersListed = true;
    }

    @Override
    public long firstLine() {
        return scrollback.firstLine();
    }

    @Override
    public long endLine() {
        return scrollback.endLine();
    }

    @Override
    public List<BufferLine> lines(long from, long to) {
        return scrollback.lines(from, to);
    }

    @Override
    public List<Member> members() {
        synchronized (network) {
            if (memberSnapshotStale) {
                memberSnapshot = buildSnapshot();
                memberSnapshotStale = false;
            }
            return memberSnapshot;
        }
    }

    private List<Member> buildSnapshot() {
        Isupport.Prefix prefix = network.prefix();
        CaseMapping mapping = network.caseMapping();
        // Rank and folded nick are worked out once per member, not once per comparison: with 10,000 members
        // the sort makes some 270,000 comparisons, and folding allocates.
        List<SortKey> keyed = new ArrayList<>(members.size());
        for (MemberEntry entry : members.values()) {
            UserState u = entry.user;
            Member member = new Member(u.nick, entry.prefixes, u.user, u.host, u.account, u.realName, u.away);
            keyed.add(new SortKey(prefix.rank(member.highestPrefix()), mapping.fold(member.nick()), member));
        }
        keyed.sort(SORT_ORDER);
        Member[] result = new Member[keyed.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = keyed.get(i).member;
        }
        return List.of(result);
    }

    /** Read without the network lock: UIs ask for it while painting, under floods. */
    private record SortKey(int rank, String folded, Member member) {
    }

    /**
     * A flag of the session's own, beside the {@link BufferLine} ones and never stored: the line is not counted as
     * unread and raises no highlight. For history the client asked for (chathistory), which the user may well have
     * read already; a bouncer's playback of what was missed counts.
     */
    public static final int NOT_COUNTED = 1 << 16;

    /**
     * How many of the newest lines a played-back line is looked for among: more than a bouncer plays back per
     * buffer (ZNC keeps 50 lines per channel unless told otherwise) plus the lines restored from the log.
     */
    private static final int PLAYBACK_WINDOW = 2000;
    private static final Comparator<SortKey> SORT_ORDER = Comparator.comparingInt(SortKey::rank)
            .thenComparing(SortKey::folded);

    @Override
    public int memberCount() {
        return memberCount;
    }

    @Override
    public int unreadCount() {
        return unread.get();
    }

    @Override
    public int highlightCount() {
        return highlights.get();
    }

    @Override
    public long readUpTo() {
        return readUpTo;
    }

    /** Resets the counts and moves the read position to the end; returns true when the counts were not zero. */
    public boolean markReadAndReport() {
        readUpTo = scrollback.endLine();
        int before = unread.getAndSet(0) | highlights.getAndSet(0);
        return before != 0;
    }

    /**
     * A playback (a bouncer's, chathistory) of this buffer begins: its lines are compared with what the buffer
     * holds now, not with each other. Under the network lock.
     */
    public void beginPlayback() {
        playbackStart = scrollback.endLine();
    }

    /**
     * Whether the buffer held the line, as it arrived (live) or as the log gave it back (restored), before the
     * current run of played-back lines began: lines of one playback are never compared with each other, so a line
     * said twice in a second is played back twice.
     */
    private boolean heldAlready(long time, LineKind kind, String nick, byte[] utf8, LineStore store) {
        if (playbackStart < 0) {
            playbackStart = scrollback.endLine();
        }
        if (scrollback.holdsBefore(playbackStart, time, kind, nick, utf8, PLAYBACK_WINDOW)) {
            return true;
        }
        byte[] stored = store == null ? utf8 : store.asStored(utf8);
        return stored != utf8 && scrollback.holdsBefore(playbackStart, time, kind, nick, stored, PLAYBACK_WINDOW);
    }

    /**
     * Puts back a line of the previous conversation read from the disk log: already logged and already seen, so
     * neither logged again nor counted as unread; marked {@link BufferLine#HISTORY}.
     */
    public void restore(BufferLine line) {
        scrollback.append(line.time(), line.kind(), line.nick(), line.text(), line.flags() | BufferLine.HISTORY);
        readUpTo = scrollback.endLine();
        network.model().fire(linesAdded);
    }

    /** Appends a line and tells listeners; call under the network lock or from a context that owns the buffer. */
    public long append(long time, LineKind kind, String nick, String text, int flags) {
        return append(time, kind, nick, Scrollback.utf8(text), flags);
    }

    /**
     * The same with the text as UTF-8 (not copied: the caller must not change it). A {@link BufferLine#HISTORY}
     * line (a bouncer's playback, chathistory) is new to this client unless the buffer already holds it: it is
     * logged like any other (and counted, unless {@link #NOT_COUNTED}), and a repeat of a line held (a bouncer
     * that plays back its whole buffer on every attach) is left out; the return value is then -1.
     */
    public long append(long time, LineKind kind, String nick, byte[] utf8, int flagsAndCounting) {
        int flags = flagsAndCounting & ~NOT_COUNTED;
        SessionModel model = network.model();
        LineStore store = model.lineStore();
        if ((flags & BufferLine.HISTORY) == 0) {
            playbackStart = -1;
        } else if (heldAlready(time, kind, nick, utf8, store)) {
            return -1;
        }
        long seq = scrollback.append(time, kind, nick, utf8, flags);
        if (store != null) {
            store.lineAppended(network.name(), name, type, time, kind, nick, utf8, flags);
        }
        model.fire(linesAdded);
        boolean counts = (flags & BufferLine.SELF) == 0 && (flagsAndCounting & NOT_COUNTED) == 0
                && (kind == LineKind.MESSAGE || kind == LineKind.ACTION || kind == LineKind.NOTICE);
        if (counts) {
            unread.incrementAndGet();
            boolean highlight = (flags & BufferLine.HIGHLIGHT) != 0;
            if (highlight) {
                highlights.incrementAndGet();
            }
            model.fire(activityChanged);
            if (highlight) {
                model.fire(SessionEvent.Type.HIGHLIGHT, id, seq);
            }
        }
        return seq;
    }

    // --- membership, all under the network lock ---

    Map<String, MemberEntry> memberMap() {
        return members;
    }

    void membersChanged() {
        memberSnapshotStale = true;
        memberCount = members.size();
    }

    public void clearMembers() {
        members.clear();
        pendingNames = null;
        membersListed = false;
        membersChanged();
    }

    @Override
    public String toString() {
        return network() + "/" + name;
    }
}
