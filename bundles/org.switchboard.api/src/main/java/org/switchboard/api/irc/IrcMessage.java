package org.switchboard.api.irc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 *
 * <p>A parser may also hand over the trailing parameter as the UTF-8 bytes it read ({@link #parsed(String, String,
 * String, List, byte[])}): the text of a channel message is then decoded only when someone reads it as a string.
 * Storing, searching and logging it need only the bytes ({@link #lastParamUtf8}), so a flood line that is never
 * looked at as text is never decoded and never encoded again.
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
    /**
     * Where the entries of a parsed message's tag section are ({@code WireTags.index}), made at the first
     * {@link #tag} lookup. Volatile: unlike a string, an array handed to another thread through a data race may be
     * seen without its contents.
     */
    private volatile int[] tagEntries;
    private final String source;
    private final String command;
    /** All parameters; without the last when {@link #trailingUtf8} holds it. */
    private final List<String> leadingParams;
    /** The last parameter as valid UTF-8, not yet decoded, or {@code null} when it is in {@link #leadingParams}. */
    private final byte[] trailingUtf8;
    /**
     * Caches of the decoded trailing parameter and the whole list: benign races, since strings and the JDK's
     * immutable lists are safe to publish without synchronisation.
     */
    private String trailing;
    private List<String> allParams;
    /**
     * The last parameter's UTF-8 for a message built from strings. Volatile: unlike a string, an array handed to
     * another thread through a data race may be seen without its contents.
     */
    private volatile byte[] lastUtf8;
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
        this(source, command, params, null, tags);
    }

    private IrcMessage(String source, String command, List<String> params, byte[] trailingUtf8, Object tags) {
        this.tagsAsMade = tags;
        this.source = source;
        this.command = Objects.requireNonNull(command, "command");
        this.leadingParams = params == null ? List.of() : List.copyOf(params);
        this.trailingUtf8 = trailingUtf8;
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

    /**
     * The same as {@link #parsed(String, String, String, List)} with the last parameter as UTF-8 bytes, decoded when
     * it is first read as a string.
     *
     * @param leadingParams the parameters before the last one
     * @param lastParamUtf8 the last parameter, which must be valid UTF-8 (not checked: the parser has validated
     *                      it); the message owns the array from now on, so the caller must neither keep nor change
     *                      it
     * @since 2.1
     */
    public static IrcMessage parsed(String tagSection, String source, String command, List<String> leadingParams,
            byte[] lastParamUtf8) {
        return new IrcMessage(source, command, leadingParams, Objects.requireNonNull(lastParamUtf8, "lastParamUtf8"),
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
        if (trailingUtf8 == null) {
            return leadingParams;
        }
        List<String> all = allParams;
        if (all == null) {
            List<String> joined = new ArrayList<>(leadingParams.size() + 1);
            joined.addAll(leadingParams);
            joined.add(lastParam());
            all = allParams = List.copyOf(joined);
        }
        return all;
    }

    /** How many parameters there are; the same as {@code params().size()}, without decoding any. */
    public int paramCount() {
        return leadingParams.size() + (trailingUtf8 == null ? 0 : 1);
    }

    /** The parameter at {@code index}, or {@code null} when there are fewer. */
    public String param(int index) {
        int leading = leadingParams.size();
        if (index < leading) {
            return leadingParams.get(index);
        }
        return index == leading && trailingUtf8 != null ? lastParam() : null;
    }

    /** The last parameter (the "trailing" one for most commands), or {@code null} when there is none. */
    public String lastParam() {
        if (trailingUtf8 == null) {
            return leadingParams.isEmpty() ? null : leadingParams.get(leadingParams.size() - 1);
        }
        String text = trailing;
        if (text == null) {
            text = trailing = new String(trailingUtf8, StandardCharsets.UTF_8);
        }
        return text;
    }

    /**
     * The last parameter encoded as UTF-8, or {@code null} when there is none. For a line parsed from valid UTF-8
     * these are the bytes read off the wire, so nothing is encoded or decoded. The array is shared with the message
     * and every other caller: read it, never change it.
     *
     * @since 2.1
     */
    public byte[] lastParamUtf8() {
        if (trailingUtf8 != null) {
            return trailingUtf8;
        }
        byte[] bytes = lastUtf8;
        if (bytes == null && !leadingParams.isEmpty()) {
            bytes = lastUtf8 = lastParam().getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /** The value of a tag, or {@code null} when the message does not carry it. */
    public String tag(String key) {
        Objects.requireNonNull(key, "key");
        Map<String, String> decoded = tagsAsMade instanceof String ? decodedTags : tags();
        if (decoded != null) {
            return decoded.get(key);
        }
        String section = (String) tagsAsMade;
        int[] entries = tagEntries;
        if (entries == null) {
            entries = WireTags.index(section);
            tagEntries = entries;
        }
        return WireTags.find(section, entries, key);
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
        // One loop: the product runs C1-compiled code, where String.indexOf is a loop too (only C2 makes it a
        // vectorised intrinsic), and two searches would read the user part twice.
        int length = source.length();
        for (int i = 0; i < length; i++) {
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
        return new IrcMessage(source, command, leadingParams, trailingUtf8,
                newTags == null ? Map.of() : Map.copyOf(newTags));
    }

    public IrcMessage withSource(String newSource) {
        return new IrcMessage(newSource, command, leadingParams, trailingUtf8, tagsAsMade);
    }

    /** Equal when tags (decoded), source, command and parameters are equal, however each message was made. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof IrcMessage message && command.equals(message.command)
                && Objects.equals(source, message.source) && params().equals(message.params())
                && tags().equals(message.tags());
    }

    @Override
    public int hashCode() {
        return ((tags().hashCode() * 31 + Objects.hashCode(source)) * 31 + command.hashCode()) * 31
                + params().hashCode();
    }

    /** For diagnostics, in the form a record would give: {@code IrcMessage[tags={..}, source=.., ...]}. */
    @Override
    public String toString() {
        return "IrcMessage[tags=" + tags() + ", source=" + source + ", command=" + command + ", params=" + params()
                + "]";
    }
}
