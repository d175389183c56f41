package org.switchboard.feature.ctcp;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides whether a CTCP reply may go out: one bucket per network, so a flood on one network cannot use up the
 * replies of another, and one bucket over all networks, so many networks flooded at once still send little.
 * Replies beyond either limit are dropped, never queued: a queued reply would still add to the excess flood
 * the server counts.
 */
final class ReplyLimiter {

    private final Clock clock;
    private final int networkBurst;
    private final long networkIntervalMillis;
    private final TokenBucket global;
    private final Map<String, TokenBucket> networks = new HashMap<>();

    ReplyLimiter(Clock clock, int networkBurst, long networkIntervalMillis, int globalBurst,
            long globalIntervalMillis) {
        this.clock = clock;
        this.networkBurst = networkBurst;
        this.networkIntervalMillis = networkIntervalMillis;
        this.global = new TokenBucket(globalBurst, globalIntervalMillis, clock.millis());
    }

    /** Takes a token from the network's bucket and the global one when both have one; false (taking none) otherwise. */
    synchronized boolean tryAcquire(String network) {
        long now = clock.millis();
        TokenBucket bucket = networks.computeIfAbsent(network,
                n -> new TokenBucket(networkBurst, networkIntervalMillis, now));
        if (!bucket.hasToken(now) || !global.hasToken(now)) {
            return false;
        }
        bucket.take();
        global.take();
        return true;
    }
}
