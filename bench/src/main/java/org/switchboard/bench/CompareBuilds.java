package org.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Old code against new on a shared, loaded machine: loads the benchmark jars of two builds side by side in one JVM
 * (each in its own class loader, so each runs its own protocol and API classes) and alternates half-second rounds
 * of the same benchmark method between them, counting lines per CPU-second of this thread. Both builds see the
 * same load at nearly the same moment, so the ratio per round pair is far steadier than two separate runs; the
 * first third of the rounds is warm-up and not counted.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.switchboard.bench.CompareBuilds OLD.jar NEW.jar [bytes|route|text] [rounds]
 * </pre>
 */
public final class CompareBuilds {

    private static final long ROUND_NANOS = 500_000_000L;

    private CompareBuilds() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CompareBuilds OLD.jar NEW.jar [bytes|route|text] [rounds]");
            System.exit(2);
        }
        String method = benchmarkMethod(args.length > 2 ? args[2] : "bytes");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        Build[] builds = {new Build(args[0], method), new Build(args[1], method)};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] rates = new double[2][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                // Who goes first alternates, so that neither build always runs right after the other's garbage.
                int k = (round + turn) % 2;
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                long lines = 0;
                while (System.nanoTime() - wallStart < ROUND_NANOS) {
                    builds[k].run();
                    lines += ProtocolParseBenchmark.LINES;
                }
                rates[k][round] = lines / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            }
        }
        int warmUp = rounds / 3;
        double[] ratios = new double[rounds - warmUp];
        for (int round = warmUp; round < rounds; round++) {
            ratios[round - warmUp] = rates[1][round] / rates[0][round];
        }
        for (int k = 0; k < 2; k++) {
            double[] counted = Arrays.copyOfRange(rates[k], warmUp, rounds);
            Arrays.sort(counted);
            System.out.printf("%s: median %.2f M lines per CPU-second (%.2f to %.2f)%n", args[k],
                    counted[counted.length / 2] / 1e6, counted[0] / 1e6, counted[counted.length - 1] / 1e6);
        }
        Arrays.sort(ratios);
        System.out.printf("new/old per round pair: median %.3f, quartiles %.3f to %.3f, %d pairs%n",
                ratios[ratios.length / 2], ratios[ratios.length / 4], ratios[ratios.length * 3 / 4], ratios.length);
    }

    /** The {@link ProtocolParseBenchmark} method for a short name on the command line. */
    static String benchmarkMethod(String shortName) {
        return switch (shortName) {
            case "bytes" -> "decodeFromBytes";
            case "route" -> "decodeAndRoute";
            case "text" -> "parseText";
            default -> throw new IllegalArgumentException("not a benchmark: " + shortName + " (bytes, route or text)");
        };
    }

    /** One build's benchmark, set up, with a blackhole of its own class loader. */
    private static final class Build {
        private final Object benchmark;
        private final Method method;
        private final Object blackhole;

        Build(String jar, String methodName) throws Exception {
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass(ProtocolParseBenchmark.class.getName());
            Class<?> blackholeType = loader.loadClass("org.openjdk.jmh.infra.Blackhole");
            benchmark = type.getDeclaredConstructor().newInstance();
            type.getMethod("setUp").invoke(benchmark);
            method = type.getMethod(methodName, blackholeType);
            blackhole = blackholeType.getConstructor(String.class).newInstance(
                    "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        }

        void run() throws IllegalAccessException, InvocationTargetException {
            method.invoke(benchmark, blackhole);
        }
    }
}
