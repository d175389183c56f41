package org.switchboard.plugins;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.switchboard.api.plugins.CallbackMonitor;
import org.switchboard.api.plugins.PluginProblem;

/**
 * What the callbacks of each bundle did wrong: failures counted with the latest one kept, calls running now, and
 * the latest call that ran too long. Kept per bundle id, dropped when the bundle is uninstalled or updated.
 *
 * <p>The log gets a bundle's first failure with its stack trace, then at most one failure per log interval, which
 * says how many were not logged in between: a listener that throws on every message of a flood writes a line a
 * minute, not thousands a second. The count and the latest failure are always exact.
 */
final class CallbackRecords implements CallbackMonitor {

    /** The bundle a callback belongs to, and how the log names it. */
    record Owner(long bundleId, String name) {
    }

    private record Failure(String callbackName, String summary, long epochMillis) {
    }

    private record SlowCall(String callbackName, long nanos, long epochMillis) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final int MAX_SUMMARY_CHARS = 200;

    private final Function<Object, Owner> ownerOf;
    private final System.Logger log;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private final long logIntervalNanos;
    private final long blockedAfterNanos;
    private final Runnable changed;
    private final Map<Long, BundleRecord> records = new ConcurrentHashMap<>();
    private final Set<RunningCall> running = ConcurrentHashMap.newKeySet();

    /**
     * @param ownerOf        the bundle of a callback object
     * @param log            where failures are logged (rate-limited)
     * @param nanoTime       a monotonic clock for intervals and durations
     * @param clock          the wall clock for the times shown to people, and their zone
     * @param logIntervalMillis at most one failure per bundle is logged per interval
     * @param blockedAfterMillis a call running longer than this is shown as blocking
     * @param changed        told whenever what {@link #problems} or {@link #failures} return changes
     */
    CallbackRecords(Function<Object, Owner> ownerOf, System.Logger log, LongSupplier nanoTime, Clock clock,
            long logIntervalMillis, long blockedAfterMillis, Runnable changed) {
        this.ownerOf = ownerOf;
        this.log = log;
        this.nanoTime = nanoTime;
        this.clock = clock;
        this.logIntervalNanos = TimeUnit.MILLISECONDS.toNanos(logIntervalMillis);
        this.blockedAfterNanos = TimeUnit.MILLISECONDS.toNanos(blockedAfterMillis);
        this.changed = changed;
    }

    @Override
    public void failed(Object callback, String callbackName, Throwable failure) {
        Owner owner = ownerOf.apply(callback);
        BundleRecord record = records.computeIfAbsent(owner.bundleId(), id -> new BundleRecord());
        record.failures.increment();
        record.latestFailure = new Failure(callbackName, summary(failure), clock.millis());
        long notLogged = record.admitToLog(nanoTime.getAsLong(), logIntervalNanos);
        if (notLogged == 0) {
            log.log(Level.ERROR, owner.name() + ": " + callbackName + " threw; further failures of this bundle are "
                    + "logged at most once every " + TimeUnit.NANOSECONDS.toSeconds(logIntervalNanos) + " s", failure);
        } else if (notLogged > 0) {
            log.log(Level.ERROR, owner.name() + ": " + callbackName + " threw; " + notLogged
                    + " more failures of this bundle since the last one logged", failure);
        }
        changed.run();
    }

    @Override
    public Call started(Object callback, String callbackName) {
        RunningCall call = new RunningCall(ownerOf.apply(callback), callbackName, Thread.currentThread().getName(),
                nanoTime.getAsLong());
        running.add(call);
        return call;
    }

    private void finished(RunningCall call) {
        if (!running.remove(call)) {
            return;
        }
        long took = nanoTime.getAsLong() - call.startNanos;
        if (took < blockedAfterNanos) {
            return;
        }
        BundleRecord record = records.computeIfAbsent(call.owner.bundleId(), id -> new BundleRecord());
        record.slowCalls.increment();
        record.latestSlow = new SlowCall(call.callbackName, took, clock.millis());
        log.log(Level.WARNING, call.owner.name() + ": " + call.callbackName + " took " + seconds(took)
                + " s on " + call.threadName + "; callbacks must return quickly");
        changed.run();
    }

    /** How many times callbacks of the bundle threw since it was installed or updated. */
    long failures(long bundleId) {
        BundleRecord record = records.get(bundleId);
        return record == null ? 0 : record.failures.sum();
    }

