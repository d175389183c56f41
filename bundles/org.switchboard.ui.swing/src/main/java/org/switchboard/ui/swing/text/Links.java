package org.switchboard.ui.swing.text;

import java.util.ArrayList;
import java.util.List;

/** Finds web links in plain message text, so the chat view can underline them and open them on click. */
public final class Links {

    /** A link over {@code [start, end)} of the text, and the address to open. */
    public record Link(int start, int end, String url) {
    }

    private static final String[] SCHEMES = { "https://", "http://", "www." };

    private Links() {
    }

    public static List<Link> find(String text) {
        List<Link> links = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = -1;
            String scheme = null;
            for (String s : SCHEMES) {
                int at = indexOfIgnoreCase(text, s, i);
                if (at >= 0 && (start < 0 || at < start) && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))) {
                    start = at;
                    scheme = s;
                }
            }
            if (start < 0) {
                break;
            }
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) >= 0x20
                    && "<>\"".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            // Punctuation that ends a sentence is rarely part of the address.
            while (end > start && ".,;:!?)]}'".indexOf(text.charAt(end - 1)) >= 0
                    && !(text.charAt(end - 1) == ')' && text.substring(start, end).contains("("))) {
                end--;
            }
            if (end - start > scheme.length()) {
                String url = text.substring(start, end);
                links.add(new Link(start, end, scheme.equals("www.") ? "https://" + url : url));
            }
            i = Math.max(end, start + scheme.length());
        }
        return links;
    }

    /** {@code needle} is lower case ASCII. */
    private static int indexOfIgnoreCase(String text, String needle, int from) {
        char head = needle.charAt(0);
        for (int i = from; i <= text.length() - needle.length(); i++) {
            // Most characters fail this cheap test, and only candidates get the full comparison.
            if ((text.charAt(i) | 0x20) == head && text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
