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
