package org.switchboard.api.session;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told about changes to the session. Calls come from whichever thread changed the session
 * (usually a connection's reader thread) at up to flood rate: a UI must only record what changed and repaint
 * later, coalesced, on its own thread.
 */
@ConsumerType
@FunctionalInterface
public interface SessionListener {

    void sessionChanged(SessionEvent event);
}
