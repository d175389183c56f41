package org.switchboard.ui.compact.view;

import java.util.Locale;

/** Finds web links in a line of plain text, to draw them as links; a plain scan, no regular expressions. */
final class Links {

    private Links() {
    }

    /** For each character, whether it belongs to an http:// or https:// link (which ends at white space). */
    static boolean[] mask(String text) {
        boolean[] inLink = new boolean[text.length()];
        String lower = text.toLowerCase(Locale.ROOT);
        int at = 0;
        while (at < text.length()) {
            int start = nextLinkStart(lower, at);
            if (start < 0) {
                break;
            }
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            // Sentence punctuation right after a link is not part of it.
            while (end > start && ".,;:!?)'\"".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            for (int i = start; i < end; i++) {
                inLink[i] = true;
            }
            at = Math.max(end, start + 1);
        }
        return inLink;
    }

    private static int nextLinkStart(String lower, int from) {
        int http = lower.indexOf("http://", from);
        int https = lower.indexOf("https://", from);
        if (http < 0) {
            return https;
        }
        return https < 0 ? http : Math.min(http, https);
    }
}
