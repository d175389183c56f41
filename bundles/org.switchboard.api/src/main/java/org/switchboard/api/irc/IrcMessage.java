package org.switchboard.api.irc;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IRC protocol line, parsed. Immutable and safe to share between threads.
 *
 * <p>A message made by a parser ({@link #parsed}) keeps its IRCv3 tag section in wire form and decodes it only when
 * asked: {@link #tag} finds one value without building a map, {@link #tags} decodes the whole section once. The
 * tag values of a busy channel (time, msgid, account) are half the strings of a tagged line, and a consumer reads
 * one or two of them, if any. Equality does not depend on the form: a parsed message equals one built from the
 * same decoded parts.
 */
public final class IrcMessage {

    /**
     * The tags as the message was made: a {@code String}, the tag section of a parsed line in wire form (without
     * '@'), or the unmodifiable {@code Map}. Every part of the message is in a final field, so that a message
     * handed to another thread through a data race is still complete; the two caches below are only shortcuts.
     */
    private final Object tagsAsMade;
    /**
     * The decoded tag section of a parsed message, once someone asked for all tags. Races are harmless: every
     * thread computes an equal immutable map, and the JDK's immutable maps are safe to publish without
     * synchronisation.
     */
    private Map<String, String> decodedTags;
    private final String source;
    private final String command;
    private final List<String> params;
    /** {@link #sourceNick()} once computed; routing asks for it on every message. A benign race, as above. */
    private String sourceNick;

    /**
     * A message from decoded parts.
     *
     * @param tags    IRCv3 message tags, unescaped; a tag sent without a value maps to the empty string; null for none
     * @param source  the prefix without its leading colon ({@code nick!user@host} or a server name), or {@code null}
     * @param command the command as sent by the peer, upper-cased for words; numerics stay three digits
     * @param params  the parameters, the trailing one included, without its colon; null for none
     */
    public IrcMessage(Map<String, String> tags, String source, String command, List<String> params) {
        // copyOf returns its argument unchanged when it is already unmodifiable, so a caller that builds
        // immutable collections pays nothing here.
        this(source, command, params, tags == null ? Map.of() : Map.copyOf(tags));
    }

    /** {@code tags}: the tag section in wire form or the decoded, unmodifiable map. */
    private IrcMessage(String source, String command, List<String> params, Object tags) {
        this.tagsAsMade = tags;
        this.source = source;
        this.command = Objects.requireNonNull(command, "command");
        this.params = params == null ? List.of() : List.copyOf(params);
    }

    /**
     * A message as a parser reads it off the wire, with its tags still in wire form.
     *
     * @param tagSection the tag section between {@code @} and the first space, escapes and all, or {@code null}
     *                   when the line has none. Every such string is a valid section: empty keys are skipped, a
     *                   repeated key keeps its last value, escapes are resolved as {@link #tags} describes. It
     *                   should hold no space, CR, LF or NUL; a parser has split and checked the line already, so
     *                   this is not checked again (a serialiser escapes such characters in values and refuses them
     *                   in keys).
     * @param source     as for the constructor
     * @param command    as for the constructor
     * @param params     as for the constructor
     */
    public static IrcMessage parsed(String tagSection, String source, String command, List<String> params) {
        return new IrcMessage(source, command, params,
                tagSection == null || tagSection.isEmpty() ? Map.of() : tagSection);
    }

    /** A message with neither tags nor source, as a client sends it. */
    public static IrcMessage of(String command, String... params) {
        return new IrcMessage(null, command, List.of(params), Map.of());
    }

    /**
     * IRCv3 message tags, unescaped ({@code \:} {@code \s} {@code \\} {@code \r} {@code \n}; any other escaped
     * character stands for itself, a lone trailing backslash disappears); a tag sent without a value maps to the
     * empty string. Unmodifiable.
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> tags() {
        if (!(tagsAsMade instanceof String section)) {
            return (Map<String, String>) tagsAsMade;
        }
        Map<String, String> decoded = decodedTags;
        if (decoded == null) {
            decoded = decodedTags = WireTags.decode(section);
        }
        return decoded;
    }

    /** The prefix without its leading colon ({@code nick!user@host} or a server name), or {@code null}. */
    public String source() {
        return source;
    }

    /** The command as sent by the peer, upper-cased for words; numerics stay three digits. */
    public String command() {
        return command;
    }

    /** The parameters, the trailing one included, without its colon. Unmodifiable. */
    public List<String> params() {
        return params;
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
        Map<String, String> decoded = tagsAsMade instanceof String ? decodedTags : tags();
        return decoded != null ? decoded.get(key)
                : WireTags.find((String) tagsAsMade, Objects.requireNonNull(key, "key"));
    }

    /** The nick part of the source (everything before {@code !} or {@code @}), or {@code null} without a source. */
    public String sourceNick() {
        String nick = sourceNick;
        if (nick == null && source != null) {
            nick = sourceNick = nickOf(source);
        }
        return nick;
    }

    /** Same result as {@code IrcSource.parse(source).nick()}, without building the user and host strings. */
    private static String nickOf(String source) {
        // String.indexOf is a vectorised intrinsic: two searches measured a little faster than one character loop.
        int bang = source.indexOf('!');
        int at = source.indexOf('@');
        int end = bang < 0 ? at : at < 0 ? bang : Math.min(bang, at);
        return end < 0 ? source : source.substring(0, end);
    }

    /** True when the command is {@code name}, ignoring case. */
    public boolean is(String name) {
        return command.equalsIgnoreCase(name);
    }

    public IrcMessage withTags(Map<String, String> newTags) {
        return new IrcMessage(newTags, source, command, params);
    }

    public IrcMessage withSource(String newSource) {
        return new IrcMessage(newSource, command, params, tagsAsMade);
    }

    /** Equal when tags (decoded), source, command and parameters are equal, however each message was made. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof IrcMessage message && command.equals(message.command)
                && Objects.equals(source, message.source) && params.equals(message.params)
                && tags().equals(message.tags());
    }

    @Override
    public int hashCode() {
        return ((tags().hashCode() * 31 + Objects.hashCode(source)) * 31 + command.hashCode()) * 31
                + params.hashCode();
    }

    /** For diagnostics, in the form a record would give: {@code IrcMessage[tags={..}, source=.., ...]}. */
    @Override
    public String toString() {
        return "IrcMessage[tags=" + tags() + ", source=" + source + ", command=" + command + ", params=" + params
                + "]";
    }
}
