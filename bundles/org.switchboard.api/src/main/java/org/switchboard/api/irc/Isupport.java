package org.switchboard.api.irc;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a server announced in RPL_ISUPPORT (005), with the protocol defaults where it announced nothing.
 * One instance per connection; it is updated on the reader thread and read from anywhere, so
 * implementations publish changes safely.
 */
@ProviderType
public interface Isupport {

    /** Applies the tokens of one 005 message ({@code KEY}, {@code KEY=}, {@code KEY=value}, {@code -KEY}). */
    void apply(IrcMessage rplIsupport);

    /** Forgets everything announced, for a new connection. */
    void reset();

    /** The raw value of a token: empty string for {@code KEY} or {@code KEY=}, empty Optional when absent. */
    Optional<String> token(String key);

    /** Every token announced and not withdrawn, values unescaped. */
    Map<String, String> tokens();

    /** Channel membership prefixes, highest rank first: modes ({@code "ov"}) and their symbols ({@code "@+"}). */
    Prefix prefix();

    record Prefix(String modes, String symbols) {
        /** The symbol for a membership mode, or 0. */
        public char symbolFor(char mode) {
            int i = modes.indexOf(mode);
            return i < 0 ? 0 : symbols.charAt(i);
        }

        /** The mode for a membership symbol, or 0. */
        public char modeFor(char symbol) {
            int i = symbols.indexOf(symbol);
            return i < 0 ? 0 : modes.charAt(i);
        }

        /** Rank of a symbol: 0 for the highest, {@code symbols().length()} for none. */
        public int rank(char symbol) {
            int i = symbols.indexOf(symbol);
            return i < 0 ? symbols.length() : i;
        }
    }

    /** Channel type characters ({@code #&} by default). */
    String chantypes();

    /** True when {@code name} starts with one of the channel types. */
    default boolean isChannel(String name) {
        return name != null && !name.isEmpty() && chantypes().indexOf(name.charAt(0)) >= 0;
    }

    /** CHANMODES groups: A (list, always an argument), B (always), C (only when set), D (never). */
    ChanModes chanmodes();

    record ChanModes(String a, String b, String c, String d) {
    }

    CaseMapping caseMapping();

    OptionalInt nicklen();

    /** The NETWORK name, when announced. */
    Optional<String> network();

    /** STATUSMSG prefixes, empty when the server does not support them. */
    String statusmsg();

    /** TARGMAX limit for a command: empty when unlimited, absent when the server did not say. */
    OptionalInt targmax(String command);

    /** LINELEN, 512 by default. */
    int linelen();

    /** MONITOR limit: empty when not supported; 0 inside the Optional means "no limit". */
    OptionalInt monitor();
}
