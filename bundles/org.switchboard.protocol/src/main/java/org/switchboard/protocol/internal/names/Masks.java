package org.switchboard.protocol.internal.names;

import org.switchboard.api.irc.CaseMapping;

/**
 * IRC wildcard masks: {@code *} matches any run of characters (also none), {@code ?} exactly one; everything else,
 * brackets included, is literal and compared under the case mapping.
 */
public final class Masks {

    private Masks() {
    }

    public static boolean matches(String mask, String text, CaseMapping mapping) {
        int m = 0;
        int t = 0;
        int starMask = -1;
        int starText = -1;
        while (t < text.length()) {
            if (m < mask.length()) {
                char c = mask.charAt(m);
                if (c == '*') {
                    starMask = m++;
                    starText = t;
                    continue;
                }
                if (c == '?' || mapping.fold(c) == mapping.fold(text.charAt(t))) {
                    m++;
                    t++;
                    continue;
                }
            }
            if (starMask < 0) {
                return false;
            }
            // Let the last star swallow one more character and retry from there.
            m = starMask + 1;
            t = ++starText;
        }
        while (m < mask.length() && mask.charAt(m) == '*') {
            m++;
        }
        return m == mask.length();
    }
}
