package org.switchboard.testfakes;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Member;

/** A buffer whose lines and counts the test writes; sequence numbers start at 0 and nothing falls off. */
public final class FakeBuffer implements Buffer {

    private final long id;
    private final String network;
    private final String name;
    private final BufferType type;
    private final List<BufferLine> lines = new ArrayList<>();
    public int unread;
    public int highlights;

    public FakeBuffer(long id, String network, String name, BufferType type) {
        this.id = id;
        this.network = network;
        this.name = name;
        this.type = type;
    }

    /** Appends a line flagged as a highlight and counts it; returns its sequence number. */
    public long highlight(String nick, String text) {
        lines.add(new BufferLine(System.currentTimeMillis(), LineKind.MESSAGE, nick, text, BufferLine.HIGHLIGHT));
        unread++;
        highlights++;
        return lines.size() - 1L;
    }

    @Override public long id() { return id; }
    @Override public String network() { return network; }
    @Override public String name() { return name; }
    @Override public BufferType type() { return type; }
    @Override public String topic() { return ""; }
    @Override public String topicSetBy() { return null; }
    @Override public long topicTime() { return 0; }
    @Override public String modes() { return ""; }
    @Override public boolean active() { return true; }
    @Override public long firstLine() { return 0; }
    @Override public long endLine() { return lines.size(); }

    @Override
    public List<BufferLine> lines(long from, long to) {
        int start = (int) Math.max(0, from);
        int end = (int) Math.min(to, lines.size());
        return start >= end ? List.of() : List.copyOf(lines.subList(start, end));
    }

    @Override public List<Member> members() { return List.of(); }
    @Override public int memberCount() { return 0; }
    @Override public int unreadCount() { return unread; }
    @Override public int highlightCount() { return highlights; }
}
