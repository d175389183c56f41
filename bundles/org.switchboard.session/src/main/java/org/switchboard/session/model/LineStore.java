package org.switchboard.session.model;

import java.util.List;

import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;

/** Somewhere lines are kept beyond the in-memory scrollback (the disk logs), and read back from. */
public interface LineStore {

    /** A line was appended to a buffer; must not block (called on reader threads). */
    void lineAppended(String network, String buffer, BufferType type, long time, LineKind kind, String nick,
            String text, int flags);

    /** The last lines kept for a buffer being opened, oldest first; empty when none. */
    List<BufferLine> restore(String network, String buffer, BufferType type);
}
