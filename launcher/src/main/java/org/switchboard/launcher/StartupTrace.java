package org.switchboard.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Start-up milestones on standard error, for finding where start-up time goes:
 * {@code SWITCHBOARD_OPTS=-Dswitchboard.startup.trace=true bin/switchboard}. Each line gives the time since the
 * process started (as the operating system counts it, so JVM start-up is included) and the CPU time all of the
 * process's threads had used by then, both in the operating system's clock ticks (10 ms on Linux). Both come from
 * {@link ProcessHandle}, not from management beans, whose loading would itself show in the figures; and no
 * lambda or string concatenation, whose first use costs milliseconds of bootstrapping. Off by default.
 */
final class StartupTrace {

    static final String PROPERTY = "switchboard.startup.trace";

    private static final boolean ENABLED = Boolean.getBoolean(PROPERTY);

    private StartupTrace() {
    }

    static void mark(String milestone) {
        if (ENABLED) {
            print(System.err, milestone);
        }
    }

    static void print(PrintStream out, String milestone) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<Instant> start = info.startInstant();
        Optional<Duration> cpu = info.totalCpuDuration();
        StringBuilder line = new StringBuilder("switchboard startup: ").append(milestone).append(" at ");
        if (start.isPresent()) {
            line.append(Duration.between(start.get(), Instant.now()).toMillis()).append(" ms");
        } else {
            line.append('?');
        }
        line.append(" (CPU ");
        if (cpu.isPresent()) {
            line.append(cpu.get().toMillis()).append(" ms)");
        } else {
            line.append("?)");
        }
        out.println(line);
    }
}
