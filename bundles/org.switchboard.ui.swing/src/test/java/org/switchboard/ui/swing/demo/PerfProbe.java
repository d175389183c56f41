package org.switchboard.ui.swing.demo;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.SessionComponent;
import org.switchboard.session.command.CommandDispatcherComponent;
import org.switchboard.ui.swing.update.ChangeTracker;
import org.switchboard.ui.swing.window.MainWindow;
import org.switchboard.ui.swing.window.Themes;
import org.switchboard.ui.swing.window.UiServices;

/**
 * Rough figures for the issue's performance targets, printed to stdout; not a unit test (timings vary by
 * machine). Run under Xvfb: {@code xvfb-run java -cp ... PerfProbe}. The JMH module is the place for
 * rigorous numbers.
 */
public final class PerfProbe {

    private PerfProbe() {
    }

    public static void main(String[] args) throws Exception {
        IrcProtocol protocol = new IrcProtocolComponent();
        int lines = 500_000;
        SessionComponent session = new SessionComponent(protocol, lines);
        ChangeTracker tracker = new ChangeTracker();
        session.bindListener(tracker);
        DemoConnection connection = new DemoConnection("perf", protocol, m -> { });
        session.bindConnection(connection);
        session.onMessage(connection, protocol.parse(":sam!s@h JOIN #flood"));

        // 1. Append cost and heap per line through the whole router, 500k parsed PRIVMSGs.
        List<IrcMessage> messages = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            messages.add(protocol.parse(":nick" + i % 50 + "!u@h PRIVMSG #flood :an ordinary line of chat text, number "
                    + i + " of the flood"));
        }
        Runtime rt = Runtime.getRuntime();
        gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        for (int i = 0; i < lines; i++) {
            session.onMessage(connection, messages.get(i % messages.size()));
        }
        long appendNanos = System.nanoTime() - start;
        tracker.drain();
        gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        System.out.printf("append: %.2f us/line over %d lines; heap %.1f bytes/line%n", appendNanos / 1000.0 / lines,
                lines, (heapAfter - heapBefore) / (double) lines);

        // 2. 10,000-member NAMES burst; the first channels warm the JIT up, the last is reported.
        AtomicLong memberEvents = new AtomicLong();
        session.bindListener(e -> {
            if (e.type() == org.switchboard.api.session.SessionEvent.Type.MEMBERS_CHANGED) {
                memberEvents.incrementAndGet();
            }
        });
        for (int round = 0; round < 4; round++) {
            String channel = "#big" + round;
            session.onMessage(connection, protocol.parse(":sam!s@h JOIN " + channel));
            List<IrcMessage> names = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
                sb.append(i % 20 == 0 ? "@" : i % 7 == 0 ? "+" : "").append("member").append(round).append('_')
                        .append(i).append(' ');
                if (i % 400 == 399) {
                    names.add(protocol.parse(":irc 353 sam = " + channel + " :" + sb.toString().strip()));
                    sb.setLength(0);
                }
            }
            names.add(protocol.parse(":irc 366 sam " + channel + " :End"));
            memberEvents.set(0);
            start = System.nanoTime();
            for (IrcMessage m : names) {
                session.onMessage(connection, m);
            }
            Buffer big = session.find("perf", channel).orElseThrow();
            int members = big.members().size();
            System.out.printf("NAMES round %d: %d members applied and sorted in %.1f ms with %d MEMBERS_CHANGED "
                    + "event(s)%n", round, members, (System.nanoTime() - start) / 1e6, memberEvents.get());
        }

        // 3. Window: repaint after resize at 500k lines, and event-thread stalls during a 100k-line flood.
        CommandDispatcherComponent dispatcher = new CommandDispatcherComponent(session, protocol);
        MainWindow[] window = new MainWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(false);
            window[0] = new MainWindow(new UiServices(session, dispatcher, protocol,
                    n -> java.util.Optional.of(connection), java.util.Optional::empty, d -> { }), tracker, Runnable::run,
                    () -> { }, false, null);
            window[0].frame().setSize(1200, 800);
            window[0].open();
            window[0].select(session.find("perf", "#flood").orElseThrow().id());
        });
        Thread.sleep(1500);
        long[] paint = new long[1];
        for (int round = 0; round < 6; round++) {
        int widthNow = 900 + round * 37;
        SwingUtilities.invokeAndWait(() -> {
            window[0].frame().setSize(widthNow, 700);
            window[0].frame().validate();
            JComponent root = window[0].frame().getRootPane();
            BufferedImage image = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            long t0 = System.nanoTime();
            root.paint(g);
            paint[0] = System.nanoTime() - t0;
            g.dispose();
        });
        System.out.printf("resize %d repaint with 500,000 lines held: %.1f ms (whole window)%n", round, paint[0] / 1e6);
        }

        AtomicLong worst = new AtomicLong();
        boolean[] flooding = { true };
        Thread probe = new Thread(() -> {
            while (flooding[0]) {
                long posted = System.nanoTime();
                try {
                    SwingUtilities.invokeAndWait(() -> worst.accumulateAndGet(System.nanoTime() - posted, Math::max));
                    Thread.sleep(5);
                } catch (Exception e) {
                    return;
                }
            }
        });
        probe.start();
        start = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            session.onMessage(connection, messages.get(i % messages.size()));
        }
        long floodNanos = System.nanoTime() - start;
        Thread.sleep(300);
        flooding[0] = false;
        probe.join();
        System.out.printf("flood: 100,000 lines in %.0f ms; longest event-thread wait %.1f ms%n", floodNanos / 1e6,
                worst.get() / 1e6);
        SwingUtilities.invokeAndWait(window[0]::dispose);
        System.exit(0);
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }
}
