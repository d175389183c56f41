package org.switchboard.api.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class WindowReleaseTest {

    @Test
    void theReleaseHasRunOnTheEventThreadWhenTheCallReturns() {
        AtomicBoolean ranOnEventThread = new AtomicBoolean();
        assertTrue(WindowRelease.onEventThread(() -> ranOnEventThread.set(EventQueue.isDispatchThread()),
                Duration.ofSeconds(10)));
        assertTrue(ranOnEventThread.get());
    }

    @Test
    void onTheEventThreadItRunsAtOnce() throws Exception {
        AtomicBoolean ranInline = new AtomicBoolean();
        EventQueue.invokeAndWait(() -> {
            boolean[] ran = { false };
            WindowRelease.onEventThread(() -> ran[0] = true, Duration.ofSeconds(10));
            ranInline.set(ran[0]);
        });
        assertTrue(ranInline.get(), "no waiting for itself");
    }

    @Test
    void aBusyEventThreadBoundsTheWaitAndTheReleaseRunsLater() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch releaseEventThread = new CountDownLatch(1);
        EventQueue.invokeLater(() -> {
            busy.countDown();
            try {
                releaseEventThread.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        CountDownLatch released = new CountDownLatch(1);
        try {
            assertFalse(WindowRelease.onEventThread(released::countDown, Duration.ofMillis(50)),
                    "the wait gives up while the event thread is busy");
        } finally {
            releaseEventThread.countDown();
        }
        assertTrue(released.await(10, TimeUnit.SECONDS), "the release still runs once the event thread is free");
    }
}
