package org.switchboard.session.callback;

import org.switchboard.api.plugins.CallbackMonitor;

/**
 * The plugin manager's {@link CallbackMonitor} while one is bound (the components bind it optionally and
 * dynamically, so the session never depends on the plugin manager running); without one, a failure is logged on
 * its own as it always was, and calls are not watched.
 */
public final class CallbackMonitorSlot implements CallbackMonitor {

    private static final Call UNWATCHED = () -> { };

    private final System.Logger fallback;
    private volatile CallbackMonitor monitor;

    public CallbackMonitorSlot(System.Logger fallback) {
        this.fallback = fallback;
    }

    public void bind(CallbackMonitor bound) {
        monitor = bound;
    }

    public void unbind(CallbackMonitor unbound) {
        if (monitor == unbound) {
            monitor = null;
        }
    }

    @Override
    public void failed(Object callback, String callbackName, Throwable failure) {
        CallbackMonitor current = monitor;
        if (current != null) {
            current.failed(callback, callbackName, failure);
        } else {
            fallback.log(System.Logger.Level.WARNING, callbackName + " of " + callback.getClass().getName()
                    + " failed", failure);
        }
    }

    @Override
    public Call started(Object callback, String callbackName) {
        CallbackMonitor current = monitor;
        return current == null ? UNWATCHED : current.started(callback, callbackName);
    }
}
