package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * Hundreds of install/start/stop/uninstall cycles of feature bundles and of the Swing UI bundle in a client that
 * stays connected leave nothing behind: no threads, windows or services beyond the baseline, no heap growth, and
 * the class loaders of the cycled bundles become collectable once the framework has refreshed.
 *
 * <p>{@value #FEATURE_CYCLES} feature cycles take turns over the five feature bundles ({@value #FEATURE_CYCLES} / 5
 * each), which keeps the run near 20 s. The UI bundle goes through fewer ({@value #UI_CYCLES}): each of its cycles
 * opens a real FlatLaf window on the display and waits for it to be shown and disposed, about half a second, so 500
 * would take over four minutes without exercising anything new.
 *
 * <p>Bundles are installed by {@code reference:} so that Felix reads the jar in place instead of copying it into
 * its cache 500 times; what is measured (what the framework, SCR and our bundles keep) is the same.
 */
class LeakIT {

    static final int FEATURE_CYCLES = 500;
    static final int UI_CYCLES = 50;
    /** Cycles run before the baseline is taken, so that one-off class loading and pools are in it. */
    static final int WARM_UP = 10;
    static final List<String> FEATURES = List.of("org.switchboard.feature.join", "org.switchboard.feature.commands",
            "org.switchboard.feature.ctcp", "org.switchboard.feature.away", "org.switchboard.feature.notify");
    static final String UI = "org.switchboard.ui.swing";
    /** Threads that may come and go on their own (a JIT compiler thread, a pool worker timing out). */
    static final int THREAD_SLACK = 3;
    static final long HEAP_SLACK = 20L * 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void cyclingFeatureBundlesLeaksNothing() throws Exception {
        try (NgircdServer server = NgircdServer.startDefault();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "cycler",
                        "irc://127.0.0.1:" + server.port() + "/#cycle")) {
            client.awaitConnected();
            List<Thread> readers = ClientRuntime.threadsNamed("switchboard-reader");
            for (String feature : FEATURES) {
                client.bundle(feature).uninstall();
            }
            List<Cycler> cyclers = new ArrayList<>();
            for (String feature : FEATURES) {
                cyclers.add(new Cycler(client, feature));
            }
            for (int i = 0; i < WARM_UP; i++) {
                for (Cycler cycler : cyclers) {
                    cycler.cycle();
                }
            }
            Snapshot before = Snapshot.take(client);
            for (int i = 0; i < FEATURE_CYCLES; i++) {
                cyclers.get(i % cyclers.size()).cycle();
            }
            refresh(client);
            Snapshot after = Snapshot.settled(client, before);
            report("features x" + FEATURE_CYCLES, before, after);
            before.assertNothingLeakedIn(after);
            for (Cycler cycler : cyclers) {
                cycler.assertClassLoadersCollected();
                assertNull(client.bundle(cycler.symbolicName), "uninstalled");
            }
            assertEquals(readers, ClientRuntime.threadsNamed("switchboard-reader"), "the connection stayed up");
        }
    }

    @Test
    void cyclingTheSwingUiBundleLeaksNothing() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(),
                "this test needs a display: run the build under xvfb-run, as the README says");
        try (NgircdServer server = NgircdServer.startDefault();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "uicycler",
                        "irc://127.0.0.1:" + server.port() + "/#cycle")) {
            client.awaitConnected();
            client.bundle(UI).uninstall();
            Cycler ui = new Cycler(client, UI);
            for (int i = 0; i < WARM_UP; i++) {
                ui.cycleWithWindow();
            }
            Snapshot before = Snapshot.take(client);
            assertEquals(0, before.windows, "no window before the cycles");
            for (int i = 0; i < UI_CYCLES; i++) {
                ui.cycleWithWindow();
            }
            refresh(client);
            Snapshot after = Snapshot.settled(client, before);
            report("ui.swing x" + UI_CYCLES, before, after);

            before.assertNothingLeakedIn(after);
            ui.assertClassLoadersCollected();
        }
    }

    private static void report(String what, Snapshot before, Snapshot after) {
        System.out.printf("LeakIT %s: threads %d -> %d, services %d -> %d, windows %d -> %d, heap %.1f MB -> %.1f MB%n",
                what, before.threads, after.threads, before.services, after.services, before.windows, after.windows,
                before.heap / 1048576.0, after.heap / 1048576.0);
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

        /** A cycle that waits for the window to be shown and then to be gone. */
        void cycleWithWindow() throws Exception {
            Bundle bundle = client.context().installBundle(location);
            bundle.start();
            ClientRuntime.await("the window of cycle " + cycles, () -> displayableWindows() == 1);
            remember(bundle);
            bundle.stop();
            bundle.uninstall();
            ClientRuntime.await("the window of cycle " + cycles + " to be disposed", () -> displayableWindows() == 0);
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

        boolean contains(Snapshot later) {
            return later.threads <= threads + THREAD_SLACK && later.services == services && later.windows == 0
                    && later.heap - heap < HEAP_SLACK;
        }

        void assertNothingLeakedIn(Snapshot after) {
            assertTrue(after.threads <= threads + THREAD_SLACK,
                    "threads " + threads + " -> " + after.threads + ": " + Thread.getAllStackTraces().keySet());
            assertEquals(services, after.services, "registered services");
            assertEquals(0, after.windows, "displayable windows left");
            assertTrue(after.heap - heap < HEAP_SLACK,
                    "heap after GC grew by " + (after.heap - heap) / 1048576 + " MB");
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
