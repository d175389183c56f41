package org.switchboard.ui.compact.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinksTest {

    /** The linked characters of a text, as the text with everything else replaced by '_'. */
    private static String linked(String text) {
        boolean[] mask = Links.mask(text);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            sb.append(mask[i] ? text.charAt(i) : '_');
        }
        return sb.toString();
    }

    @Test
    void marksLinksUpToWhiteSpaceWithoutTrailingPunctuation() {
        assertEquals("____https://a.org/x______", linked("see https://a.org/x, then"));
        assertEquals("HTTP://b.net_____http://c.io/?q=1", linked("HTTP://b.net and http://c.io/?q=1"));
    }

    @Test
    void noLinkNoMarks() {
        assertEquals("__________", linked("just words"));
        assertEquals("___", linked("ftp"));
        assertEquals("", linked(""));
    }
}
