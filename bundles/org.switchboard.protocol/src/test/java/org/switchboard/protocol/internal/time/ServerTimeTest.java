package org.switchboard.protocol.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcMessage;

class ServerTimeTest {

    private static Instant time(Map<String, String> tags) {
        return ServerTime.of(new IrcMessage(tags, "s", "PRIVMSG", List.of("#c", "x")));
    }

    @Test
    void rfc3339WithMilliseconds() {
        assertEquals(Instant.parse("2011-10-19T16:40:51.620Z"), time(Map.of("time", "2011-10-19T16:40:51.620Z")));
    }

    @Test
    void withoutFraction() {
        assertEquals(Instant.parse("2011-10-19T16:40:51Z"), time(Map.of("time", "2011-10-19T16:40:51Z")));
    }

    @Test
    void unpaddedAndLongFractions() {
        assertEquals(Instant.parse("2011-10-19T16:40:51.620Z"), time(Map.of("time", "2011-10-19T16:40:51.62Z")));
        assertEquals(Instant.parse("2011-10-19T16:40:51.500Z"), time(Map.of("time", "2011-10-19T16:40:51.5Z")));
        assertEquals(Instant.parse("2011-10-19T16:40:51.123456789Z"),
                time(Map.of("time", "2011-10-19T16:40:51.123456789Z")));
    }

    @Test
    void offsetsAreConvertedToUtc() {
        assertEquals(Instant.parse("2011-10-19T14:40:51Z"), time(Map.of("time", "2011-10-19T16:40:51+02:00")));
        assertEquals(Instant.parse("2011-10-19T16:40:51Z"), time(Map.of("time", "2011-10-19t16:40:51z")));
        assertEquals(Instant.parse("2011-10-19T16:40:51Z"), time(Map.of("time", "2011-10-19 16:40:51Z")));
    }

    @Test
    void legacyEpochSeconds() {
        assertEquals(Instant.ofEpochSecond(1318947651), time(Map.of("t", "1318947651")));
        assertEquals(Instant.ofEpochSecond(1318947651, 250_000_000), time(Map.of("t", "1318947651.25")));
    }

    @Test
    void timeTagWinsOverLegacy() {
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"),
                time(Map.of("time", "2020-01-01T00:00:00Z", "t", "1318947651")));
    }

    @Test
    void theHandWrittenUtcFormAgreesWithTheFormatterOnEveryDayAndFraction() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        // every few days over nine centuries (leap years, century rules), compared with java.time's own parser
        for (long day = java.time.LocalDate.of(1600, 1, 1).toEpochDay(); day <= java.time.LocalDate.of(2500, 12, 31)
                .toEpochDay(); day += 1 + random.nextInt(60)) {
            Instant expected = Instant.ofEpochSecond(day * 86_400 + random.nextInt(86_400),
                    random.nextInt(1_000_000_000));
            String full = expected.toString();
            String millis = full.substring(0, 19) + "." + String.format("%03d", expected.getNano() / 1_000_000) + "Z";
            assertEquals(expected, ServerTime.parseUtc(full), full);
            assertEquals(Instant.parse(millis), ServerTime.parseUtc(millis), millis);
            assertEquals(Instant.parse(millis), ServerTime.parseUtc(millis.replace('T', ' ')), millis);
        }
    }

    @Test
    void outOfRangeFieldsAreLeftToTheFormatter() {
        for (String odd : List.of("2011-02-29T00:00:00Z", "2011-04-31T00:00:00Z", "2011-13-01T00:00:00Z",
                "2011-10-19T24:00:00Z", "2011-10-19T16:60:51Z", "2011-10-19T16:40:60Z", "2011-10-19T16:40:51.Z",
                "2011-10-19T16:40:51.1234567890Z", "2011-10-19T16:40:51+02:00", "2011-10-19T16:40:51.5",
                "20x1-10-19T16:40:51Z")) {
            assertNull(ServerTime.parseUtc(odd), odd);
        }
        assertEquals(Instant.parse("2012-02-29T00:00:00Z"), ServerTime.parseUtc("2012-02-29T00:00:00Z"));
    }

    @Test
    void garbageGivesNull() {
        assertNull(time(Map.of()));
        assertNull(time(Map.of("time", "yesterday")));
        assertNull(time(Map.of("time", "2011-10-19T16:40:51")));
        assertNull(time(Map.of("time", "")));
        assertNull(time(Map.of("t", "-5")));
        assertNull(time(Map.of("t", "12ab")));
        assertNull(time(Map.of("t", "")));
        assertNull(time(Map.of("t", "99999999999999999999")));
    }
}
