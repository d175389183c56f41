package org.switchboard.ui.swing.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;

/**
 * How a scrollback line reads: the short mark in the nick column and the body. Shared by the chat view's
 * painting and copying, so that what is copied is what is seen.
 */
public final class LineText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private LineText() {
    }

    public static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** What the nick column shows: the nick for messages, a marker for events. */
    public static String gutter(BufferLine line) {
        return switch (line.kind()) {
            case MESSAGE -> line.nick() == null ? "" : line.nick();
            case NOTICE -> line.nick() == null ? "-notice-" : "-" + line.nick() + "-";
            case ACTION -> "*";
            case JOIN -> "→";
            case PART, QUIT, KICK -> "←";
            case ERROR -> "!";
            case MOTD -> "motd";
            default -> "—";
        };
    }

    /** The body: the message, or for an action the nick and the action. Formatting codes are kept. */
    public static String body(BufferLine line) {
        if (line.kind() == LineKind.ACTION && line.nick() != null) {
            return line.nick() + " " + line.text();
        }
        return line.text();
    }

    /** The line as plain text for the clipboard: {@code [12:00:00] <nick> text}. */
    public static String plain(BufferLine line, java.util.function.UnaryOperator<String> stripFormatting) {
        String gutter = line.kind() == LineKind.MESSAGE ? "<" + gutter(line) + ">" : gutter(line);
        return "[" + time(line.time()) + "] " + gutter + " " + stripFormatting.apply(body(line));
    }

    /** True for kinds drawn in the muted event colour rather than the text colour. */
    public static boolean isEvent(LineKind kind) {
        return switch (kind) {
            case MESSAGE, ACTION, NOTICE, ERROR, MOTD -> false;
            default -> true;
        };
    }

    /** Whether the line's flags ask for the highlight background. */
    public static boolean isHighlight(BufferLine line) {
        return line.has(BufferLine.HIGHLIGHT);
    }
}
