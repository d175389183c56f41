package org.switchboard.feature.notify;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Session;
import org.switchboard.api.ui.PlainText;

/**
 * Decides which highlights become desktop notices: none while switched off, from a muted network, while away
 * (when so configured), or for the buffer the user is looking at; the rest go through the {@link Coalescer}. Runs on
 * one thread (the component's notification thread); only {@link #configure} may come from elsewhere.
 */
final class HighlightNotifier {

    /** What the configuration says; see {@link HighlightNotifications.Config}. */
    record Settings(boolean enabled, boolean quietWhenAway, Set<String> mutedNetworks, long intervalMillis) {
    }

    private static final int MAX_TEXT = 200;

    private final Session session;
    private final IrcProtocol protocol;
    private final DesktopNotifier desktop;
    private final Clock clock;
    private final LongSupplier focusedBuffer;
    private final Coalescer coalescer = new Coalescer();
    private volatile Settings settings;

    /**
     * @param focusedBuffer the buffer the user is looking at in a focused window, or -1 (see
     *                      {@link org.switchboard.api.ui.UiNavigation#focusedBuffer})
     */
    HighlightNotifier(Session session, IrcProtocol protocol, DesktopNotifier desktop, Clock clock,
            LongSupplier focusedBuffer, Settings settings) {
        this.session = session;
        this.protocol = protocol;
        this.desktop = desktop;
        this.clock = clock;
        this.focusedBuffer = focusedBuffer;
        this.settings = settings;
    }

    void configure(Settings changed) {
        settings = changed;
    }

    Settings settings() {
        return settings;
    }

    /**
     * A line highlighted the user: shows it now, holds it back, or drops it. Returns when held-back highlights
     * are due (epoch milliseconds), or -1 when nothing is held.
     */
    long highlighted(long bufferId, long line) {
        Settings now = settings;
        Optional<Buffer> buffer = session.byId(bufferId);
        if (buffer.isPresent() && wanted(buffer.get(), now)) {
            Notice notice = coalescer.offer(describe(buffer.get(), line), clock.millis(), now.intervalMillis());
            if (notice != null) {
                desktop.show(notice);
            }
        }
        return coalescer.dueAt(now.intervalMillis());
    }

    /** Shows the held-back highlights that are due and still wanted; returns when the next are due, or -1. */
    long flush() {
        Settings now = settings;
        coalescer.forgetIf(id -> session.byId(id).map(b -> !wanted(b, now)).orElse(true));
        Notice notice = coalescer.flush(clock.millis(), now.intervalMillis());
        if (notice != null) {
            desktop.show(notice);
        }
        return coalescer.dueAt(now.intervalMillis());
    }

    private boolean wanted(Buffer buffer, Settings now) {
        return now.enabled() && !now.mutedNetworks().contains(buffer.network())
                && !(now.quietWhenAway() && session.away(buffer.network()))
                && buffer.id() != focusedBuffer.getAsLong();
    }

    private Highlight describe(Buffer buffer, long line) {
        String name = PlainText.line(buffer.name(), 60);
        String place = name + " \u2014 " + PlainText.line(buffer.network(), 40);
        List<BufferLine> lines = buffer.lines(line, line + 1);
        String message = "";
        if (!lines.isEmpty()) {
            BufferLine shown = lines.get(0);
            String text = protocol.stripFormatting(shown.text());
            String nick = shown.nick() == null ? "" : shown.nick();
            message = shown.kind() == LineKind.ACTION ? "* " + nick + " " + text
                    : nick.isEmpty() ? text : "<" + nick + "> " + text;
        }
        return new Highlight(buffer.id(), line, place, name, PlainText.line(message, MAX_TEXT));
    }
}
