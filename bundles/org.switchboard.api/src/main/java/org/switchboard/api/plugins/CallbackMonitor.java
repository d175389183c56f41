package org.switchboard.api.plugins;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the core reports what other bundles' callbacks (message and connection listeners, session listeners,
 * command handlers) do wrong, so that a misbehaving bundle is logged without flooding the log and shown with its
 * failures in the Plugins dialog and the shell. The callback object tells which bundle is at fault (the bundle that
 * loaded its class).
 *
 * <p>Both methods are cheap, thread-safe and never throw: they are called on connection reader threads.
 */
@ProviderType
public interface CallbackMonitor {

    /**
     * A callback threw. Counted against its bundle; logged with its stack trace the first time, then at most once a
     * minute per bundle, saying how many failures were not logged.
     *
     * @param callback     the object whose method threw
     * @param callbackName what was called, for people ({@code IrcMessageListener PRIVMSG}, {@code /join})
     * @param failure      what it threw
     */
    void failed(Object callback, String callbackName, Throwable failure);

    /**
     * A callback is about to be called; close the returned call when it returns. A call that runs far longer than a
     * callback may is shown as blocking while it runs, and afterwards with how long it took.
     */
    Call started(Object callback, String callbackName);

    /** A callback in progress. */
    interface Call extends AutoCloseable {
        /** The callback returned (or threw). */
        @Override
        void close();
    }
}
