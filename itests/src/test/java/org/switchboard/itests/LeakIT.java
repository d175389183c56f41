package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.AWTEvent;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.AWTEventListener;
import java.awt.event.WindowEvent;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.switchboard.testsupport.NgircdServer;

/**
 * Hundreds of install/start/stop/uninstall cycles of every feature bundle and of both UI skins in a client that
 * stays connected leave nothing behind: no threads, windows or services beyond the baseline, no heap growth but what
 * Felix itself keeps of every uninstalled bundle (see {@link FelixRetention}), and
 * the class loaders of the cycled bundles become collectable once the framework has refreshed.
 *
 * <p>{@value #CYCLES} cycles of the feature bundles and as many of the skins (the property {@code leakit.cycles}
 * sets another number): the five features take turns, 100 cycles each, and so do the two skins, 250 each. Nothing sleeps: a feature cycle is synchronous, and a skin cycle waits
 * for AWT to report its window opened and then closed. The figures printed (cycles, wall and process CPU time per
 * cycle, heap before and after) are what docs/plugin-guide.md quotes.
 *
 * <p>Bundles are installed by {@code reference:} so that Felix reads the jar in place instead of copying it into
 * its cache for every cycle; what is measured (what the framework, SCR and our bundles keep) is the same.
 */
class LeakIT {

    /** Cycles of each group, features and skins, shared out evenly among the group's bundles. */
    static final int CYCLES = Integer.getInteger("leakit.cycles", 500);
    /** Cycles run before the baseline is taken, so that one-off class loading and pools are in it. */
    static final int WARM_UP = 10;
    static final List<String> FEATURES = List.of("org.switchboard.feature.join", "org.switchboard.feature.commands",
            "org.switchboard.feature.ctcp", "org.switchboard.feature.away", "org.switchboard.feature.notify");
    static final List<String> SKINS = List.of("org.switchboard.ui.swing", "org.switchboard.ui.compact");
    /** Threads that may come and go on their own (a JIT compiler thread, a pool worker timing out). */
    static final int THREAD_SLACK = 3;
    /** Heap growth that is not explained by what Felix keeps of uninstalled bundles (GC noise, pools, log history). */
    static final long HEAP_SLACK = 4L * 1024 * 1024;
    /** What Felix keeps per uninstalled bundle, at most: about 15 KB for a feature, 25 KB for a skin (measured). */
    static final long FELIX_RETENTION_PER_CYCLE = 40L * 1024;

    @TempDir
    Path work;

