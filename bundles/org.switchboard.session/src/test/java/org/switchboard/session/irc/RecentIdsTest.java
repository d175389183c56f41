package org.switchboard.session.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void aRepeatedIdIsRecognisedUntilItFallsOutOfTheWindow() {
        RecentIds ids = new RecentIds(3);
        assertTrue(ids.add("a"));
        assertFalse(ids.add("a"));
        assertTrue(ids.add("b"));
        assertTrue(ids.add("c"));
        assertFalse(ids.add("a"), "still among the last three");
        assertTrue(ids.add("d"), "pushes a out");
        assertTrue(ids.add("a"), "a was forgotten");
        assertFalse(ids.add("c"));
    }

    @Test
    void behavesLikeABoundedInsertionOrderedSetUnderRandomTraffic() {
        int capacity = 64;
        RecentIds ids = new RecentIds(capacity);
        Map<String, Boolean> model = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            // few distinct ids, so that repeats, evictions and long probe runs (colliding hashes) all happen
            String id = random.nextInt(4) == 0 ? "Aa".repeat(random.nextInt(1, 4)) + "BB".repeat(random.nextInt(3))
                    : Integer.toString(random.nextInt(200), 36);
            boolean fresh = !model.containsKey(id);
            if (fresh) {
                model.put(id, Boolean.TRUE);
                if (model.size() > capacity) {
                    model.remove(model.keySet().iterator().next());
                }
            }
            assertEquals(fresh, ids.add(id), "id " + id + " at step " + i);
        }
    }
}
