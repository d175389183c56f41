package org.switchboard.protocol.internal.time;

import java.time.Instant;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
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
        Instant utc = parseUtc(value);
        if (utc != null) {
            return utc;
        }
        try {
            String normal = value.length() > 10 && value.charAt(10) == ' '
                    ? value.substring(0, 10) + 'T' + value.substring(11) : value;
            return OffsetDateTime.parse(normal, RFC_3339).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The form servers send, {@code 2011-10-19T16:40:51.620Z} (UTC, fields in range, 0 to 9 fraction digits), read
     * by hand; null for anything else, which {@link #RFC_3339} then decides. The formatter costs microseconds a
     * message, a large part of a client's work under a flood of tagged lines.
     */
    static Instant parseUtc(String value) {
        int length = value.length();
        if (length < 20 || length > 30 || value.charAt(4) != '-' || value.charAt(7) != '-'
                || "Tt ".indexOf(value.charAt(10)) < 0 || value.charAt(13) != ':' || value.charAt(16) != ':') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 2);
        int day = digits(value, 8, 2);
        int hour = digits(value, 11, 2);
        int minute = digits(value, 14, 2);
        int second = digits(value, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int end = 19;
        int nanos = 0;
        if (value.charAt(end) == '.') {
            int fractionDigits = length - 21;
            if (fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(value, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
            end = 20 + fractionDigits;
        }
        char zone = value.charAt(end);
        if (end != length - 1 || (zone != 'Z' && zone != 'z')) {
            return null;
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600 + minute * 60 + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 when one of them is not a digit. */
    private static int digits(String value, int from, int count) {
        int result = 0;
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date in the years 0 to 9999 (civil-from-days, inverted). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
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
