package org.switchboard.ui.compact.view;

import java.util.List;

import javax.swing.AbstractListModel;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;

/**
 * The shown buffer's scrollback as a list model that follows the session incrementally: new lines are appended,
 * lines that fell off the bounded scrollback are dropped from the front, and only a buffer switch (or a gap)
 * reloads everything. The model holds no lines: the list asks only for the rows it paints, and those are read
 * from the session a page at a time, so a flood costs the event thread the same whether a hundred or a hundred
 * thousand lines arrived since the last tick. Event thread only.
 */
final class ScrollbackModel extends AbstractListModel<BufferLine> {

    private static final long serialVersionUID = 1L;
    /** Lines read from the session at a time: more than a screenful, so that one paint reads once. */
    private static final int PAGE = 128;
    /** What a row shows when its line fell off the scrollback after the last tick (the next tick removes it). */
    private static final BufferLine GONE = new BufferLine(0, LineKind.INFO, null, "", 0);

    private transient Buffer buffer;
    private long bufferId = -1;
    /** Sequence number of row 0. */
    private long first;
    private int size;
    /** The page read last, and the sequence number of its first line. */
    private transient List<BufferLine> page = List.of();
    private long pageStart;

    /** Brings the model up to date with {@code buffer} (null shows nothing). */
    void follow(Buffer shown) {
        if (shown == null) {
            replace(null, 0, 0);
            return;
        }
        long held = shown.firstLine();
        long end = shown.endLine();
        long loadedEnd = first + size;
        if (shown.id() != bufferId || end < loadedEnd || held > loadedEnd) {
            replace(shown, held, end);
            return;
        }
        buffer = shown;
        if (held > first) {
            int drop = (int) (held - first);
            first = held;
            size -= drop;
            fireIntervalRemoved(this, 0, drop - 1);
        }
        if (end > first + size) {
            int from = size;
            size = (int) (end - first);
            fireIntervalAdded(this, from, size - 1);
        }
    }

    private void replace(Buffer shown, long firstLine, long end) {
        int oldSize = size;
        size = 0;
        if (oldSize > 0) {
            fireIntervalRemoved(this, 0, oldSize - 1);
        }
        buffer = shown;
        bufferId = shown == null ? -1 : shown.id();
        first = firstLine;
        page = List.of();
        size = (int) (end - firstLine);
        if (size > 0) {
            fireIntervalAdded(this, 0, size - 1);
        }
    }

    /** The row of a line (by sequence number), or -1 when it is not loaded. */
    int indexOf(long seq) {
        long row = seq - first;
        return row >= 0 && row < size ? (int) row : -1;
    }

    @Override
    public int getSize() {
        return size;
    }

    @Override
    public BufferLine getElementAt(int index) {
        long seq = first + index;
        if (seq < pageStart || seq >= pageStart + page.size()) {
            page = buffer.lines(seq, Math.min(seq + PAGE, first + size));
            // Lines that fell off meanwhile are missing at the front of the page.
            pageStart = Math.min(seq + PAGE, first + size) - page.size();
            if (seq < pageStart) {
                return GONE;
            }
        }
        return page.get((int) (seq - pageStart));
    }
}
