package org.switchboard.api.ui;

import java.awt.EventQueue;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Releases a skin's or feature's windows from its component's deactivate method. The windows must be gone by the
 * time the bundle has stopped: right after, the framework may refresh it, and an event still queued for one of its
 * windows (a paint, a timer) would then run code whose class loader is no longer valid. Deactivate methods must not
 * wait for the event thread without a bound (it may itself be waiting for the framework), so the wait is bounded.
 */
public final class WindowRelease {

    private static final System.Logger LOG = System.getLogger(WindowRelease.class.getName());

    private WindowRelease() {
    }

    /**
     * Runs {@code release} on the event thread and waits up to {@code timeout} for it to finish; on the event
     * thread itself it runs at once. Returns false when the wait timed out (the release still runs later).
     */
    public static boolean onEventThread(Runnable release, Duration timeout) {
        if (EventQueue.isDispatchThread()) {
            release.run();
            return true;
        }
        CountDownLatch done = new CountDownLatch(1);
        EventQueue.invokeLater(() -> {
            try {
                release.run();
            } finally {
                done.countDown();
            }
        });
        try {
            if (done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(System.Logger.Level.WARNING, "The event thread did not release the windows within " + timeout
                + "; they go when it gets to it");
        return false;
    }
}
