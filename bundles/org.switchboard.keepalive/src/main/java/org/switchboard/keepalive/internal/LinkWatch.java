package org.switchboard.keepalive.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/**
 * The keepalive logic, free of threads and OSGi so it can be tested with a fake clock: it watches every
 * registered connection's last received line; after {@code probeAfterIdle} of silence it sends
 * {@code PING :switchboard-lag-<n>} and reports the time until the matching PONG as the connection's lag; after
 * {@code deadAfter} of silence, with a probe unanswered for {@code deadAfter - probeAfterIdle}, it declares the link
 * dead and has the connection reconnect. A link that stays in
 * registration longer than {@code registrationTimeout} (a server that accepts the connection but never welcomes
 * us) is recycled the same way. With a lag check period set, a link is also probed once it is registered and then
 * at that period however busy it is, so the lag shown is never much older than the period (as irssi and WeeChat
 * measure it).
 */
final class LinkWatch {

    static final String TOKEN_PREFIX = "switchboard-lag-";

    /** A probe unanswered this long makes the reported lag grow with it, so the UI sees a stalling link. */
    private static final long REPORT_WAITING_AFTER_MILLIS = 2000;

    private final LongSupplier nanoClock;
    private volatile long probeAfterIdleNanos;
    private volatile long deadAfterNanos;
    private final AtomicLong tokens = new AtomicLong();
    private volatile long registrationTimeoutNanos;
    /** 0: probe idle links only. */
    private volatile long lagCheckNanos;
    private final Map<IrcConnection, Watch> watches = new ConcurrentHashMap<>();
    /** When each connection that is registering started to. */
    private final Map<IrcConnection, Long> registering = new ConcurrentHashMap<>();

    private static final class Watch {
        /** Written for every received line without the lock; the tick only needs a recent value. */
        volatile long lastReceived;
        /** Set and cleared under the watch's lock; read without it to skip the lock when no probe is out. */
        volatile String probeToken;
        long probeSent;
        long reportedLag = -1;
        /** When the last probe went out, if one has. */
        long lastProbe;
        boolean probed;

        Watch(long now) {
            lastReceived = now;
        }
    }

    LinkWatch(long probeAfterIdleSeconds, long deadAfterSeconds, long registrationTimeoutSeconds,
            LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        configure(probeAfterIdleSeconds, deadAfterSeconds, registrationTimeoutSeconds);
    }

    /** New limits apply from the next tick; what is known about each link is kept. */
    void configure(long probeAfterIdleSeconds, long deadAfterSeconds, long registrationTimeoutSeconds) {
        probeAfterIdleNanos = TimeUnit.SECONDS.toNanos(Math.max(1, probeAfterIdleSeconds));
        deadAfterNanos = TimeUnit.SECONDS.toNanos(Math.max(probeAfterIdleSeconds + 1, deadAfterSeconds));
        registrationTimeoutNanos = TimeUnit.SECONDS.toNanos(Math.max(1, registrationTimeoutSeconds));
    }

    /** Probes busy links too, every {@code seconds} (and once when they are registered); 0 turns that off. */
    void checkLagEvery(long seconds) {
        lagCheckNanos = TimeUnit.SECONDS.toNanos(Math.max(0, seconds));
    }

    void stateChanged(IrcConnection connection, ConnectionState current) {
        if (current == ConnectionState.REGISTERING) {
            registering.putIfAbsent(connection, nanoClock.getAsLong());
        } else {
            registering.remove(connection);
        }
        if (current == ConnectionState.CONNECTED) {
            watches.put(connection, new Watch(nanoClock.getAsLong()));
        } else {
            watches.remove(connection);
        }
    }

    void received(IrcConnection connection, IrcMessage message) {
        Watch watch = watches.get(connection);
        if (watch == null) {
            return;
        }
        long now = nanoClock.getAsLong();
        watch.lastReceived = now;
        if (watch.probeToken == null || !message.is("PONG")) {
            return;
        }
        long lag = -1;
        synchronized (watch) {
            if (watch.probeToken != null && watch.probeToken.equals(message.lastParam())) {
                lag = TimeUnit.NANOSECONDS.toMillis(now - watch.probeSent);
                watch.probeToken = null;
                watch.reportedLag = lag;
            }
        }
        if (lag >= 0) {
            connection.reportLag(lag);
        }
    }

    /** Called periodically: probes idle links, recycles dead ones and those stuck in registration. */
    void tick() {
        long now = nanoClock.getAsLong();
        for (Map.Entry<IrcConnection, Long> entry : registering.entrySet()) {
            IrcConnection connection = entry.getKey();
            if (now - entry.getValue() >= registrationTimeoutNanos && registering.remove(connection, entry.getValue())
                    && connection.state() == ConnectionState.REGISTERING) {
                connection.reconnect("The server did not complete registration within "
                        + TimeUnit.NANOSECONDS.toSeconds(registrationTimeoutNanos) + " s; reconnecting");
            }
        }
        for (Map.Entry<IrcConnection, Watch> entry : watches.entrySet()) {
            IrcConnection connection = entry.getKey();
            Watch watch = entry.getValue();
            if (connection.state() != ConnectionState.CONNECTED) {
                continue;
            }
            String probe = null;
            long reportWaiting = -1;
            boolean dead = false;
            synchronized (watch) {
                long silent = now - watch.lastReceived;
                // Dead only after an unanswered probe has had the time the limits give it: when ticks come late
                // (a suspended laptop, a stalled machine) the link is probed first instead of dropped at once.
                boolean probeHadItsTime = watch.probeToken != null
                        && now - watch.probeSent >= deadAfterNanos - probeAfterIdleNanos;
                if (silent >= deadAfterNanos && probeHadItsTime) {
                    dead = true;
                    watches.remove(connection, watch);
                } else if (watch.probeToken == null && (silent >= probeAfterIdleNanos
                        || lagCheckNanos > 0 && (!watch.probed || now - watch.lastProbe >= lagCheckNanos))) {
                    probe = TOKEN_PREFIX + tokens.incrementAndGet();
                    watch.probeToken = probe;
                    watch.probeSent = now;
                    watch.lastProbe = now;
                    watch.probed = true;
                } else if (watch.probeToken != null) {
                    long waiting = TimeUnit.NANOSECONDS.toMillis(now - watch.probeSent);
                    if (waiting >= REPORT_WAITING_AFTER_MILLIS && waiting > watch.reportedLag) {
                        watch.reportedLag = waiting;
                        reportWaiting = waiting;
                    }
                }
            }
            if (dead) {
                connection.reconnect("No data from the server for "
                        + TimeUnit.NANOSECONDS.toSeconds(deadAfterNanos) + " s; link declared dead, reconnecting");
            } else if (probe != null) {
                connection.send(IrcMessage.of("PING", probe));
            } else if (reportWaiting >= 0) {
                connection.reportLag(reportWaiting);
            }
        }
    }

    int watched() {
        return watches.size();
    }
}
