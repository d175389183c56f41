package org.switchboard.session.model;

import java.util.List;

import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;

/** Somewhere lines are kept beyond the in-memory scrollback (the disk logs), and read back from. */
public interface LineStore {

    /**
     * A line was appended to a buffer; called on reader threads, so it must not block for long. {@code utf8} is
     * the text as UTF-8, which the store may keep (nobody changes it); the text is not handed over as a string,
     * since a flood line usually has none (see {@code IrcMessage.lastParamUtf8}).
     */
    void lineAppended(String network, String buffer, BufferType type, long time, LineKind kind, String nick,
            byte[] utf8, int flags);

    /**
     * A line's text as {@link #restore} gives it back (the disk log keeps no formatting): how a line played back
     * again is recognised among restored ones. {@code utf8} itself when the store keeps text as it is.
     */
    default byte[] asStored(byte[] utf8) {
        return utf8;
    }

    /** The last lines kept for a buffer being opened, oldest first; empty when none. */
    List<BufferLine> restore(String network, String buffer, BufferType type);
}
