package org.switchboard.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end ingest benchmark: for each run, a fresh client process connects to a fresh {@link FloodServer},
 * registers and joins a 500-user channel; then the clock runs from the first flood byte written until the PONG
 * for the PING sent after the last flood line. Clients are interleaved (run 1 of every client, then run 2...)
 * so that a change in machine load hits all of them alike.
 *
 * <pre>
 * java -cp bench-ingest/target/classes org.switchboard.bench.ingest.IngestBench \
 *     --dist distribution/target/switchboard-0.1.0-SNAPSHOT --lines 100000 --runs 5 \
 *     --clients switchboard-headless,switchboard-ui,weechat-headless,irssi --display :99 --work /tmp/bench
 * </pre>
 *
 * Lines/s = lines / elapsed; MB/s = flood bytes (10^6) / elapsed; peak RSS = VmHWM of the client process read
 * after the PONG (the whole life of the process: start-up, join and flood); load = 1-minute load average at the
 * start of the run; client CPU = user + system time the client process used between the first flood byte and the
 * PONG (all its threads), which is less sensitive to a loaded machine than the wall-clock rate. For Switchboard that
 * CPU is also split by thread group ({@link ThreadCpu}: reader, disk log, JIT, GC) and the busiest threads are
 * printed under each run; with its UI, EDT CPU is the part spent on the Swing event thread (the UI's own cost:
 * refreshing, laying out and painting); heap after GC is the live heap after the PONG (a full collection through
 * {@code jcmd}, outside the clock), the figure that says what heap the client needs; and the time from starting
 * the process to its TCP connect is printed. {@code --baseline-dist} names another build, run as the client
 * {@code switchboard-headless-baseline}, so that old and new code are measured back to back.
 */
public final class IngestBench {

    private record Result(BenchClient client, int run, double seconds, double linesPerSecond, double mbPerSecond,
            long peakRssKib, double cpuSeconds, double edtCpuSeconds, double heapAfterGcMib, String load,
            Map<String, Double> threadGroups, Map<String, Double> threadCpu, double connectSeconds,
            String readerWaits) {
    }

    /** Linux keeps 15 characters of a thread's name: Swing's "AWT-EventQueue-0" is "AWT-EventQueue-". */
    private static final String EVENT_THREAD = "AWT-EventQueue-";
    private static final int THREADS_LISTED = 6;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int lines = Integer.parseInt(options.getOrDefault("lines", "100000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        long timeoutMillis = Long.parseLong(options.getOrDefault("timeout-s", "600")) * 1000;
        Path work = Path.of(options.getOrDefault("work", "/tmp/switchboard-bench-ingest"));
        List<BenchClient> clients = Arrays.stream(options.getOrDefault("clients",
                "switchboard-headless,switchboard-ui,weechat-headless,irssi").split(","))
                .map(String::trim).map(BenchClient::byLabel).toList();
        BenchClient.Settings settings = new BenchClient.Settings(
                Path.of(options.getOrDefault("dist", "distribution/target/switchboard-0.1.0-SNAPSHOT")),
                options.containsKey("baseline-dist") ? Path.of(options.get("baseline-dist")) : null,
                options.getOrDefault("display", System.getenv().getOrDefault("DISPLAY", ":99")),
                System.getenv("SWITCHBOARD_OPTS"));
        Path screenshots = options.containsKey("screenshots") ? Path.of(options.get("screenshots")) : null;

        FloodWorkload workload = FloodWorkload.generate(lines, FloodWorkload.SEED);
        System.out.printf(Locale.ROOT, "flood: %,d lines, %,d bytes (%.1f bytes/line); %d runs of %s%n",
                workload.lines, workload.bytes.length, workload.bytes.length / (double) workload.lines, runs,
                clients.stream().map(c -> c.label).toList());

        List<Result> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (BenchClient client : clients) {
                Path home = work.resolve(client.label + "-" + lines + "-run" + run);
                deleteTree(home);
                String load = loadAverage();
                Result result;
                try {
                    result = runOnce(client, settings, workload, run, home, timeoutMillis, load,
                            run == 1 && client == BenchClient.SWITCHBOARD_UI ? screenshots : null);
                } catch (IOException e) {
                    System.out.printf("%-21s run %d FAILED: %s%n", client.label, run, e.getMessage());
                    continue;
                }
                results.add(result);
                System.out.printf(Locale.ROOT, "%-21s run %d: %8.3f s %,12.0f lines/s %8.2f MB/s peak RSS %,7.1f MiB"
                        + " client CPU %6.2f s (%,.0f lines/CPU-s) EDT CPU %s heap after GC %s  (load %s)%n",
                        client.label, run, result.seconds, result.linesPerSecond, result.mbPerSecond,
                        result.peakRssKib / 1024.0, result.cpuSeconds, workload.lines / result.cpuSeconds,
                        orDash("%.2f s", result.edtCpuSeconds), orDash("%.1f MiB", result.heapAfterGcMib), load);
                if (result.threadGroups != null) {
                    System.out.printf(Locale.ROOT, "%-21s        CPU by thread group: %s; connected %.2f s after start%n",
                            "", describe(result.threadGroups), result.connectSeconds);
                    System.out.println("    busiest threads during the flood: " + busiest(result.threadCpu));
                    System.out.println("    " + result.readerWaits);
                }
            }
        }
        printSummary(results, clients, workload);
        printThreadSummary(results, clients, workload);
    }

