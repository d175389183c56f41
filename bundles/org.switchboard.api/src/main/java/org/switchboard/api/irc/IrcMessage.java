package org.switchboard.api.irc;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IRC protocol line, parsed.
 *
 * @param tags    IRCv3 message tags, unescaped; a tag sent without a value maps to the empty string
 * @param source  the prefix without its leading colon ({@code nick!user@host} or a server name), or {@code null}
 * @param command the command as sent by the peer, upper-cased for words; numerics stay three digits
 * @param params  the parameters, the trailing one included, without its colon
 */
public record IrcMessage(Map<String, String> tags, String source, String command, List<String> params) {

    public IrcMessage {
        Objects.requireNonNull(command, "command");
        // copyOf returns its argument unchanged when it is already unmodifiable, so a parser that builds
        // immutable collections pays nothing here.
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** A message with neither tags nor source, as a client sends it. */
    public static IrcMessage of(String command, String... params) {
        return new IrcMessage(Map.of(), null, command, List.of(params));
    }

    /** The parameter at {@code index}, or {@code null} when there are fewer. */
    public String param(int index) {
        return index < params.size() ? params.get(index) : null;
    }

    /** The last parameter (the "trailing" one for most commands), or {@code null} when there is none. */
    public String lastParam() {
        return params.isEmpty() ? null : params.get(params.size() - 1);
    }

    /** The value of a tag, or {@code null} when the message does not carry it. */
    public String tag(String key) {
        return tags.get(key);
    }

    /** The nick part of the source (everything before {@code !} or {@code @}), or {@code null} without a source. */
    public String sourceNick() {
        if (source == null) {
            return null;
        }
        // Same result as IrcSource.parse(source).nick(), without building the user and host strings: routing asks
        // for the nick of every message.
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '!' || c == '@') {
                return source.substring(0, i);
            }
        }
        return source;
    }

    /** True when the command is {@code name}, ignoring case. */
    public boolean is(String name) {
        return command.equalsIgnoreCase(name);
    }

    public IrcMessage withTags(Map<String, String> newTags) {
        return new IrcMessage(newTags, source, command, params);
    }

    public IrcMessage withSource(String newSource) {
        return new IrcMessage(tags, newSource, command, params);
    }
}
