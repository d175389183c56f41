package org.switchboard.feature.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.switchboard.api.session.BufferType;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.testfakes.FakeBuffer;
import org.switchboard.testfakes.FakeSession;
import org.switchboard.testfakes.MutableClock;

/** Which highlights become notices, and how a flood of them is summed up; time moves only when the test says. */
class HighlightNotifierTest {

    private static final long INTERVAL = 5_000;

    private final FakeSession session = new FakeSession();
    private final FakeBuffer java = session.add("libera", "#java", BufferType.CHANNEL);
    private final FakeBuffer linux = session.add("libera", "#linux", BufferType.CHANNEL);
    private final FakeBuffer other = session.add("oftc", "#debian", BufferType.CHANNEL);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final List<Notice> shown = new ArrayList<>();
    private long focused = -1;
    private final HighlightNotifier notifier = new HighlightNotifier(session, new IrcProtocolComponent(),
            new DesktopNotifier() {
                @Override
                public void show(Notice notice) {
                    shown.add(notice);
                }

                @Override
                public void close() {
                }
            }, clock, () -> focused, settings(true, true, Set.of()));

    private static HighlightNotifier.Settings settings(boolean enabled, boolean quietWhenAway, Set<String> muted) {
        return new HighlightNotifier.Settings(enabled, quietWhenAway, muted, INTERVAL);
    }

    private long highlight(FakeBuffer buffer, String nick, String text) {
        long line = buffer.highlight(nick, text);
        return notifier.highlighted(buffer.id(), line);
    }

    @Test
    void theFirstHighlightIsShownAtOnceAsPlainTextWithWhereItLeads() {
        long line = java.highlight("ann", "\u0002me\u0002: <html><b>lunch?</b> \u202Eevil");
        assertEquals(-1, notifier.highlighted(java.id(), line), "nothing held back");
        assertEquals(List.of(new Notice("#java \u2014 libera", "<ann> me: <html><b>lunch?</b> evil", java.id(), line)),
                shown, "formatting codes and the bidi override are gone");
    }

    @Test
    void aFloodOfHighlightsBecomesOneNoticeNowAndOneSummaryPerInterval() {
        highlight(java, "ann", "me: one");
        long due = 0;
        for (int i = 0; i < 500; i++) {
            clock.advanceMillis(3);
            due = highlight(java, "bob", "me: spam " + i);
        }
        assertEquals(1, shown.size(), "the flood is held back");
        assertEquals(clock.millis() - 1_500 + INTERVAL, due, "due one interval after the first notice");
        assertEquals(due, notifier.flush(), "not due yet: the next flush time stays");
        assertEquals(1, shown.size());

        clock.advanceMillis(due - clock.millis());
        assertEquals(-1, notifier.flush());
        assertEquals(2, shown.size());
        Notice summary = shown.get(1);
        assertEquals("500 new highlights in #java \u2014 libera", summary.title());
        assertEquals("<bob> me: spam 499", summary.text());
        assertEquals(java.endLine() - 1, summary.line(), "a click leads to the newest one");
        assertEquals(-1, notifier.flush(), "nothing left");
        assertEquals(2, shown.size());
    }

    @Test
    void highlightsInSeveralBuffersAreSummedUpTogether() {
        highlight(other, "zed", "me: first");
        highlight(java, "ann", "me: a");
        highlight(linux, "cat", "me: b");
        highlight(java, "ann", "me: c");
        clock.advanceMillis(INTERVAL);
        notifier.flush();
        Notice summary = shown.get(1);
        assertEquals("3 new highlights: #java (2), #linux (1)", summary.title());
        assertEquals("#java: <ann> me: c", summary.text());
        assertEquals(java.id(), summary.bufferId());
    }

    @Test
    void aHeldBackSingleHighlightIsShownAsItself() {
        highlight(java, "ann", "me: a");
        long line = linux.highlight("cat", "me: b");
        long due = notifier.highlighted(linux.id(), line);
        clock.advanceMillis(due - clock.millis());
        notifier.flush();
        assertEquals(new Notice("#linux \u2014 libera", "<cat> me: b", linux.id(), line), shown.get(1));
    }

    @Test
    void theBufferTheUserIsLookingAtNeverNotifies() {
        focused = java.id();
        highlight(java, "ann", "me: you see this anyway");
        assertEquals(List.of(), shown);

        focused = -1;
        highlight(linux, "cat", "me: first");
        highlight(java, "ann", "me: held back");
        focused = java.id();
        clock.advanceMillis(INTERVAL);
        assertEquals(-1, notifier.flush());
        assertEquals(1, shown.size(), "the user went to #java meanwhile: nothing more to say");
    }

    @Test
    void mutedNetworksAwayAndSwitchedOffStayQuiet() {
        notifier.configure(settings(true, true, Set.of("libera")));
        highlight(java, "ann", "me: muted");
        assertEquals(List.of(), shown);

        notifier.configure(settings(true, true, Set.of()));
        session.awayOn.add("libera");
        highlight(java, "ann", "me: away");
        assertEquals(List.of(), shown);
        notifier.configure(settings(true, false, Set.of()));
        highlight(java, "ann", "me: away but wanted");
        assertEquals(1, shown.size());

        notifier.configure(settings(false, false, Set.of()));
        clock.advanceMillis(INTERVAL);
        highlight(other, "zed", "me: switched off");
        assertEquals(1, shown.size());
    }

    @Test
    void highlightsHeldBackFromANetworkMutedMeanwhileAreDropped() {
        highlight(other, "zed", "me: first");
        highlight(java, "ann", "me: then muted");
        notifier.configure(settings(true, true, Set.of("libera")));
        clock.advanceMillis(INTERVAL);
        notifier.flush();
        assertEquals(1, shown.size());
    }

    @Test
    void aHighlightInABufferThatIsGoneOrALineThatFellOffStillMakesSense() {
        assertEquals(-1, notifier.highlighted(99, 0), "no such buffer");
        assertEquals(-1, notifier.highlighted(java.id(), 42));
        assertEquals(new Notice("#java \u2014 libera", "", java.id(), 42), shown.get(0));
    }
}
