package org.switchboard.connection.internal;

import java.util.function.LongSupplier;

/**
 * Flood control: up to {@code burst} lines at once, then one more every {@code intervalNanos}. Servers kill
 * clients that exceed their receive rate ("Excess Flood"); pacing here keeps a long paste alive.
 * Not thread-safe: owned by the writer thread.
 */
final class TokenBucket {

    private final int burst;
    private final long intervalNanos;
    private final LongSupplier clock;
    private double tokens;
    private long last;

    TokenBucket(int burst, long intervalNanos, LongSupplier nanoClock) {
        this.burst = Math.max(1, burst);
        this.intervalNanos = Math.max(0, intervalNanos);
        this.clock = nanoClock;
        this.tokens = this.burst;
        this.last = nanoClock.getAsLong();
    }

    /**
     * Takes a token if one is available and returns 0; otherwise takes nothing and returns how many nanoseconds
     * until one will be.
     */
    long tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * intervalNanos);
    }

    /**
     * Takes a token even when none is left, for lines that must not wait (PONG): the debt delays the lines
     * after it, so the average rate still holds.
     */
    void take() {
        refill();
        tokens -= 1;
    }

    private void refill() {
        long now = clock.getAsLong();
        long elapsed = now - last;
        last = now;
        if (intervalNanos == 0) {
            tokens = burst;
        } else if (elapsed > 0) {
            tokens = Math.min(burst, tokens + (double) elapsed / intervalNanos);
        }
    }
}
