package org.switchboard.api.irc;

import java.util.Arrays;
import java.util.Map;

/**
 * Reads an IRCv3 tag section in wire form ({@code key=value;key2;...}, without the '@'). The grammar is total: any
 * string is a section, so nothing here can fail and decoding can wait until someone asks. An entry with an empty
 * key is skipped, a key without a value (or with an empty one) maps to the empty string, a repeated key keeps its
 * last value.
 */
final class WireTags {

    private WireTags() {
    }

    /** All tags of the section, unescaped, as an unmodifiable map. */
    static Map<String, String> decode(String section) {
        String[] keys = new String[8];
        String[] values = new String[8];
        int count = 0;
        int length = section.length();
        for (int pos = 0; pos < length; ) {
            int entryEnd = entryEnd(section, pos);
            int keyEnd = section.indexOf('=', pos);
            if (keyEnd < 0 || keyEnd > entryEnd) {
                keyEnd = entryEnd;
            }
            if (keyEnd > pos) {
                String key = section.substring(pos, keyEnd);
                String value = value(section, keyEnd, entryEnd);
                int existing = indexOf(keys, count, key);
                if (existing >= 0) {
                    values[existing] = value;
                } else {
                    if (count == keys.length) {
                        keys = Arrays.copyOf(keys, count * 2);
                        values = Arrays.copyOf(values, count * 2);
                    }
                    keys[count] = key;
                    values[count++] = value;
                }
            }
            pos = entryEnd + 1;
        }
        return map(keys, values, count);
    }

    /** The unescaped value of {@code key} in the section, or {@code null}; no map, no strings but the value. */
    static String find(String section, String key) {
        int keyLength = key.length();
        if (keyLength == 0 || key.indexOf('=') >= 0 || key.indexOf(';') >= 0) {
            // No entry has such a key: an empty one is skipped, and '=' or ';' would end it.
            return null;
        }
        String found = null;
        int length = section.length();
        // String.indexOf is a vectorised intrinsic; a match counts only where it is a whole key.
        for (int at = section.indexOf(key); at >= 0; at = section.indexOf(key, at + 1)) {
            int keyEnd = at + keyLength;
            if ((at == 0 || section.charAt(at - 1) == ';')
                    && (keyEnd == length || section.charAt(keyEnd) == '=' || section.charAt(keyEnd) == ';')) {
                // Keep looking: a repeated key keeps its last value.
                found = value(section, keyEnd, entryEnd(section, keyEnd));
                at = keyEnd;
            }
        }
        return found;
    }

    private static int entryEnd(String section, int from) {
        int semicolon = section.indexOf(';', from);
        return semicolon < 0 ? section.length() : semicolon;
    }

    /** The value after the key ending at {@code keyEnd} (at '=' or at the entry's end). */
    private static String value(String section, int keyEnd, int entryEnd) {
        return keyEnd + 1 >= entryEnd ? "" : unescape(section, keyEnd + 1, entryEnd);
    }

    /**
     * {@code \:} {@code \s} {@code \\} {@code \r} {@code \n} become {@code ;}, space, backslash, CR, LF; any other
     * escaped character stands for itself and a lone trailing backslash disappears.
     */
    private static String unescape(String raw, int from, int to) {
        int backslash = raw.indexOf('\\', from);
        if (backslash < 0 || backslash >= to) {
            return raw.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        out.append(raw, from, backslash);
        for (int i = backslash; i < to; i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (++i < to) {
                out.append(unescaped(raw.charAt(i)));
            }
        }
        return out.toString();
    }

    private static char unescaped(char c) {
        switch (c) {
            case ':':
                return ';';
            case 's':
                return ' ';
            case 'r':
                return '\r';
            case 'n':
                return '\n';
            default:
                return c;
        }
    }

    private static int indexOf(String[] keys, int count, String key) {
        for (int i = 0; i < count; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Through the fixed-arity factories, which keep their arguments without another copy. Keys are distinct. */
    private static Map<String, String> map(String[] k, String[] v, int n) {
        switch (n) {
            case 0: return Map.of();
            case 1: return Map.of(k[0], v[0]);
            case 2: return Map.of(k[0], v[0], k[1], v[1]);
            case 3: return Map.of(k[0], v[0], k[1], v[1], k[2], v[2]);
            case 4: return Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3]);
            default:
                @SuppressWarnings("unchecked")
                Map.Entry<String, String>[] entries = new Map.Entry[n];
                for (int i = 0; i < n; i++) {
                    entries[i] = Map.entry(k[i], v[i]);
                }
                return Map.ofEntries(entries);
        }
    }
}
