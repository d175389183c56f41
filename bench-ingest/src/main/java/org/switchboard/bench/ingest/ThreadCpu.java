package org.switchboard.bench.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of each thread of a process, from {@code /proc/PID/task/TID/schedstat} (nanoseconds on the CPU), so
 * that a JVM's flood CPU can be split into the reader thread's work and what the JIT compiler, the collector and
 * the disk log cost beside it. A thread that ends between two snapshots takes its time with it; the difference
 * to the process total is reported as "other".
 */
final class ThreadCpu {

    /** The groups reported, in print order; a thread name (Linux keeps 15 characters) decides the group. */
    static final String[] GROUPS = { "reader", "disklog", "jit", "gc+vm", "other" };

    private final Map<Long, Long> nanosByThread;
    private final Map<Long, String> nameByThread;
    /** Per thread: nanoseconds runnable but waiting for a CPU (schedstat's second field). */
    private final Map<Long, Long> queuedNanosByThread;
    /** Per thread: how often it gave up the CPU to wait (for the socket, a lock, the disk log). */
    private final Map<Long, Long> blockedByThread;

    private ThreadCpu(Map<Long, Long> nanosByThread, Map<Long, String> nameByThread, Map<Long, Long> queuedNanos,
            Map<Long, Long> blocked) {
        this.nanosByThread = nanosByThread;
        this.nameByThread = nameByThread;
        this.queuedNanosByThread = queuedNanos;
        this.blockedByThread = blocked;
    }

    static ThreadCpu of(long pid) throws IOException {
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> queued = new HashMap<>();
        Map<Long, Long> blocked = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                long tid = Long.parseLong(task.getFileName().toString());
                try {
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    String[] fields = schedstat.strip().split(" ");
                    nanos.put(tid, Long.parseLong(fields[0]));
                    queued.put(tid, Long.parseLong(fields[1]));
                    names.put(tid, Files.readString(task.resolve("comm")).strip());
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            blocked.put(tid, Long.parseLong(line.substring(line.indexOf(':') + 1).strip()));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            }
        }
        return new ThreadCpu(nanos, names, queued, blocked);
    }

    static String group(String threadName) {
        if (threadName.startsWith("switchboard-rea")) {
            return "reader";
        }
        if (threadName.startsWith("switchboard-dis")) {
            return "disklog";
        }
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return "gc+vm";
        }
        return "other";
    }

    /** Seconds per group between {@code before} and this snapshot; "other" also takes what ended threads used. */
    Map<String, Double> since(ThreadCpu before, double processCpuSeconds) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String group : GROUPS) {
            seconds.put(group, 0.0);
        }
        double known = 0;
        for (Map.Entry<Long, Long> entry : nanosByThread.entrySet()) {
            long delta = entry.getValue() - before.nanosByThread.getOrDefault(entry.getKey(), 0L);
            String group = group(nameByThread.get(entry.getKey()));
            seconds.merge(group, delta / 1e9, Double::sum);
            known += delta / 1e9;
        }
        seconds.merge("other", Math.max(0, processCpuSeconds - known), Double::sum);
        return seconds;
    }

    /**
     * Seconds per thread name between {@code before} and this snapshot, threads of one pool (names that differ only
     * in trailing digits, such as "GC Thread#0" and "GC Thread#1") added up.
     */
    Map<String, Double> byName(ThreadCpu before) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> entry : nanosByThread.entrySet()) {
            long delta = entry.getValue() - before.nanosByThread.getOrDefault(entry.getKey(), 0L);
            seconds.merge(nameByThread.get(entry.getKey()).replaceAll("\\d+$", ""), delta / 1e9, Double::sum);
        }
        return seconds;
    }

    /**
     * Why the reader was off the CPU between {@code before} and this snapshot: milliseconds runnable but waiting
     * for a CPU, and how often it blocked (an empty socket, a lock, the disk log's back-pressure).
     */
    String readerWaits(ThreadCpu before) {
        long queuedNanos = 0;
        long blocked = 0;
        for (Map.Entry<Long, String> entry : nameByThread.entrySet()) {
            if (group(entry.getValue()).equals("reader")) {
                long tid = entry.getKey();
                queuedNanos += queuedNanosByThread.getOrDefault(tid, 0L)
                        - before.queuedNanosByThread.getOrDefault(tid, 0L);
                blocked += blockedByThread.getOrDefault(tid, 0L) - before.blockedByThread.getOrDefault(tid, 0L);
            }
        }
        return String.format(java.util.Locale.ROOT, "reader waited %.1f ms for a CPU and blocked %d times",
                queuedNanos / 1e6, blocked);
    }
}