    private static Result runOnce(BenchClient client, BenchClient.Settings settings, FloodWorkload workload, int run,
            Path home, long timeoutMillis, String load, Path screenshots) throws IOException, InterruptedException {
        try (FloodServer server = new FloodServer()) {
            long started = System.nanoTime();
            BenchClient.Running running = client.start(settings, server.port(), home);
            try {
                double connectSeconds = (server.acceptAndJoin(60_000) - started) / 1e9;
                Thread.sleep(client.settleMillis);
                boolean ui = client == BenchClient.SWITCHBOARD_UI;
                if (ui) {
                    awaitChannelOnScreen(settings.display());
                }
                screenshot(settings, screenshots, "ui-before-flood.png");
                long pid = running.measuredPid();
                ThreadCpu threadsBefore = client.isJava() ? ThreadCpu.of(pid) : null;
                double cpuBefore = cpuSeconds(pid);
                long nanos = server.flood(workload, timeoutMillis);
                if (nanos < 0) {
                    throw new IOException("no PONG within " + timeoutMillis / 1000 + " s");
                }
                double cpu = cpuSeconds(pid) - cpuBefore;
                ThreadCpu threadsAfter = threadsBefore == null ? null : ThreadCpu.of(pid);
                Map<String, Double> groups = threadsAfter == null ? null : threadsAfter.since(threadsBefore, cpu);
                Map<String, Double> threads = threadsAfter == null ? Map.of() : threadsAfter.byName(threadsBefore);
                double edt = ui ? threads.getOrDefault(EVENT_THREAD, 0.0) : Double.NaN;
                long hwm = peakRssKib(pid);
                if (screenshots != null) {
                    // The window repaints on its own timer; give it a few ticks to show the last lines.
                    Thread.sleep(300);
                    screenshot(settings, screenshots, "ui-after-flood.png");
                }
                double heap = client.isJava() ? heapAfterGcMib(pid) : Double.NaN;
                double seconds = nanos / 1e9;
                return new Result(client, run, seconds, workload.lines / seconds,
                        workload.bytes.length / 1e6 / seconds, hwm, cpu, edt, heap, load, groups, threads,
                        connectSeconds, threadsAfter == null ? null : threadsAfter.readerWaits(threadsBefore));
            } finally {
                running.stop();
            }
        }
    }

