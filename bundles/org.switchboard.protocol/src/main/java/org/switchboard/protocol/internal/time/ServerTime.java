package org.switchboard.protocol.internal.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

import org.switchboard.api.irc.IrcMessage;

/**
 * The IRCv3 server-time of a message. The {@code time} tag is RFC 3339 ({@code 2011-10-19T16:40:51.620Z}); a
 * fraction of any length is read as a decimal fraction of a second, so {@code .62} is 620 ms and {@code .5} 500 ms.
 * The legacy {@code t} tag (znc.in/server-time) holds seconds since the epoch. Offsets are honoured; the result is
 * an {@link Instant}, i.e. UTC.
 */
public final class ServerTime {

    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT);

    private ServerTime() {
    }

    public static Instant of(IrcMessage message) {
        String time = message.tag("time");
        if (time != null) {
            Instant parsed = parseRfc3339(time);
            if (parsed != null) {
                return parsed;
            }
        }
        String legacy = message.tag("t");
        return legacy == null ? null : parseEpochSeconds(legacy);
    }

    public static Instant parseRfc3339(String value) {
        try {
            String normal = value.length() > 10 && value.charAt(10) == ' '
                    ? value.substring(0, 10) + 'T' + value.substring(11) : value;
            return OffsetDateTime.parse(normal, RFC_3339).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Seconds since the epoch, with an optional decimal fraction; null when it is not such a number. */
    public static Instant parseEpochSeconds(String value) {
        int dot = value.indexOf('.');
        int wholeEnd = dot < 0 ? value.length() : dot;
        if (wholeEnd == 0 || wholeEnd > 12 || value.length() - wholeEnd > 10 || !digitsOnly(value, 0, wholeEnd)
                || (dot >= 0 && !digitsOnly(value, dot + 1, value.length()))) {
            return null;
        }
        long seconds = Long.parseLong(value, 0, wholeEnd, 10);
        long nanos = 0;
        if (dot >= 0) {
            int fractionDigits = value.length() - dot - 1;
            for (int i = 0; i < 9; i++) {
                nanos = nanos * 10 + (i < fractionDigits ? value.charAt(dot + 1 + i) - '0' : 0);
            }
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static boolean digitsOnly(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
