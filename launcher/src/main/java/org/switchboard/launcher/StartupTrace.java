package org.switchboard.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Start-up milestones on standard error, for finding where start-up time goes:
 * {@code SWITCHBOARD_OPTS=-Dswitchboard.startup.trace=true bin/switchboard}. Each line gives the time since the
 * process started (as the operating system counts it, so JVM start-up is included) and the CPU time all of the
 * process's threads had used by then, both in the operating system's clock ticks (10 ms on Linux). No management
 * beans, whose loading would itself show in the figures; and no lambda or string concatenation, whose first use
 * costs milliseconds of bootstrapping. Off by default.
 *
 * <p>On Linux the time since the start is the system's uptime minus the process's start tick, both from
 * {@code /proc}: {@link ProcessHandle.Info#startInstant()} adds the start tick to the boot time, which Linux gives
 * only in whole seconds, so its figures were off by a constant of up to a second (a phantom quarter of a second
 * "before main" on the machine where this was found).
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
        Optional<Duration> cpu = info.totalCpuDuration();
        StringBuilder line = new StringBuilder("switchboard startup: ").append(milestone).append(" at ");
        long sinceStart = millisSinceStartFromProc();
        Optional<Instant> start = info.startInstant();
        if (sinceStart >= 0) {
            line.append(sinceStart).append(" ms");
        } else if (start.isPresent()) {
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

    /** Milliseconds since this process started, from Linux's /proc in 10 ms ticks; -1 where that is not there. */
    static long millisSinceStartFromProc() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            return millisSinceStart(uptime, stat, 100);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The process's age from the contents of /proc/uptime (seconds since boot) and /proc/self/stat (whose 22nd field
     * is the start time in clock ticks since boot); the command name in field 2 may itself hold spaces and
     * parentheses, so fields are counted from the last ')'.
     */
    static long millisSinceStart(String uptime, String stat, int ticksPerSecond) {
        int space = uptime.indexOf(' ');
        double uptimeSeconds = Double.parseDouble(space < 0 ? uptime.trim() : uptime.substring(0, space));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so field 22 is fields[19].
        long startTicks = Long.parseLong(fields[19]);
        return Math.round(uptimeSeconds * 1000) - startTicks * 1000 / ticksPerSecond;
    }
}
