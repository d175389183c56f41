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

    /**
     * Where the entries of the section are, for {@link #find}: element 0 is the number of entries with a key, then
     * three per entry: key start, key end (at '=' or the entry's end), entry end. One pass over the section, so that
     * the few lookups a message gets (msgid, time, batch) compare keys of known length instead of each searching the
     * whole section again; on C1-compiled code {@code String.indexOf(String)} is a plain loop, not the intrinsic.
     */
    static int[] index(String section) {
        int length = section.length();
        int[] entries = new int[1 + 3 * 4];
        int count = 0;
        // The next '=' at or after the entry being read; one found inside a value is looked past, not again for
        // every later entry, which keeps this linear.
        int nextEquals = section.indexOf('=');
        for (int pos = 0; pos < length; ) {
            int entryEnd = entryEnd(section, pos);
            if (nextEquals >= 0 && nextEquals < pos) {
                nextEquals = section.indexOf('=', pos);
            }
            int keyEnd = nextEquals >= 0 && nextEquals < entryEnd ? nextEquals : entryEnd;
            if (keyEnd > pos) {
                int at = 1 + 3 * count;
                if (at + 3 > entries.length) {
                    entries = Arrays.copyOf(entries, entries.length * 2);
                }
                entries[at] = pos;
                entries[at + 1] = keyEnd;
                entries[at + 2] = entryEnd;
                count++;
            }
            pos = entryEnd + 1;
        }
        entries[0] = count;
        return entries;
    }

    /**
     * The unescaped value of {@code key} in the section indexed by {@link #index}, or {@code null}; no map, no
     * strings but the value. A key that is empty or holds '=' or ';' matches no entry, as no entry can have it.
     */
    static String find(String section, int[] entries, String key) {
        int keyLength = key.length();
        String found = null;
        for (int i = 1, end = 1 + 3 * entries[0]; i < end; i += 3) {
            int keyStart = entries[i];
            if (entries[i + 1] - keyStart == keyLength && section.startsWith(key, keyStart)) {
                // Keep looking: a repeated key keeps its last value.
                found = value(section, entries[i + 1], entries[i + 2]);
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
