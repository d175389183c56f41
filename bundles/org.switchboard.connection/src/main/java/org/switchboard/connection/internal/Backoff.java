package org.switchboard.connection.internal;

import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: {@code min * 2^attempt}, capped at {@code max}, then spread by +-20 % so that many clients
 * dropped by the same netsplit do not come back in lock step.
 */
final class Backoff {

    static final double JITTER = 0.2;

    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;

    Backoff(long minMillis, long maxMillis, DoubleSupplier random) {
        this.minMillis = Math.max(1, minMillis);
        this.maxMillis = Math.max(this.minMillis, maxMillis);
        this.random = random;
    }

    /** Delay before attempt number {@code attempt} (0 for the first retry after a drop). */
    long delayMillis(int attempt) {
        long base = minMillis;
        for (int i = 0; i < attempt && base < maxMillis; i++) {
            base *= 2;
        }
        base = Math.min(base, maxMillis);
        double factor = 1 + JITTER * (2 * random.getAsDouble() - 1);
        return Math.max(1, Math.round(base * factor));
    }
}
