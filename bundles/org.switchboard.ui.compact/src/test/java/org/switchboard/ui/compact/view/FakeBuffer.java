package org.switchboard.ui.compact.view;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Member;

/** A buffer with a bounded scrollback, as the session keeps it: old lines fall off the front. */
final class FakeBuffer implements Buffer {

    private final long id;
    private final int limit;
    private final List<BufferLine> held = new ArrayList<>();
    private long first;
    int unread;
    /** How many lines were read through {@link #lines}. */
    long linesRead;

    FakeBuffer(long id, int limit) {
        this.id = id;
        this.limit = limit;
    }

    void append(String text) {
        held.add(new BufferLine(0, LineKind.MESSAGE, "nick", text, 0));
        unread++;
        if (held.size() > limit) {
            held.remove(0);
            first++;
        }
    }

    @Override public long id() { return id; }
    @Override public String network() { return "net"; }
    @Override public String name() { return "#chan" + id; }
    @Override public BufferType type() { return BufferType.CHANNEL; }
    @Override public String topic() { return ""; }
    @Override public String topicSetBy() { return null; }
    @Override public long topicTime() { return 0; }
    @Override public String modes() { return ""; }
    @Override public boolean active() { return true; }
    @Override public long firstLine() { return first; }
    @Override public long endLine() { return first + held.size(); }

    @Override
    public List<BufferLine> lines(long from, long to) {
        long start = Math.max(from, first);
        long end = Math.min(to, endLine());
        linesRead += Math.max(0, end - start);
        return start >= end ? List.of() : List.copyOf(held.subList((int) (start - first), (int) (end - first)));
    }

    @Override public List<Member> members() { return List.of(); }
    @Override public int memberCount() { return 0; }
    @Override public int unreadCount() { return unread; }
    @Override public int highlightCount() { return 0; }
}
