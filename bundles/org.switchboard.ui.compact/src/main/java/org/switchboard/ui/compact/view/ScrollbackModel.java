package org.switchboard.ui.compact.view;

import java.util.ArrayList;
import java.util.List;

import javax.swing.AbstractListModel;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;

/**
 * The shown buffer's scrollback as a list model that follows the session incrementally: new lines are appended,
 * lines that fell off the bounded scrollback are dropped from the front, and only a buffer switch (or a gap)
 * reloads everything. Event thread only.
 */
final class ScrollbackModel extends AbstractListModel<BufferLine> {

    private static final long serialVersionUID = 1L;

    private final transient List<BufferLine> lines = new ArrayList<>();
    private long bufferId = -1;
    /** Sequence number of {@code lines.get(0)}. */
    private long first;

    /** Brings the model up to date with {@code buffer} (null shows nothing). */
    void follow(Buffer buffer) {
        if (buffer == null) {
            replace(-1, 0, List.of());
            return;
        }
        long held = buffer.firstLine();
        long end = buffer.endLine();
        long loadedEnd = first + lines.size();
        if (buffer.id() != bufferId || end < loadedEnd || held > loadedEnd) {
            replace(buffer.id(), held, buffer.lines(held, end));
            return;
        }
        if (held > first) {
            int drop = (int) (held - first);
            lines.subList(0, drop).clear();
            first = held;
            fireIntervalRemoved(this, 0, drop - 1);
        }
        List<BufferLine> added = buffer.lines(first + lines.size(), end);
        if (!added.isEmpty()) {
            int from = lines.size();
            lines.addAll(added);
            fireIntervalAdded(this, from, lines.size() - 1);
        }
    }

    private void replace(long id, long firstLine, List<BufferLine> fresh) {
        int oldSize = lines.size();
        lines.clear();
        if (oldSize > 0) {
            fireIntervalRemoved(this, 0, oldSize - 1);
        }
        bufferId = id;
        first = firstLine;
        lines.addAll(fresh);
        if (!lines.isEmpty()) {
            fireIntervalAdded(this, 0, lines.size() - 1);
        }
    }

    /** The row of a line (by sequence number), or -1 when it is not loaded. */
    int indexOf(long seq) {
        long row = seq - first;
        return row >= 0 && row < lines.size() ? (int) row : -1;
    }

    @Override
    public int getSize() {
        return lines.size();
    }

    @Override
    public BufferLine getElementAt(int index) {
        return lines.get(index);
    }
}
