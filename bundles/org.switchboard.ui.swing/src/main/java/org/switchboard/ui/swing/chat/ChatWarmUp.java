package org.switchboard.ui.swing.chat;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import javax.swing.Timer;

import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Member;

/**
 * Lays out and paints a few screenfuls of varied sample lines in a chat view that is never shown, shortly after
 * the window opened. The first flood a window shows otherwise runs the chat view's code interpreted and loads the
 * fonts of other scripts (CJK, Hebrew, emoji…) in the middle of it: one refresh of the first flood took 40–60 ms
 * of the event thread's time, against 4–7 ms warm. Here that first-time cost is paid in rounds of one screenful
 * each, one event at a time, with a pause between rounds, while the client is still connecting; input and
 * repaints go between the rounds.
 */
public final class ChatWarmUp {

    /** After the window's first paint and the start-up work around it (connecting, the later bundles). */
    private static final int DELAY_MILLIS = 1000;
    /** Between rounds: the warm-up takes the event thread only in short turns. */
    private static final int GAP_MILLIS = 10;
    /** Screenfuls: enough for the quick compiler's thresholds on the per-line methods. */
    private static final int ROUNDS = 30;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;

    private final Timer timer;
    private Timer next;
    private boolean stopped;

    private ChatWarmUp(IrcProtocol protocol, boolean dark) {
        timer = new Timer(DELAY_MILLIS, e -> start(protocol, dark));
        timer.setRepeats(false);
    }

    /** Schedules the warm-up; event thread. {@link #stop()} it when the window goes. */
    public static ChatWarmUp schedule(IrcProtocol protocol, boolean dark) {
        ChatWarmUp warmUp = new ChatWarmUp(protocol, dark);
        warmUp.timer.start();
        return warmUp;
    }

    /** Stops what is left of it; event thread. */
    public void stop() {
        stopped = true;
        timer.stop();
        if (next != null) {
            next.stop();
        }
    }

    /** True while a round is still to come; event thread. */
    boolean running() {
        return timer.isRunning() || next != null && next.isRunning();
    }

    private void start(IrcProtocol protocol, boolean dark) {
        ChatView view = offScreenView(protocol, dark);
        SampleBuffer buffer = new SampleBuffer();
        view.show(buffer);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        round(view, buffer, image, 0);
    }

    private void round(ChatView view, SampleBuffer buffer, BufferedImage image, int round) {
        if (stopped || round >= ROUNDS) {
            return;
        }
        try {
            paintNextScreenful(view, buffer, image);
        } catch (RuntimeException e) {
            // Only a warm-up: whatever went wrong here shows (and is reported) when real lines are drawn.
            return;
        }
        next = new Timer(GAP_MILLIS, e -> round(view, buffer, image, round + 1));
        next.setRepeats(false);
        next.start();
    }

    /** What one round does, at once, for tests: {@code rounds} screenfuls painted; the image of the last. */
    static BufferedImage paintNow(IrcProtocol protocol, boolean dark, int rounds) {
        ChatView view = offScreenView(protocol, dark);
        SampleBuffer buffer = new SampleBuffer();
        view.show(buffer);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < rounds; i++) {
            paintNextScreenful(view, buffer, image);
        }
        return image;
    }

    private static ChatView offScreenView(IrcProtocol protocol, boolean dark) {
        ChatView view = new ChatView(protocol, link -> { });
        view.updateTheme(dark);
        view.setSize(WIDTH, HEIGHT);
        layOutTree(view);
        return view;
    }

    private static void paintNextScreenful(ChatView view, SampleBuffer buffer, BufferedImage image) {
        buffer.advance();
        view.refresh();
        Graphics2D g = image.createGraphics();
        try {
            view.paint(g);
        } finally {
            g.dispose();
        }
    }

    private static void layOutTree(Component component) {
        component.doLayout();
        if (component instanceof Container container) {
            for (Component child : container.getComponents()) {
                layOutTree(child);
            }
        }
    }

    /** A channel whose newest screenful changes at every round, so that nothing is reused from the round before. */
    private static final class SampleBuffer implements Buffer {
        private static final String[] TEXTS = {
            "morning all, the nightly build is \u000303green\u0003 again",
            "did anyone look at https://example.org/ci/builds/4711 yet?",
            "\u0002bold\u0002 \u001ditalic\u001d \u001funderline\u001f \u000304,01red on black\u0003 \u0003122blue",
            "\u041f\u0440\u0438\u0432\u0435\u0442! \u0393\u03b5\u03b9\u03ac \u03c3\u03bf\u03c5! "
                    + "\u3053\u3093\u306b\u3061\u306f \u2014 UTF-8 works both ways",
            "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd and \u0645\u0631\u062d\u0628\u0627 in one line",
            "emoji \ud83d\ude00 \ud83c\udf89 \ud83d\udc4d and \u4f60\u597d\u4e16\u754c",
            "a long line that has to wrap at the edge of the view because it keeps going and going with words "
                    + "and more words, as long messages in busy channels do, with a link https://example.org/a/b",
            "<html><b>never HTML</b></html> and \u0016reversed\u0016 and \u0011monospace\u0011",
        };
        private static final LineKind[] KINDS = { LineKind.MESSAGE, LineKind.MESSAGE, LineKind.ACTION,
            LineKind.MESSAGE, LineKind.NOTICE, LineKind.JOIN, LineKind.MESSAGE, LineKind.QUIT };
        private static final int SCREENFUL = 40;

        private long end;

        void advance() {
            end += SCREENFUL;
        }

        @Override
        public long id() {
            return -1;
        }

        @Override
        public String network() {
            return "warm-up";
        }

        @Override
        public String name() {
            return "#warm-up";
        }

        @Override
        public BufferType type() {
            return BufferType.CHANNEL;
        }

        @Override
        public String topic() {
            return "";
        }

        @Override
        public String topicSetBy() {
            return "";
        }

        @Override
        public long topicTime() {
            return 0;
        }

        @Override
        public String modes() {
            return "";
        }

        @Override
        public boolean active() {
            return true;
        }

        @Override
        public long firstLine() {
            return Math.max(0, end - SCREENFUL);
        }

        @Override
        public long endLine() {
            return end;
        }

        @Override
        public List<BufferLine> lines(long from, long to) {
            List<BufferLine> lines = new ArrayList<>();
            for (long seq = Math.max(from, firstLine()); seq < Math.min(to, end); seq++) {
                int i = (int) (seq % TEXTS.length);
                int k = (int) (seq % KINDS.length);
                lines.add(new BufferLine(1_700_000_000_000L + seq * 1000, KINDS[k], "nick" + (seq % 37),
                        TEXTS[i], seq % 11 == 0 ? BufferLine.HIGHLIGHT : 0));
            }
            return lines;
        }

        @Override
        public List<Member> members() {
            return List.of();
        }

        @Override
        public int memberCount() {
            return 0;
        }

        @Override
        public int unreadCount() {
            return 0;
        }

        @Override
        public int highlightCount() {
            return 0;
        }
    }
}
