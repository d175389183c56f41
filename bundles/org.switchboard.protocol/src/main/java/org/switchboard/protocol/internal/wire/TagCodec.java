package org.switchboard.protocol.internal.wire;

import java.util.Map;

import org.switchboard.api.irc.IrcProtocolException;

/**
 * The IRCv3 message-tags value escaping for output; reading tags (unescaping) is {@code IrcMessage}'s, which
 * decodes a parsed message's tag section when it is first asked for a tag.
 */
public final class TagCodec {

    private TagCodec() {
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
