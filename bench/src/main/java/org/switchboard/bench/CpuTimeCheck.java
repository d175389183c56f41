package org.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;

import org.openjdk.jmh.infra.Blackhole;

/**
 * A rough companion to {@link ProtocolParseBenchmark} for shared, loaded machines: runs the same benchmark method
 * and counts lines per CPU-second of the benchmark thread as well as per wall-clock second, so that time spent
 * waiting for a core does not count. Not a substitute for JMH (no forks, no JMH warm-up control); use it to see
 * whether a noisy JMH score is the code or the machine.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.switchboard.bench.CpuTimeCheck [rounds] [bytes|route|text]
 * </pre>
 */
public final class CpuTimeCheck {

    private static final long ROUND_NANOS = 2_000_000_000L;

    private CpuTimeCheck() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Method method = ProtocolParseBenchmark.class.getMethod(
                CompareBuilds.benchmarkMethod(args.length > 1 ? args[1] : "bytes"), Blackhole.class);
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        ProtocolParseBenchmark benchmark = new ProtocolParseBenchmark();
        benchmark.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            long lines = 0;
            while (System.nanoTime() - wallStart < ROUND_NANOS) {
                method.invoke(benchmark, blackhole);
                lines += ProtocolParseBenchmark.LINES;
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            System.out.printf("round %d: %.2f M lines/s wall, %.2f M lines per CPU-second%n", round + 1,
                    lines / wallSeconds / 1e6, lines / cpuSeconds / 1e6);
        }
    }
}