    /** The latest failure, calls blocking right now and the latest call that ran too long. */
    List<PluginProblem> problems(long bundleId) {
        List<PluginProblem> problems = new ArrayList<>();
        BundleRecord record = records.get(bundleId);
        Failure failure = record == null ? null : record.latestFailure;
        if (failure != null) {
            long count = record.failures.sum();
            problems.add(new PluginProblem(PluginProblem.Kind.CALLBACK_FAILED, failure.callbackName() + " threw "
                    + failure.summary() + " (at " + time(failure.epochMillis())
                    + (count > 1 ? ", the latest of " + count + " failures)" : ")")));
        }
        long now = nanoTime.getAsLong();
        for (RunningCall call : running) {
            if (call.owner.bundleId() == bundleId && now - call.startNanos >= blockedAfterNanos) {
                problems.add(new PluginProblem(PluginProblem.Kind.CALLBACK_BLOCKED, call.callbackName
                        + " has been running for " + seconds(now - call.startNanos) + " s on " + call.threadName));
            }
        }
        SlowCall slow = record == null ? null : record.latestSlow;
        if (slow != null) {
            long count = record.slowCalls.sum();
            problems.add(new PluginProblem(PluginProblem.Kind.CALLBACK_BLOCKED, slow.callbackName() + " took "
                    + seconds(slow.nanos()) + " s (at " + time(slow.epochMillis())
                    + (count > 1 ? ", the latest of " + count + " slow calls)" : ")")));
        }
        return problems;
    }

    /** True while any monitored call runs: the problems then change with time alone. */
    boolean callsRunning() {
        return !running.isEmpty();
    }

    /** Logs how many failures of a bundle went unlogged (when it stops: no later failure will say it). */
    void flush(long bundleId, String bundleName) {
        BundleRecord record = records.get(bundleId);
        long notLogged = record == null ? 0 : record.takeNotLogged();
        if (notLogged > 0) {
            Failure latest = record.latestFailure;
            log.log(Level.ERROR, bundleName + ": " + notLogged + " more callback failures were not logged; the latest: "
                    + latest.callbackName() + " threw " + latest.summary());
        }
    }

    /**
     * Forgets a bundle (uninstalled, or updated to new code), after logging what was not logged yet; a call of it
     * still running then ends unrecorded.
     */
    void forget(long bundleId, String bundleName) {
        flush(bundleId, bundleName);
        running.removeIf(call -> call.owner.bundleId() == bundleId);
        if (records.remove(bundleId) != null) {
            changed.run();
        }
    }

    private String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis).atZone(clock.getZone()));
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }

    /** {@code IllegalStateException: message}, one line without control characters, capped in length. */
    static String summary(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_SUMMARY_CHARS + 1));
        for (int i = 0; i < text.length() && sb.length() < MAX_SUMMARY_CHARS; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (text.length() > MAX_SUMMARY_CHARS) {
            sb.append('…');
        }
        return sb.toString();
    }

    private static final class BundleRecord {
        final LongAdder failures = new LongAdder();
        final LongAdder slowCalls = new LongAdder();
        volatile Failure latestFailure;
        volatile SlowCall latestSlow;
        // guarded by this
        private boolean anyLogged;
        private long lastLoggedNanos;
        private long notLogged;

        /**
         * Decides whether a failure at {@code now} is logged: if so, returns how many were not logged since the
         * last logged one (0 for the first); if not, counts it and returns -1.
         */
        synchronized long admitToLog(long now, long intervalNanos) {
            if (anyLogged && now - lastLoggedNanos < intervalNanos) {
                notLogged++;
                return -1;
            }
            anyLogged = true;
            lastLoggedNanos = now;
            long skipped = notLogged;
            notLogged = 0;
            return skipped;
        }

        synchronized long takeNotLogged() {
            long skipped = notLogged;
            notLogged = 0;
            return skipped;
        }
    }

    private final class RunningCall implements Call {
        final Owner owner;
        final String callbackName;
        final String threadName;
        final long startNanos;

        RunningCall(Owner owner, String callbackName, String threadName, long startNanos) {
            this.owner = owner;
            this.callbackName = callbackName;
            this.threadName = threadName;
            this.startNanos = startNanos;
        }

        @Override
        public void close() {
            finished(this);
        }
    }
}
