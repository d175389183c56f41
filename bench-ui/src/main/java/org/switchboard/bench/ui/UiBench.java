package org.switchboard.bench.ui;

import java.awt.AWTEvent;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.SwingUtilities;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;

import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.bench.ingest.FloodWorkload;
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
 * <p>Arguments: {@code lines=500000 flood=100000 rate=100000 rounds=3 shots=DIR} (all optional; {@code rate} is
 * the pace of the second kind of flood, in lines per second; {@code shots} a folder for PNGs of the window).
 */
public final class UiBench {

    private static final String NETWORK = "bench";
    private static final String CHANNEL = FloodWorkload.CHANNEL;
    /** CPU time of the thread doing the work: unlike wall time, it hardly changes when other processes load the box. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final IrcProtocol protocol = new IrcProtocolComponent();
    private final int lines;
    private final int floodLines;
    private final int rounds;
    private final int pacedRate;
    /** Folder for PNGs of the window, or null. */
    private final String shots;
    private final List<String[]> table = new ArrayList<>();
    private SessionComponent session;
    private BenchConnection connection;
    private ChangeTracker tracker;
    private List<IrcMessage> messages;

    private UiBench(int lines, int floodLines, int pacedRate, int rounds, String shots) {
        this.lines = lines;
        this.floodLines = floodLines;
        this.pacedRate = pacedRate;
        this.rounds = rounds;
        this.shots = shots;
    }

