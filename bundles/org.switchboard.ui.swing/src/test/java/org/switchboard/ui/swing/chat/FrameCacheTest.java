package org.switchboard.ui.swing.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class FrameCacheTest {

    @Test
    void aFrameKeepsWhatItShowsAndForgetsTheRest() {
        FrameCache<String> cache = new FrameCache<>();
        for (long seq = 1; seq <= 5; seq++) {
            cache.keep(seq, "line " + seq);
        }
        cache.endFrame();
        assertEquals(5, cache.size());

        // The next frame scrolled by two lines: three come from the previous frame, two are new.
        for (long seq = 3; seq <= 7; seq++) {
            String previous = cache.previous(seq);
            cache.keep(seq, previous != null ? previous : "new " + seq);
        }
        assertSame(cache.previous(3), cache.previous(3), "still readable until the frame ends");
        cache.endFrame();
        assertEquals(5, cache.size(), "one screenful, not everything ever shown");
        assertNull(cache.previous(1));
        assertNull(cache.previous(2));
        assertEquals("line 5", cache.previous(5));
        assertEquals("new 7", cache.previous(7));
    }

    @Test
    void aFloodOfFramesHoldsOnlyTheLastOne() {
        FrameCache<Long> cache = new FrameCache<>();
        for (long frame = 0; frame < 10_000; frame++) {
            for (long seq = frame * 40; seq < frame * 40 + 40; seq++) {
                cache.keep(seq, seq);
            }
            cache.endFrame();
        }
        assertEquals(40, cache.size());
        assertNull(cache.previous(0));
    }

    @Test
    void clearForgetsEverything() {
        FrameCache<String> cache = new FrameCache<>();
        cache.keep(1, "a");
        cache.endFrame();
        cache.keep(2, "b");
        cache.clear();
        cache.endFrame();
        assertEquals(0, cache.size());
    }
}
