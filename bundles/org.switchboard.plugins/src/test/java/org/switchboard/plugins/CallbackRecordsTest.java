package org.switchboard.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.switchboard.api.plugins.CallbackMonitor;
import org.switchboard.api.plugins.PluginProblem;

class CallbackRecordsTest {

    /** Two callbacks of bundle 7, one of bundle 8. */
    private final Object listenerOf7 = new Object();
    private final Object commandOf7 = new Object();
    private final Object listenerOf8 = new Object();
    private final AtomicLong nanos = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final RecordingLogger log = new RecordingLogger();
    private final AtomicInteger changes = new AtomicInteger();
    private final CallbackRecords records = new CallbackRecords(
            callback -> callback == listenerOf8 ? new CallbackRecords.Owner(8, "org.eight 1.0.0")
                    : new CallbackRecords.Owner(7, "org.seven 2.0.0"),
            log, nanos::get, Clock.fixed(Instant.parse("2026-03-01T09:15:30Z"), ZoneOffset.UTC), 60_000, 2_000,
            changes::incrementAndGet);

    @Test
    void aFloodOfFailuresIsCountedExactlyButLoggedOnceAMinutePerBundle() {
        for (int i = 0; i < 10_000; i++) {
            records.failed(listenerOf7, "IrcMessageListener PRIVMSG", new IllegalStateException("boom " + i));
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        }
        // 10 s of failures: only the first is logged, with its stack trace.
        assertEquals(1, log.records.size(), log.records.toString());
        assertTrue(log.records.get(0).message.startsWith("org.seven 2.0.0: IrcMessageListener PRIVMSG threw;"));
        assertEquals("boom 0", log.records.get(0).thrown.getMessage());
        assertEquals(10_000, records.failures(7));

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(50));
        records.failed(listenerOf7, "IrcMessageListener PRIVMSG", new IllegalStateException("later"));
        assertEquals(2, log.records.size());
        assertTrue(log.records.get(1).message.contains("9999 more failures of this bundle since the last one logged"),
                log.records.get(1).message);
        assertEquals("later", log.records.get(1).thrown.getMessage());

        // Another bundle has its own allowance.
        records.failed(listenerOf8, "SessionListener BUFFER_CHANGED", new RuntimeException("eight"));
        assertEquals(3, log.records.size());
        assertEquals(10_001, records.failures(7));
        assertEquals(1, records.failures(8));
        assertEquals(10_002, changes.get(), "every failure marks the list as changed");
    }

    @Test
    void theLatestFailureIsAProblemOfItsBundle() {
        records.failed(listenerOf7, "/boom", new IllegalStateException("first"));
        records.failed(commandOf7, "/boom", new IllegalArgumentException("line one\nline\u0007two"));
        List<PluginProblem> problems = records.problems(7);
        assertEquals(List.of(new PluginProblem(PluginProblem.Kind.CALLBACK_FAILED,
                "/boom threw IllegalArgumentException: line one line two (at 09:15:30, the latest of 2 failures)")),
                problems);
        assertEquals(List.of(), records.problems(8));
        assertEquals(0, records.failures(8));
    }

    @Test
    void aCallRunningTooLongIsBlockingWhileItRunsAndSlowAfterwards() {
        CallbackMonitor.Call quick = records.started(commandOf7, "/join");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        quick.close();
        assertEquals(List.of(), records.problems(7), "a quick call leaves nothing");

        CallbackMonitor.Call slow = records.started(commandOf7, "/block");
        assertTrue(records.callsRunning());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertEquals(List.of(), records.problems(7), "not yet over the limit");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(11));
        assertEquals(List.of(new PluginProblem(PluginProblem.Kind.CALLBACK_BLOCKED, "/block has been running for 12 s on "
                + Thread.currentThread().getName())), records.problems(7));

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(3));
        slow.close();
        slow.close();
        assertTrue(!records.callsRunning());
        assertEquals(List.of(new PluginProblem(PluginProblem.Kind.CALLBACK_BLOCKED, "/block took 15 s (at 09:15:30)")),
                records.problems(7));
        assertEquals(1, log.records.size(), "the slow call is logged once");
        assertTrue(log.records.get(0).message.contains("/block took 15 s"), log.records.get(0).message);
        assertEquals(0, records.failures(7), "slow is not failed");
    }

    @Test
    void stoppingLogsWhatWasNotLoggedAndUninstallingForgets() {
        records.failed(listenerOf7, "IrcMessageListener PING", new IllegalStateException("a"));
        records.failed(listenerOf7, "IrcMessageListener PING", new IllegalStateException("b"));
        records.failed(listenerOf7, "IrcMessageListener PING", new IllegalStateException("c"));
        records.flush(7, "org.seven 2.0.0");
        assertEquals(2, log.records.size());
        assertEquals("org.seven 2.0.0: 2 more callback failures were not logged; the latest: IrcMessageListener PING "
                + "threw IllegalStateException: c", log.records.get(1).message);
        records.flush(7, "org.seven 2.0.0");
        assertEquals(2, log.records.size(), "nothing left to say");

        CallbackMonitor.Call late = records.started(commandOf7, "/block");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(30));
        records.forget(7, "org.seven 2.0.0");
        late.close();
        assertEquals(0, records.failures(7));
        assertEquals(List.of(), records.problems(7), "a call ending after its bundle went leaves nothing behind");
        assertTrue(!records.callsRunning());
    }

    @Test
    void summariesAreOneShortLine() {
        String summary = CallbackRecords.summary(new IllegalStateException("x".repeat(500)));
        assertEquals(201, summary.length());
        assertTrue(summary.endsWith("…"));
        assertEquals("NullPointerException", CallbackRecords.summary(new NullPointerException()));
    }

    private record Logged(System.Logger.Level level, String message, Throwable thrown) {
    }

    /** A System.Logger that keeps what it is given. */
    private static final class RecordingLogger implements System.Logger {
        final List<Logged> records = new ArrayList<>();

        @Override
        public String getName() {
            return "recording";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            records.add(new Logged(level, message, thrown));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            records.add(new Logged(level, format, null));
        }
    }
}
