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

    /**
     * Applies the tokens of one 005 message ({@code KEY}, {@code KEY=}, {@code KEY=value}, {@code -KEY} restoring
     * the default); {@code \xHH} escapes in values are decoded. Keys are case-insensitive.
     */
    void apply(IrcMessage rplIsupport);

    /** Forgets everything announced, for a new connection. */
    void reset();

    /** The raw value of a token: empty string for {@code KEY} or {@code KEY=}, empty Optional when absent. */
    Optional<String> token(String key);

    /** Every token announced and not withdrawn, values unescaped. */
    Map<String, String> tokens();

    /**
     * Channel membership prefixes, highest rank first: modes ({@code "ov"}) and their symbols ({@code "@+"}).
     * {@code (ov)@+} when not announced; empty strings for {@code PREFIX=}.
     */
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

    /** Channel type characters ({@code #&} by default; empty for {@code CHANTYPES=}). */
    String chantypes();

    /** True when {@code name} starts with one of the channel types. */
    default boolean isChannel(String name) {
        return name != null && !name.isEmpty() && chantypes().indexOf(name.charAt(0)) >= 0;
    }

    /**
     * CHANMODES groups: A (list, always an argument), B (always), C (only when set), D (never). Default when not
     * announced: {@code beI,k,l,imnpst}.
     */
    ChanModes chanmodes();

    record ChanModes(String a, String b, String c, String d) {
        /** The group of a mode letter, 'A' to 'D', or 0 when the letter is in none. */
        public char groupOf(char mode) {
            if (a.indexOf(mode) >= 0) {
                return 'A';
            }
            if (b.indexOf(mode) >= 0) {
                return 'B';
            }
            if (c.indexOf(mode) >= 0) {
                return 'C';
            }
            return d.indexOf(mode) >= 0 ? 'D' : 0;
        }
    }

    /** CASEMAPPING; {@link CaseMapping#RFC1459} when absent, empty or unknown. */
    CaseMapping caseMapping();

    /** NICKLEN, empty when not announced. */
    OptionalInt nicklen();

    /** The NETWORK name, when announced. */
    Optional<String> network();

    /** STATUSMSG prefixes, empty when the server does not support them. */
    String statusmsg();

    /**
     * TARGMAX limit for a command (any case). Present only when the server announced a number for the command;
     * empty when it announced the command without a limit ({@code JOIN:}) or did not name it, which a client
     * treats alike: no limit known.
     */
    OptionalInt targmax(String command);

    /** LINELEN, 512 by default. */
    int linelen();

    /** MONITOR limit: empty when not supported; 0 inside the Optional means "no limit". */
    OptionalInt monitor();
}
