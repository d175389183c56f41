package org.switchboard.protocol.internal.wire;

import java.util.Map;

import org.switchboard.api.irc.IrcProtocolException;

/** The IRCv3 message-tags value escaping, both ways. */
public final class TagCodec {

    private TagCodec() {
    }

    /**
     * Unescapes a tag value: {@code \:} {@code \s} {@code \\} {@code \r} {@code \n}; any other escaped character
     * stands for itself and a lone trailing backslash disappears.
     */
    public static String unescape(CharSequence raw, int from, int to) {
        int backslash = -1;
        for (int i = from; i < to; i++) {
            if (raw.charAt(i) == '\\') {
                backslash = i;
                break;
            }
        }
        if (backslash < 0) {
            return raw.subSequence(from, to).toString();
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

    /**
     * Unescapes the bytes {@code [from, to)} into {@code out} from index 0 and returns the length; the escapes work
     * on bytes because every escape sequence is ASCII and UTF-8 never uses ASCII bytes inside a sequence.
     */
    public static int unescape(byte[] raw, int from, int to, byte[] out) {
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b != '\\') {
                out[length++] = b;
            } else if (++i < to) {
                out[length++] = (byte) unescaped((char) raw[i]);
            }
        }
        return length;
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

    /** Appends {@code @key=value;key2...} and a space; nothing for no tags. Keys in sorted order, for stable output. */
    public static void appendTags(Map<String, String> tags, StringBuilder out) {
        if (tags.isEmpty()) {
            return;
        }
        out.append('@');
        Object[] keys = tags.keySet().toArray();
        if (keys.length > 1) {
            java.util.Arrays.sort(keys);
        }
        for (int k = 0; k < keys.length; k++) {
            String key = (String) keys[k];
            checkKey(key);
            if (k > 0) {
                out.append(';');
            }
            out.append(key);
            String value = tags.get(key);
            if (!value.isEmpty()) {
                out.append('=');
                appendEscaped(key, value, out);
            }
        }
        out.append(' ');
    }

    private static void checkKey(String key) {
        if (key.isEmpty()) {
            throw new IrcProtocolException("A tag key must not be empty");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ' ' || c == ';' || c == '=' || c == '\r' || c == '\n' || c == 0) {
                throw new IrcProtocolException("Tag key " + Printable.quote(key)
                        + " holds a character a tag key cannot carry (space, ';', '=', CR, LF or NUL)");
            }
        }
    }

    private static void appendEscaped(String key, String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ';':
                    out.append("\\:");
                    break;
                case ' ':
                    out.append("\\s");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case 0:
                    throw new IrcProtocolException("The value of tag " + Printable.quote(key) + " holds a NUL character");
                default:
                    out.append(c);
            }
        }
    }
}
