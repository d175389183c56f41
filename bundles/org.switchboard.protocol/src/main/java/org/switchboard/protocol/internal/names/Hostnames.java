package org.switchboard.protocol.internal.names;

/**
 * Host name syntax as IRC servers accept it (RFC 1123 labels): letters, digits and inner hyphens, labels of
 * 1-63 characters, at least two labels (a lone top-level name like {@code com} is no server), a trailing dot
 * allowed.
 */
public final class Hostnames {

    private static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL = 63;

    private Hostnames() {
    }

    public static boolean isValid(String hostname) {
        if (hostname == null) {
            return false;
        }
        int length = hostname.length();
        if (length > 0 && hostname.charAt(length - 1) == '.') {
            length--;
        }
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        int labels = 0;
        int labelStart = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || hostname.charAt(i) == '.') {
                if (!isValidLabel(hostname, labelStart, i)) {
                    return false;
                }
                labels++;
                labelStart = i + 1;
            }
        }
        return labels >= 2 || length < hostname.length();
    }

    private static boolean isValidLabel(String hostname, int from, int to) {
        if (to == from || to - from > MAX_LABEL || hostname.charAt(from) == '-' || hostname.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = hostname.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
