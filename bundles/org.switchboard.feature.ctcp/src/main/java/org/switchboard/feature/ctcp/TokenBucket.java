package org.switchboard.feature.ctcp;

/**
 * A token bucket on a caller-supplied clock: holds up to {@code burst} tokens and gains one every
 * {@code intervalMillis}. Not thread-safe; {@link ReplyLimiter} guards it.
 */
final class TokenBucket {

    private final int burst;
    private final long intervalMillis;
    private double tokens;
    private long lastRefill;

    TokenBucket(int burst, long intervalMillis, long now) {
        this.burst = Math.max(1, burst);
        this.intervalMillis = Math.max(1, intervalMillis);
        this.tokens = this.burst;
        this.lastRefill = now;
    }

    private void refill(long now) {
        if (now > lastRefill) {
            tokens = Math.min(burst, tokens + (double) (now - lastRefill) / intervalMillis);
        }
        // A clock that steps back must not hand out tokens later; starting over from now is the safe choice.
        lastRefill = now;
    }

    boolean hasToken(long now) {
        refill(now);
        return tokens >= 1;
    }

    void take() {
        tokens -= 1;
    }
}