    /**
     * The flooded channel must be the buffer on screen (the window title names the buffer shown), as it is after
     * an autojoin; waits for it as long as a slow start may need, and fails the run otherwise.
     */
    private static void awaitChannelOnScreen(String display) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String title = FloodWorkload.CHANNEL + " @ ";
        while (true) {
            try {
                BenchClient.run("env", "DISPLAY=" + display, "xdotool", "search", "--name", title);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the window does not show " + FloodWorkload.CHANNEL + ": " + notYet.getMessage());
                }
                Thread.sleep(200);
            }
        }
    }

    private static void screenshot(BenchClient.Settings settings, Path folder, String name) throws IOException {
        if (folder == null) {
            return;
        }
        Path file = folder.resolve(name);
        BenchClient.run("import", "-display", settings.display(), "-window", "root", file.toString());
        System.out.println("screenshot of the UI: " + file);
    }

    private static void printSummary(List<Result> results, List<BenchClient> clients, FloodWorkload workload) {
        System.out.printf(Locale.ROOT, "%n| client (%,d lines) | runs | lines/s median | lines/s min–max | MB/s median"
                + " | peak RSS MiB median | peak RSS min–max | client CPU s median | lines/CPU-s median"
                + " | EDT CPU s median | heap after GC MiB median | load avg (1 min) per run |%n", workload.lines);
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (BenchClient client : clients) {
            List<Result> mine = results.stream().filter(r -> r.client == client).toList();
            if (mine.isEmpty()) {
                System.out.printf("| %s | 0 | failed | | | | | | | | | |%n", client.label);
                continue;
            }
            double[] rate = mine.stream().mapToDouble(Result::linesPerSecond).sorted().toArray();
            double[] mb = mine.stream().mapToDouble(Result::mbPerSecond).sorted().toArray();
            double[] rss = mine.stream().mapToDouble(r -> r.peakRssKib / 1024.0).sorted().toArray();
            double[] cpu = mine.stream().mapToDouble(Result::cpuSeconds).sorted().toArray();
            double[] edt = mine.stream().mapToDouble(Result::edtCpuSeconds).sorted().toArray();
            double[] heap = mine.stream().mapToDouble(Result::heapAfterGcMib).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %d | %,.0f | %,.0f – %,.0f | %.2f | %.1f | %.1f – %.1f | %.2f | %,.0f"
                    + " | %s | %s | %s |%n", client.label, mine.size(), median(rate), rate[0], rate[rate.length - 1],
                    median(mb), median(rss), rss[0], rss[rss.length - 1], median(cpu), workload.lines / median(cpu),
                    orDash("%.2f", median(edt)), orDash("%.1f", median(heap)),
                    String.join(", ", mine.stream().map(Result::load).toList()));
        }
    }

    private static String describe(Map<String, Double> threadCpu) {
        StringBuilder text = new StringBuilder();
        threadCpu.forEach((group, seconds) -> text.append(text.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.3f s", group, seconds)));
        return text.toString();
    }

    /**
     * Where a JVM client's CPU went, median per thread group, and the reader thread's rate: lines per second of
     * the reader's own CPU, the figure a faster ingest path changes whatever the JIT, collector or load do.
     */
    private static void printThreadSummary(List<Result> results, List<BenchClient> clients, FloodWorkload workload) {
        if (clients.stream().noneMatch(BenchClient::isJava)) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n| client (%,d lines), CPU s median | %s | reader lines/CPU-s median |%n",
                workload.lines, String.join(" | ", ThreadCpu.GROUPS));
        System.out.println("| --- |" + " --- |".repeat(ThreadCpu.GROUPS.length + 1));
        for (BenchClient client : clients) {
            List<Result> mine = results.stream().filter(r -> r.client == client && r.threadGroups != null).toList();
            if (mine.isEmpty()) {
                continue;
            }
            StringBuilder row = new StringBuilder("| " + client.label + " |");
            for (String group : ThreadCpu.GROUPS) {
                row.append(String.format(Locale.ROOT, " %.3f |", median(mine.stream()
                        .mapToDouble(r -> r.threadGroups.get(group)).sorted().toArray())));
            }
            double reader = median(mine.stream().mapToDouble(r -> r.threadGroups.get("reader")).sorted().toArray());
            row.append(String.format(Locale.ROOT, " %,.0f |", workload.lines / reader));
            System.out.println(row);
        }
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static long peakRssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmHWM for process " + pid);
    }

    private static String orDash(String format, double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }

    /** User plus system CPU time of a process, all its threads, from /proc/PID/stat. */
    static double cpuSeconds(long pid) throws IOException {
        return statCpuSeconds(Path.of("/proc/" + pid + "/stat"));
    }

    private static String busiest(Map<String, Double> threadCpu) {
        return threadCpu.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(THREADS_LISTED)
                .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** utime + stime of a /proc stat file, in clock ticks of 1/100 s. */
    private static double statCpuSeconds(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /**
     * Live heap of a Java process: a full collection, then the used heap the collector reports, in MiB (G1 reports
     * one heap; Serial and Parallel a young and an old generation, which are added up).
     */
    static double heapAfterGcMib(long pid) throws IOException {
        BenchClient.run("jcmd", Long.toString(pid), "GC.run");
        String info = BenchClient.run("jcmd", Long.toString(pid), "GC.heap_info");
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        long kib = 0;
        boolean found = false;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
            found = true;
        }
        if (!found) {
            throw new IOException("no heap figure in jcmd GC.heap_info: " + info);
        }
        return kib / 1024.0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs; got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
