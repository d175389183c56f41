package org.switchboard.ui.swing.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void findsLinksAndLeavesOutTrailingPunctuation() {
        List<Links.Link> links = Links.find("see https://example.org/a?b=1, and (www.example.com/x).");
        assertEquals(2, links.size());
        assertEquals("https://example.org/a?b=1", links.get(0).url());
        assertEquals(4, links.get(0).start());
        assertEquals("https://www.example.com/x", links.get(1).url());
    }

    @Test
    void keepsBalancedParentheses() {
        assertEquals("https://en.wikipedia.org/wiki/Foo_(bar)",
                Links.find("https://en.wikipedia.org/wiki/Foo_(bar)").get(0).url());
    }

    @Test
    void bareSchemesAndWordsAreNotLinks() {
        assertTrue(Links.find("http:// nothing").isEmpty());
        assertTrue(Links.find("awww.example.com shouldn't match").isEmpty());
        assertTrue(Links.find("").isEmpty());
    }
}
