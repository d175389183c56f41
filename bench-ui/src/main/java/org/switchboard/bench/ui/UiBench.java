package org.switchboard.bench.ui;

import java.awt.GraphicsEnvironment;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.SessionComponent;
import org.switchboard.session.command.CommandDispatcherComponent;
import org.switchboard.ui.swing.update.ChangeTracker;
import org.switchboard.ui.swing.window.MainWindow;
import org.switchboard.ui.swing.window.Themes;
import org.switchboard.ui.swing.window.UiServices;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * End-to-end figures for issue 5's performance targets, with the real protocol, session and main window (no
 * OSGi: the components are plain classes). Prints one table; every figure is also explained in
 * docs/performance-ui.md. Not a JMH benchmark on purpose: the interesting quantities (heap per stored line,
 * longest event-thread stall, one NAMES burst) are properties of a whole run, not of a hot loop.
 *
 * <p>Arguments: {@code lines=500000 flood=100000 rounds=3} (all optional).
 */
public final class UiBench {

    private static final String NETWORK = "bench";
    private static final String CHANNEL = "#flood";
    /** CPU time of the thread doing the work: unlike wall time, it hardly changes when other processes load the box. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final IrcProtocol protocol = new IrcProtocolComponent();
    private final int lines;
    private final int floodLines;
    private final int rounds;
    private final List<String[]> table = new ArrayList<>();
    private SessionComponent session;
    private BenchConnection connection;
    private ChangeTracker tracker;
    private List<IrcMessage> messages;

    private UiBench(int lines, int floodLines, int rounds) {
        this.lines = lines;
        this.floodLines = floodLines;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        int lines = 500_000;
        int flood = 100_000;
        int rounds = 3;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            switch (kv[0]) {
                case "lines" -> lines = Integer.parseInt(kv[1]);
                case "flood" -> flood = Integer.parseInt(kv[1]);
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        new UiBench(lines, flood, rounds).run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Switchboard UI bench: %d cores, Java %s, max heap %d MB, collectors %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, collectors());
        session = new SessionComponent(protocol, lines);
        tracker = new ChangeTracker();
        session.bindListener(tracker);
        connection = new BenchConnection(NETWORK, protocol);
        session.bindConnection(connection);
        messages = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            messages.add(protocol.parse(":nick" + i % 50 + "!u@h PRIVMSG " + CHANNEL
                    + " :an ordinary line of chat text, number " + i + " of the flood"));
        }
        appendAndHeap();
        names();
        if (GraphicsEnvironment.isHeadless()) {
            row("repaint after resize, 500k lines", "n/a", "≤ 50 ms", "needs a display (run under xvfb-run)");
            row("event-thread stall, 100k-line flood", "n/a", "≤ 50 ms", "needs a display (run under xvfb-run)");
        } else {
            window();
        }
        printTable();
    }

    // --- 1 and 2: append cost and heap per stored line ---

    private void appendAndHeap() throws InterruptedException {
        // JIT warm-up on another channel, which is then closed so that its lines do not count.
        session.onMessage(connection, protocol.parse(":sam!s@h JOIN #warmup"));
        List<IrcMessage> warm = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            warm.add(protocol.parse(":nick" + i % 50 + "!u@h PRIVMSG #warmup :warming up the compiler, line " + i));
        }
        for (int i = 0; i < 200_000; i++) {
            session.onMessage(connection, warm.get(i % warm.size()));
        }
        session.close(session.find(NETWORK, "#warmup").orElseThrow().id());
        tracker.drain();
        session.onMessage(connection, protocol.parse(":sam!s@h JOIN " + CHANNEL));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        fullGc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < lines; i++) {
            session.onMessage(connection, messages.get(i % messages.size()));
        }
        long nanos = System.nanoTime() - start;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        tracker.drain();
        fullGc();
        long after = memory.getHeapMemoryUsage().getUsed();
        Buffer flood = session.find(NETWORK, CHANNEL).orElseThrow();
        row("append, per line (router + scrollback)", String.format(Locale.ROOT, "%.2f µs (CPU %.2f µs)",
                nanos / 1e3 / lines, cpu / 1e3 / lines), "≤ 50 µs", lines + " parsed PRIVMSGs, one channel, mean");
        row("heap per stored line at " + lines + " lines",
                String.format(Locale.ROOT, "%.0f B", (after - before) / (double) lines), "≤ 150 B",
                "retained after full GC; lines held: " + (flood.endLine() - flood.firstLine()));
    }

    // --- 3: a 10,000-member NAMES reply ---

    private void names() {
        AtomicInteger memberEvents = new AtomicInteger();
        session.bindListener(e -> {
            if (e.type() == SessionEvent.Type.MEMBERS_CHANGED) {
                memberEvents.incrementAndGet();
            }
        });
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        int events = 0;
        int members = 0;
        int warmRounds = 3;
        for (int round = 0; round < warmRounds + rounds; round++) {
            String channel = "#big" + round;
            session.onMessage(connection, protocol.parse(":sam!s@h JOIN " + channel));
            List<IrcMessage> burst = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
                sb.append(i % 20 == 0 ? "@" : i % 7 == 0 ? "+" : "").append("member").append(round).append('_')
                        .append(i).append("!user@host").append(i % 97).append(".example ");
                if (i % 100 == 99) {
                    burst.add(protocol.parse(":irc 353 sam = " + channel + " :" + sb.toString().strip()));
                    sb.setLength(0);
                }
            }
            burst.add(protocol.parse(":irc 366 sam " + channel + " :End of /NAMES list."));
            memberEvents.set(0);
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (IrcMessage m : burst) {
                session.onMessage(connection, m);
            }
            // The nick list reads the sorted snapshot once; that is part of applying the reply.
            members = session.find(NETWORK, channel).orElseThrow().members().size();
            long nanos = System.nanoTime() - start;
            long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            if (round >= warmRounds) {
                millis.add(nanos / 1e6);
                cpuMillis.add(cpu / 1e6);
                events = Math.max(events, memberEvents.get());
            }
        }
        row("10,000-user NAMES reply applied", String.format(Locale.ROOT, "%.1f ms (max %.1f; CPU %.1f)",
                median(millis), Collections.max(millis), median(cpuMillis)), "≤ 100 ms",
                members + " members, " + events + " MEMBERS_CHANGED event(s) per reply, median of " + rounds);
        tracker.drain();
    }

    // --- 4 and 5: the window ---

    private void window() throws Exception {
        CommandDispatcherComponent dispatcher = new CommandDispatcherComponent(session, protocol);
        MainWindow[] window = new MainWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(false);
            window[0] = new MainWindow(new UiServices(session, dispatcher, protocol, n -> Optional.of(connection),
                    Optional::empty, dark -> { }), tracker, Runnable::run, () -> { }, false, null);
            window[0].frame().setSize(1200, 800);
            window[0].open();
            window[0].select(session.find(NETWORK, CHANNEL).orElseThrow().id());
        });
        Thread.sleep(1500);

        // Each resize changes the width, so every visible line has to be laid out again.
        List<Double> paints = new ArrayList<>();
        List<Double> paintCpu = new ArrayList<>();
        for (int i = 0; i < 4 + 5 * rounds; i++) {
            int width = 880 + (i % 7) * 41;
            int height = 640 + (i % 3) * 37;
            long[] nanos = new long[2];
            SwingUtilities.invokeAndWait(() -> {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                window[0].frame().setSize(width, height);
                window[0].frame().validate();
                JComponent root = window[0].frame().getRootPane();
                root.paintImmediately(0, 0, root.getWidth(), root.getHeight());
                nanos[0] = System.nanoTime() - t0;
                nanos[1] = THREADS.getCurrentThreadCpuTime() - c0;
            });
            if (i >= 4) {
                paints.add(nanos[0] / 1e6);
                paintCpu.add(nanos[1] / 1e6);
            }
            Thread.sleep(50);
        }
        Buffer flood = session.find(NETWORK, CHANNEL).orElseThrow();
        row("repaint after resize, " + (flood.endLine() - flood.firstLine()) + " lines held",
                String.format(Locale.ROOT, "%.1f ms (max %.1f; CPU %.1f, max %.1f)", median(paints),
                        Collections.max(paints), median(paintCpu), Collections.max(paintCpu)), "≤ 50 ms",
                "resize + layout + paint of the whole window on screen, median of " + paints.size());

        GcPauses gc = new GcPauses();
        for (int round = 0; round < rounds; round++) {
            gc.reset();
            AtomicLong worst = new AtomicLong();
            AtomicLong samples = new AtomicLong();
            boolean[] flooding = { true };
            Thread probe = new Thread(() -> {
                while (flooding[0]) {
                    long posted = System.nanoTime();
                    try {
                        SwingUtilities.invokeAndWait(() -> {
                            worst.accumulateAndGet(System.nanoTime() - posted, Math::max);
                            samples.incrementAndGet();
                        });
                        Thread.sleep(2);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "bench-edt-probe");
            probe.start();
            long start = System.nanoTime();
            for (int i = 0; i < floodLines; i++) {
                session.onMessage(connection, messages.get(i % messages.size()));
            }
            long floodNanos = System.nanoTime() - start;
            // The last refresh ticks still have to catch up.
            Thread.sleep(3 * MainWindow.REFRESH_MILLIS);
            flooding[0] = false;
            probe.join();
            row("event-thread stall, " + floodLines + "-line flood #" + (round + 1),
                    String.format(Locale.ROOT, "%.1f ms", worst.get() / 1e6), "≤ 50 ms",
                    String.format(Locale.ROOT, "flood took %.0f ms (%.0f lines/s); %d probes; GC: %d pauses, "
                            + "longest %d ms", floodNanos / 1e6, floodLines / (floodNanos / 1e9), samples.get(),
                            gc.count.get(), gc.longest.get()));
            Thread.sleep(300);
        }
        gc.close();
        SwingUtilities.invokeAndWait(window[0]::dispose);
    }

    // --- helpers ---

    private void row(String what, String value, String target, String note) {
        table.add(new String[] { what, value, target, note });
        System.out.printf(Locale.ROOT, "  %s: %s (%s)%n", what, value, note);
    }

    private void printTable() {
        System.out.println();
        System.out.println("| figure | measured | target | notes |");
        System.out.println("| --- | --- | --- | --- |");
        for (String[] r : table) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void fullGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    private static String collectors() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(bean.getName());
        }
        return String.join(", ", names);
    }

    /** Counts stop-the-world collections and the longest of them while a flood runs. */
    private static final class GcPauses {
        final AtomicInteger count = new AtomicInteger();
        final AtomicLong longest = new AtomicLong();
        private final List<Runnable> removers = new ArrayList<>();

        GcPauses() {
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                // Concurrent cycles are not pauses; their names say so.
                if (bean.getName().contains("Concurrent") || !(bean instanceof NotificationEmitter emitter)) {
                    continue;
                }
                javax.management.NotificationListener listener = (notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        count.incrementAndGet();
                        longest.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                removers.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // Already gone.
                    }
                });
            }
        }

        void reset() {
            count.set(0);
            longest.set(0);
        }

        void close() {
            removers.forEach(Runnable::run);
        }
    }
}