    public static void main(String[] args) throws Exception {
        int lines = 500_000;
        int flood = 100_000;
        int rounds = 3;
        int rate = 100_000;
        String shots = null;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            switch (kv[0]) {
                case "lines" -> lines = Integer.parseInt(kv[1]);
                case "flood" -> flood = Integer.parseInt(kv[1]);
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "rate" -> rate = Integer.parseInt(kv[1]);
                case "shots" -> shots = kv[1];
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        new UiBench(lines, flood, rate, rounds, shots).run();
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
            row("10,000-user NAMES reply, channel on screen", "n/a", "≤ 100 ms", "needs a display (run under xvfb-run)");
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
            List<IrcMessage> burst = namesBurst(channel, Integer.toString(round));
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

    /** 100 {@code 353} lines of 100 {@code nick!user@host} entries (5 % ops, some voiced) and the 366. */
    private List<IrcMessage> namesBurst(String channel, String nickTag) {
        List<IrcMessage> burst = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append(i % 20 == 0 ? "@" : i % 7 == 0 ? "+" : "").append("member").append(nickTag).append('_')
                    .append(i).append("!user@host").append(i % 97).append(".example ");
            if (i % 100 == 99) {
                burst.add(protocol.parse(":irc 353 sam = " + channel + " :" + sb.toString().strip()));
                sb.setLength(0);
            }
        }
        burst.add(protocol.parse(":irc 366 sam " + channel + " :End of /NAMES list."));
        return burst;
    }

    // --- 4 to 7: the window ---

    private void window() throws Exception {
        CommandDispatcherComponent dispatcher = new CommandDispatcherComponent(session, protocol);
        MainWindow[] window = new MainWindow[1];
        EventThreadMeter meter = new EventThreadMeter();
        // A tracker of its own, as the UI component has: it starts with everything marked, so the window builds
        // its buffer tree at once (the bench's tracker has been drained).
        ChangeTracker windowChanges = new ChangeTracker();
        session.bindListener(windowChanges);
        SwingUtilities.invokeAndWait(() -> {
            Toolkit.getDefaultToolkit().getSystemEventQueue().push(meter);
            Themes.apply(false);
            window[0] = new MainWindow(new UiServices(session, dispatcher, protocol, n -> Optional.of(connection),
                    Optional::empty, dark -> { }), windowChanges, Runnable::run, () -> { }, false, null);
            window[0].frame().setSize(1200, 800);
            window[0].open();
            window[0].select(session.find(NETWORK, CHANNEL).orElseThrow().id());
        });
        Thread.sleep(1500);

        List<IrcMessage> flood = floodMessages();
        GcPauses gc = new GcPauses();
        for (int round = 0; round < rounds; round++) {
            floodRound("event-thread stall, " + floodLines + "-line flood at full speed #" + (round + 1), flood, 0,
                    meter, gc);
        }
        for (int round = 0; round < rounds; round++) {
            floodRound(String.format(Locale.ROOT, "event-thread stall, %d-line flood at %,d lines/s #%d", floodLines,
                    pacedRate, round + 1), flood, pacedRate, meter, gc);
        }
        snapshot(window[0], "after-flood.png");

        // Each resize changes the width, so every visible line (now the flood's mix) is broken into rows again.
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
        Buffer shown = session.find(NETWORK, CHANNEL).orElseThrow();
        row("repaint after resize, " + (shown.endLine() - shown.firstLine()) + " lines held",
                String.format(Locale.ROOT, "%.1f ms (max %.1f; CPU %.1f, max %.1f)", median(paints),
                        Collections.max(paints), median(paintCpu), Collections.max(paintCpu)), "≤ 50 ms",
                "resize + layout + paint of the whole window on screen, median of " + paints.size());

        scrolledUpFlood(window[0], flood, meter, gc);
        gc.close();
        namesOnScreen(window[0], meter);
        SwingUtilities.invokeAndWait(window[0]::dispose);
    }

    /** With {@code shots=DIR}, a PNG of the window, to look at what the figures were taken on. */
    private void snapshot(MainWindow window, String name) throws Exception {
        if (shots == null) {
            return;
        }
        java.io.File file = new java.io.File(shots, name);
        SwingUtilities.invokeAndWait(() -> {
            JComponent root = window.frame().getRootPane();
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(root.getWidth(), root.getHeight(),
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            root.paint(g);
            g.dispose();
            try {
                javax.imageio.ImageIO.write(image, "png", file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("  window snapshot: " + file);
    }

    /** The flood's lines as the session gets them: bench-ingest's realistic mix, parsed. */
    private List<IrcMessage> floodMessages() {
        FloodWorkload workload = FloodWorkload.generate(Math.min(floodLines, 20_000), FloodWorkload.SEED);
        List<IrcMessage> parsed = new ArrayList<>();
        for (String line : new String(workload.bytes, StandardCharsets.UTF_8).split("\r\n")) {
            parsed.add(protocol.parse(line));
        }
        return parsed;
    }

    /**
     * Feeds {@link #floodLines} lines to the channel on screen, at full speed ({@code rate} 0) or paced, while a
     * probe posts to the event thread every 2 ms; reports the longest wait of a probe and what the event thread
     * spent (CPU, allocation, its longest single event).
     */
    private void floodRound(String what, List<IrcMessage> flood, int rate, EventThreadMeter meter, GcPauses gc)
            throws Exception {
        gc.reset();
        AtomicLong worst = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        AtomicBoolean flooding = new AtomicBoolean(true);
        Thread probe = new Thread(() -> {
            while (flooding.get()) {
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
        SwingUtilities.invokeAndWait(meter::reset);
        probe.start();
        long start = System.nanoTime();
        for (int i = 0; i < floodLines; i++) {
            session.onMessage(connection, flood.get(i % flood.size()));
            if (rate > 0 && i % 100 == 99) {
                long due = start + (long) ((i + 1) * 1e9 / rate);
                long early = due - System.nanoTime();
                if (early > 0) {
                    LockSupport.parkNanos(early);
                }
            }
        }
        long floodNanos = System.nanoTime() - start;
        // The last refresh ticks still have to catch up.
        Thread.sleep(3 * MainWindow.REFRESH_MILLIS);
        flooding.set(false);
        probe.join();
        EventThreadMeter.Figures edt = meter.figures();
        row(what, String.format(Locale.ROOT, "%.1f ms (event-thread CPU %.0f ms in all, longest event %.1f ms)",
                worst.get() / 1e6, edt.cpuNanos() / 1e6, edt.longestCpuNanos() / 1e6), "≤ 50 ms",
                String.format(Locale.ROOT, "flood took %.0f ms (%.0f lines/s); %d probes; event thread: %d events, "
                        + "%.1f MB allocated; GC: %d pauses, longest %d ms", floodNanos / 1e6,
                        floodLines / (floodNanos / 1e9), samples.get(), edt.events(), edt.allocatedBytes() / 1e6,
                        gc.count.get(), gc.longest.get()));
        Thread.sleep(300);
    }

    /**
     * A flood while the user reads further up: the view must stay where it is, and cost the event thread next to
     * nothing. Pages up as the Page Up key does, then floods at full speed.
     */
    private void scrolledUpFlood(MainWindow window, List<IrcMessage> flood, EventThreadMeter meter, GcPauses gc)
            throws Exception {
        JComponent root = window.frame().getRootPane();
        SwingUtilities.invokeAndWait(() -> {
            root.getActionMap().get("page-up").actionPerformed(null);
            root.getActionMap().get("page-up").actionPerformed(null);
        });
        Thread.sleep(3 * MainWindow.REFRESH_MILLIS);
        snapshot(window, "scrolled-up-before-flood.png");
        floodRound("event-thread stall, " + floodLines + "-line flood, view scrolled up", flood, 0, meter, gc);
        snapshot(window, "scrolled-up-after-flood.png");
    }

    /**
     * A 10,000-member NAMES reply for the channel on screen: from the first 353 until the nick list shows every
     * member, and how many times the nick list's model was replaced on the way (it must be once).
     */
    private void namesOnScreen(MainWindow window, EventThreadMeter meter) throws Exception {
        String channel = "#bignames";
        session.onMessage(connection, protocol.parse(":sam!s@h JOIN " + channel));
        List<IrcMessage> burst = namesBurst(channel, "onscreen");
        long id = session.find(NETWORK, channel).orElseThrow().id();
        // The buffer tree learns of the new channel on its next refresh tick.
        Thread.sleep(4 * MainWindow.REFRESH_MILLIS);
        AtomicInteger replacements = new AtomicInteger();
        JList<?>[] list = new JList<?>[1];
        SwingUtilities.invokeAndWait(() -> {
            window.select(id);
            list[0] = find(window.frame().getContentPane(), JList.class);
            list[0].getModel().addListDataListener(new ListDataListener() {
                @Override
                public void intervalAdded(ListDataEvent e) {
                    replacements.incrementAndGet();
                }

                @Override
                public void intervalRemoved(ListDataEvent e) {
                }

                @Override
                public void contentsChanged(ListDataEvent e) {
                    replacements.incrementAndGet();
                }
            });
        });
        Thread.sleep(500);
        replacements.set(0);
        SwingUtilities.invokeAndWait(meter::reset);
        long start = System.nanoTime();
        for (IrcMessage m : burst) {
            session.onMessage(connection, m);
        }
        int[] shown = new int[1];
        while (shown[0] < 10_000 && System.nanoTime() - start < 10_000_000_000L) {
            SwingUtilities.invokeAndWait(() -> shown[0] = list[0].getModel().getSize());
        }
        long nanos = System.nanoTime() - start;
        Thread.sleep(3 * MainWindow.REFRESH_MILLIS);
        EventThreadMeter.Figures edt = meter.figures();
        row("10,000-user NAMES reply, channel on screen", String.format(Locale.ROOT,
                "%.1f ms to the nick list (event-thread CPU %.1f ms, longest event %.1f ms)", nanos / 1e6,
                edt.cpuNanos() / 1e6, edt.longestCpuNanos() / 1e6), "≤ 100 ms",
                shown[0] + " nicks listed after " + replacements.get() + " nick-list update(s); the wall time "
                        + "includes up to one refresh period (" + MainWindow.REFRESH_MILLIS + " ms) of waiting");
    }

    private static <T> T find(java.awt.Container root, Class<T> type) {
        for (java.awt.Component child : root.getComponents()) {
            if (type.isInstance(child)) {
                return type.cast(child);
            }
            if (child instanceof java.awt.Container container) {
                T found = find(container, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Measures every event the event thread dispatches: its CPU time and the bytes it allocates, the total and
     * the longest single event (the unit of work that can make the window stall).
     */
    private static final class EventThreadMeter extends EventQueue {
        private static final com.sun.management.ThreadMXBean ALLOCATION =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        record Figures(long events, long cpuNanos, long longestCpuNanos, long allocatedBytes) {
        }

        private long events;
        private long cpu;
        private long longest;
        private long allocated;

        @Override
        protected void dispatchEvent(AWTEvent event) {
            long thread = Thread.currentThread().getId();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long allocatedBefore = ALLOCATION.getThreadAllocatedBytes(thread);
            super.dispatchEvent(event);
            long spent = THREADS.getCurrentThreadCpuTime() - cpuBefore;
            events++;
            cpu += spent;
            longest = Math.max(longest, spent);
            allocated += ALLOCATION.getThreadAllocatedBytes(thread) - allocatedBefore;
        }

        /** Event thread only. */
        void reset() {
            events = cpu = longest = allocated = 0;
        }

        Figures figures() throws Exception {
            Figures[] result = new Figures[1];
            SwingUtilities.invokeAndWait(() -> result[0] = new Figures(events, cpu, longest, allocated));
            return result[0];
        }
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
