package org.switchboard.api.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class CaseKeyTest {

    @Test
    void equalUnderTheMappingKeepingTheSpelling() {
        CaseKey a = CaseMapping.RFC1459.key("Nick[away]");
        CaseKey b = CaseMapping.RFC1459.key("nick{AWAY}");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("Nick[away]", a.name());
        assertEquals("nick{away}", a.folded());
        assertTrue(a.matches("NICK{away}"));
    }

    @Test
    void asciiKeepsBracketsDistinct() {
        assertNotEquals(CaseMapping.ASCII.key("a[b"), CaseMapping.ASCII.key("a{b"));
        assertEquals(CaseMapping.ASCII.key("AB"), CaseMapping.ASCII.key("ab"));
    }

    @Test
    void keysOfDifferentMappingsAreNeverEqual() {
        assertNotEquals(CaseMapping.ASCII.key("nick"), CaseMapping.RFC1459.key("nick"));
    }

    @Test
    void mapsFoldConsistently() {
        Map<CaseKey, String> channels = new HashMap<>();
        channels.put(CaseMapping.RFC1459.key("#Chan^"), "first");
        channels.put(CaseMapping.RFC1459.key("#CHAN~"), "second");
        assertEquals(1, channels.size());
        assertEquals("second", channels.get(CaseMapping.RFC1459.key("#chan~")));
    }

    @Test
    void rekeyMovesToTheServersMappingAndMergesCollisions() {
        Map<CaseKey, Integer> assumed = new LinkedHashMap<>();
        assumed.put(CaseMapping.ASCII.key("a[1]"), 1);
        assumed.put(CaseMapping.ASCII.key("A{1}"), 2);
        assumed.put(CaseMapping.ASCII.key("other"), 3);
        assertEquals(3, assumed.size());

        Map<CaseKey, Integer> rekeyed = CaseKey.rekey(assumed, CaseMapping.RFC1459, Integer::sum);
        assertEquals(2, rekeyed.size());
        assertEquals(3, rekeyed.get(CaseMapping.RFC1459.key("A[1]")));
        assertEquals(3, rekeyed.get(CaseMapping.RFC1459.key("OTHER")));
        assertEquals("a[1]", rekeyed.keySet().iterator().next().name());
    }

    @Test
    void rekeyToStricterMappingSplitsNothingButStopsFoldingCaret() {
        Map<CaseKey, String> loose = Map.of(CaseMapping.RFC1459.key("x^"), "v");
        Map<CaseKey, String> strict = CaseKey.rekey(loose, CaseMapping.RFC1459_STRICT, (a, b) -> b);
        assertEquals("v", strict.get(CaseMapping.RFC1459_STRICT.key("X^")));
        assertEquals(null, strict.get(CaseMapping.RFC1459_STRICT.key("x~")));
    }

    @Test
    void withSameMappingIsIdentity() {
        CaseKey key = CaseMapping.RFC1459.key("n");
        assertSame(key, key.withMapping(CaseMapping.RFC1459));
    }

    @Test
    void sortsIgnoringCase() {
        TreeSet<CaseKey> sorted = new TreeSet<>();
        for (String nick : List.of("bob", "Alice", "carol", "ALICE")) {
            sorted.add(CaseMapping.ASCII.key(nick));
        }
        assertEquals(List.of("Alice", "bob", "carol"), sorted.stream().map(CaseKey::toString).toList());
    }

    @Test
    void chanModeGroups() {
        Isupport.ChanModes modes = new Isupport.ChanModes("beI", "k", "l", "imnpst");
        assertEquals('A', modes.groupOf('b'));
        assertEquals('B', modes.groupOf('k'));
        assertEquals('C', modes.groupOf('l'));
        assertEquals('D', modes.groupOf('m'));
        assertEquals(0, modes.groupOf('o'));
    }
}