    @Test
    void cyclingFeatureBundlesLeaksNothing() throws Exception {
        try (NgircdServer server = NgircdServer.startDefault();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "cycler",
                        "irc://127.0.0.1:" + server.port() + "/#cycle")) {
            client.awaitConnected();
            List<Thread> readers = ClientRuntime.threadsNamed("switchboard-reader");
            List<Cycler> cyclers = cyclers(client, FEATURES);
            for (int i = 0; i < WARM_UP; i++) {
                for (Cycler cycler : cyclers) {
                    cycler.cycle();
                }
            }
            refresh(client);
            Snapshot before = Snapshot.take(client);
            int rounds = roundsFor(cyclers);
            Timing timing = Timing.start();
            for (int i = 0; i < rounds; i++) {
                for (Cycler cycler : cyclers) {
                    cycler.cycle();
                }
            }
            timing.stop(rounds * cyclers.size());
            refresh(client);
            assertNothingLeaked(client, "features " + rounds + " x " + cyclers.size(), timing, before);
            for (Cycler cycler : cyclers) {
                cycler.assertClassLoadersCollected();
                assertNull(client.bundle(cycler.symbolicName), "uninstalled");
            }
            assertEquals(readers, ClientRuntime.threadsNamed("switchboard-reader"), "the connection stayed up");
        }
    }

    @Test
    void cyclingTheUiSkinsLeaksNothing() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(),
                "this test needs a display: run the build under xvfb-run, as the README says");
        try (NgircdServer server = NgircdServer.startDefault();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "uicycler",
                        "irc://127.0.0.1:" + server.port() + "/#cycle");
                WindowEvents windows = new WindowEvents()) {
            client.awaitConnected();
            List<Cycler> skins = cyclers(client, SKINS);
            for (int i = 0; i < WARM_UP; i++) {
                for (Cycler skin : skins) {
                    skin.cycleWithWindow(windows);
                }
            }
            refresh(client);
            Snapshot before = Snapshot.take(client);
            assertEquals(0, before.windows, "no window before the cycles");
            int rounds = roundsFor(skins);
            Timing timing = Timing.start();
            for (int i = 0; i < rounds; i++) {
                for (Cycler skin : skins) {
                    skin.cycleWithWindow(windows);
                }
            }
            timing.stop(rounds * skins.size());
            refresh(client);
            assertNothingLeaked(client, "skins " + rounds + " x " + skins.size(), timing, before);
            for (Cycler skin : skins) {
                skin.assertClassLoadersCollected();
            }
        }
    }

    /** Turns of the whole group that make at least {@link #CYCLES} cycles in all. */
    private static int roundsFor(List<Cycler> group) {
        return (CYCLES + group.size() - 1) / group.size();
    }

    /** Uninstalls the bundles as the runtime installed them and prepares to cycle them from the distribution. */
    private static List<Cycler> cyclers(ClientRuntime client, List<String> symbolicNames) throws Exception {
        List<Cycler> cyclers = new ArrayList<>();
        for (String name : symbolicNames) {
            client.bundle(name).uninstall();
            cyclers.add(new Cycler(client, name));
        }
        return cyclers;
    }

    /**
     * Threads, services and windows back to the baseline; the heap grown by no more than Felix's known retention of
     * uninstalled bundles (see {@link FelixRetention}), and by next to nothing once that is dropped.
     */
    private static void assertNothingLeaked(ClientRuntime client, String what, Timing timing, Snapshot before)
            throws Exception {
        Snapshot after = Snapshot.settled(client, before);
        int heldByFelix = FelixRetention.release(client);
        Snapshot released = Snapshot.take(client);
        System.out.printf("LeakIT %s: %.1f ms wall and %.1f ms process CPU per cycle (load average %.1f); threads %d -> %d,"
                + " services %d -> %d, windows %d -> %d; heap %.1f MB -> %.1f MB (%+.1f KB per cycle), %d uninstalled "
                + "bundles held by Felix, %.1f MB without them (%+.1f KB per cycle)%n", what, timing.wallMillisPerCycle(),
                timing.cpuMillisPerCycle(), timing.loadAverage, before.threads, after.threads, before.services,
                after.services, before.windows, after.windows, mb(before.heap), mb(after.heap),
                (after.heap - before.heap) / 1024.0 / timing.cycles, heldByFelix, mb(released.heap),
                (released.heap - before.heap) / 1024.0 / timing.cycles);
        before.assertNothingLeakedIn(after);
        assertTrue(after.heap - before.heap < (long) timing.cycles * FELIX_RETENTION_PER_CYCLE + HEAP_SLACK,
                "heap after GC grew by " + (after.heap - before.heap) / 1024 / timing.cycles + " KB per cycle");
        assertTrue(released.heap - before.heap < HEAP_SLACK, "without what Felix holds, the heap grew by "
                + (released.heap - before.heap) / 1048576 + " MB");
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    /** Lets the framework drop what uninstalled bundles still hold, and waits until it has. */
    private static void refresh(ClientRuntime client) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        client.context().getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue(done.await(ClientRuntime.WAIT.toSeconds(), TimeUnit.SECONDS), "refresh finished");
    }

    /** Installs, starts, stops and uninstalls one bundle from the distribution, remembering a few of its classes. */
    private static final class Cycler {
        private final ClientRuntime client;
        private final String symbolicName;
        private final String location;
        private final List<WeakReference<Class<?>>> classes = new ArrayList<>();
        private int cycles;

        Cycler(ClientRuntime client, String symbolicName) throws Exception {
            this.client = client;
            this.symbolicName = symbolicName;
            this.location = "reference:" + ClientRuntime.distributionBundle(symbolicName + "-").toUri();
        }

        void cycle() throws Exception {
            Bundle bundle = client.context().installBundle(location);
            bundle.start();
            remember(bundle);
            bundle.stop();
            bundle.uninstall();
            cycles++;
        }

        /**
         * A cycle that waits for the window to be opened and then closed, told by AWT's window events rather than
         * found by polling, so a cycle costs what the skin costs and no sleep.
         */
        void cycleWithWindow(WindowEvents windows) throws Exception {
            Bundle bundle = client.context().installBundle(location);
            bundle.start();
            windows.awaitOpened("the window of cycle " + cycles);
            remember(bundle);
            bundle.stop();
            bundle.uninstall();
            windows.awaitClosed("the window of cycle " + cycles + " to be disposed");
            cycles++;
        }

        /** Keeps weak references to a component class of the first cycles' bundles. */
        private void remember(Bundle bundle) throws ClassNotFoundException {
            if (cycles >= 2) {
                return;
            }
            String header = bundle.getHeaders().get("Service-Component");
            assertNotNull(header, symbolicName + " has components");
            String first = header.split(",")[0].trim();
            String className = first.substring("OSGI-INF/".length(), first.length() - ".xml".length());
            Class<?> type = bundle.loadClass(className);
            assertEquals(bundle, org.osgi.framework.FrameworkUtil.getBundle(type), "loaded by the cycled bundle");
            classes.add(new WeakReference<>(type));
        }

        void assertClassLoadersCollected() throws InterruptedException {
            assertFalse(classes.isEmpty());
            ClientRuntime.await("the class loaders of cycled " + symbolicName + " bundles to be collected", () -> {
                System.gc();
                return classes.stream().allMatch(ref -> ref.get() == null);
            });
        }
    }

    /** Wall and process CPU time of a run of cycles, with the load average at its end. */
    private static final class Timing {
        private final long wallStart = System.nanoTime();
        private final long cpuStart = processCpuNanos();
        private long wall;
        private long cpu;
        int cycles;
        double loadAverage;

        static Timing start() {
            return new Timing();
        }

        void stop(int cyclesRun) {
            wall = System.nanoTime() - wallStart;
            cpu = processCpuNanos() - cpuStart;
            cycles = cyclesRun;
            loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }

        double wallMillisPerCycle() {
            return wall / 1e6 / cycles;
        }

        double cpuMillisPerCycle() {
            return cpu / 1e6 / cycles;
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    /** AWT's word that a frame opened or closed, counted so that a cycle waits for exactly its own window. */
    private static final class WindowEvents implements AWTEventListener, AutoCloseable {
        private final Semaphore opened = new Semaphore(0);
        private final Semaphore closed = new Semaphore(0);

        WindowEvents() {
            Toolkit.getDefaultToolkit().addAWTEventListener(this, AWTEvent.WINDOW_EVENT_MASK);
        }

        @Override
        public void eventDispatched(AWTEvent event) {
            if (event.getSource() instanceof Frame) {
                if (event.getID() == WindowEvent.WINDOW_OPENED) {
                    opened.release();
                } else if (event.getID() == WindowEvent.WINDOW_CLOSED) {
                    closed.release();
                }
            }
        }

        void awaitOpened(String what) throws InterruptedException {
            assertTrue(opened.tryAcquire(ClientRuntime.WAIT.toSeconds(), TimeUnit.SECONDS), "timed out waiting for " + what);
        }

        void awaitClosed(String what) throws InterruptedException {
            assertTrue(closed.tryAcquire(ClientRuntime.WAIT.toSeconds(), TimeUnit.SECONDS), "timed out waiting for " + what);
        }

        @Override
        public void close() {
            Toolkit.getDefaultToolkit().removeAWTEventListener(this);
        }
    }

    static int displayableWindows() {
        int[] count = new int[1];
        try {
            SwingUtilities.invokeAndWait(
                    () -> count[0] = (int) Arrays.stream(Window.getWindows()).filter(Window::isDisplayable).count());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return count[0];
    }

    /** What a leak would show in: live threads, registered services, displayable windows, heap after GC. */
    private record Snapshot(int threads, int services, int windows, long heap) {

        static Snapshot take(ClientRuntime client) throws InterruptedException {
            long heap = heapAfterGc();
            return new Snapshot(Thread.getAllStackTraces().size(), services(client),
                    GraphicsEnvironment.isHeadless() ? 0 : displayableWindows(), heap);
        }

        /** Waits (within the usual bound) for threads and services to wind down to the baseline, then takes one. */
        static Snapshot settled(ClientRuntime client, Snapshot baseline) throws InterruptedException {
            long deadline = System.nanoTime() + ClientRuntime.WAIT.toNanos();
            Snapshot now = take(client);
            while (!baseline.contains(now) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                now = take(client);
            }
            return now;
        }

        /** Threads, services and windows back to this baseline (the heap is judged separately). */
        boolean contains(Snapshot later) {
            return later.threads <= threads + THREAD_SLACK && later.services == services && later.windows == 0;
        }

        void assertNothingLeakedIn(Snapshot after) {
            assertTrue(after.threads <= threads + THREAD_SLACK,
                    "threads " + threads + " -> " + after.threads + ": " + Thread.getAllStackTraces().keySet());
            assertEquals(services, after.services, "registered services");
            assertEquals(0, after.windows, "displayable windows left");
        }

        private static int services(ClientRuntime client) {
            try {
                return client.context().getAllServiceReferences(null, null).length;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        private static long heapAfterGc() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(50);
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
