package org.switchboard.protocol.internal.isupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.Isupport;

/**
 * ISUPPORT state of one connection. Each {@link #apply} builds a new immutable snapshot and publishes it through
 * a volatile field, so readers on any thread see either the old or the new announcement, never half of one.
 */
public final class IsupportState implements Isupport {

    static final Prefix DEFAULT_PREFIX = new Prefix("ov", "@+");
    static final String DEFAULT_CHANTYPES = "#&";
    /** RFC 2811's modes, the usual assumption when a server does not announce CHANMODES. */
    static final ChanModes DEFAULT_CHANMODES = new ChanModes("beI", "k", "l", "imnpst");
    static final int DEFAULT_LINELEN = 512;

    private volatile Snapshot snapshot = new Snapshot(Map.of());

    @Override
    public void apply(IrcMessage rplIsupport) {
        var params = rplIsupport.params();
        int end = params.size();
        // The last parameter is the human-readable "are supported by this server".
        if (end > 1 && params.get(end - 1).indexOf(' ') >= 0) {
            end--;
        }
        if (end <= 1) {
            return;
        }
        Map<String, String> tokens = new LinkedHashMap<>(snapshot.tokens);
        for (int i = 1; i < end; i++) {
            String token = params.get(i);
            if (token.isEmpty()) {
                continue;
            }
            if (token.charAt(0) == '-') {
                String key = token.substring(1).toUpperCase(Locale.ROOT);
                int equals = key.indexOf('=');
                tokens.remove(equals < 0 ? key : key.substring(0, equals));
                continue;
            }
            int equals = token.indexOf('=');
            if (equals == 0) {
                continue;
            }
            String key = (equals < 0 ? token : token.substring(0, equals)).toUpperCase(Locale.ROOT);
            String value = equals < 0 ? "" : unescape(token.substring(equals + 1));
            tokens.put(key, value);
        }
        snapshot = new Snapshot(tokens);
    }

    /** Replaces {@code \xHH} escapes by their byte; the bytes are read as UTF-8. Malformed escapes stay literal. */
    static String unescape(String value) {
        if (value.indexOf("\\x") < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '\\' && i + 3 < utf8.length && utf8[i + 1] == 'x'
                    && hex(utf8[i + 2]) >= 0 && hex(utf8[i + 3]) >= 0) {
                bytes.write(hex(utf8[i + 2]) * 16 + hex(utf8[i + 3]));
                i += 3;
            } else {
                bytes.write(utf8[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    @Override
    public void reset() {
        snapshot = new Snapshot(Map.of());
    }

    @Override
    public Optional<String> token(String key) {
        return Optional.ofNullable(snapshot.tokens.get(key.toUpperCase(Locale.ROOT)));
    }

    @Override
    public Map<String, String> tokens() {
        return snapshot.tokens;
    }

    @Override
    public Prefix prefix() {
        return snapshot.prefix;
    }

    @Override
    public String chantypes() {
        return snapshot.chantypes;
    }

    @Override
    public ChanModes chanmodes() {
        return snapshot.chanmodes;
    }

    @Override
    public CaseMapping caseMapping() {
        return snapshot.caseMapping;
    }

    @Override
    public OptionalInt nicklen() {
        return positiveInt(snapshot.tokens.get("NICKLEN"));
    }

    @Override
    public Optional<String> network() {
        String network = snapshot.tokens.get("NETWORK");
        return network == null || network.isEmpty() ? Optional.empty() : Optional.of(network);
    }

    @Override
    public String statusmsg() {
        return snapshot.tokens.getOrDefault("STATUSMSG", "");
    }

    @Override
    public OptionalInt targmax(String command) {
        Integer limit = snapshot.targmax.get(command.toUpperCase(Locale.ROOT));
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    @Override
    public int linelen() {
        return positiveInt(snapshot.tokens.get("LINELEN")).orElse(DEFAULT_LINELEN);
    }

    @Override
    public OptionalInt monitor() {
        String value = snapshot.tokens.get("MONITOR");
        if (value == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(positiveInt(value).orElse(0));
    }

    @Override
    public String toString() {
        return "Isupport" + snapshot.tokens;
    }

    static OptionalInt positiveInt(String value) {
        if (value == null || value.isEmpty() || value.length() > 9) {
            return OptionalInt.empty();
        }
        int result = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
            result = result * 10 + (c - '0');
        }
        return result > 0 ? OptionalInt.of(result) : OptionalInt.empty();
    }

    /** Everything derived from one set of tokens, computed once per 005 rather than once per read. */
    private static final class Snapshot {
        final Map<String, String> tokens;
        final Prefix prefix;
        final String chantypes;
        final ChanModes chanmodes;
        final CaseMapping caseMapping;
        final Map<String, Integer> targmax;

        Snapshot(Map<String, String> announced) {
            tokens = Collections.unmodifiableMap(new LinkedHashMap<>(announced));
            prefix = parsePrefix(tokens.get("PREFIX"));
            String types = tokens.get("CHANTYPES");
            chantypes = types == null ? DEFAULT_CHANTYPES : types;
            chanmodes = parseChanmodes(tokens.get("CHANMODES"));
            String mapping = tokens.get("CASEMAPPING");
            caseMapping = mapping == null || mapping.isEmpty() ? CaseMapping.RFC1459 : CaseMapping.fromToken(mapping);
            targmax = parseTargmax(tokens.get("TARGMAX"));
        }

        private static Prefix parsePrefix(String value) {
            if (value == null) {
                return DEFAULT_PREFIX;
            }
            if (value.isEmpty()) {
                return new Prefix("", "");
            }
            int close = value.indexOf(')');
            if (value.charAt(0) != '(' || close < 0) {
                return DEFAULT_PREFIX;
            }
            String modes = value.substring(1, close);
            String symbols = value.substring(close + 1);
            if (modes.length() != symbols.length()) {
                return DEFAULT_PREFIX;
            }
            return new Prefix(modes, symbols);
        }

        private static ChanModes parseChanmodes(String value) {
            if (value == null || value.isEmpty()) {
                return DEFAULT_CHANMODES;
            }
            String[] groups = value.split(",", -1);
            return new ChanModes(groups[0], groups.length > 1 ? groups[1] : "", groups.length > 2 ? groups[2] : "",
                    groups.length > 3 ? groups[3] : "");
        }

        private static Map<String, Integer> parseTargmax(String value) {
            if (value == null || value.isEmpty()) {
                return Map.of();
            }
            Map<String, Integer> limits = new LinkedHashMap<>();
            for (String entry : value.split(",")) {
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                OptionalInt limit = positiveInt(entry.substring(colon + 1));
                if (limit.isPresent()) {
                    limits.put(entry.substring(0, colon).toUpperCase(Locale.ROOT), limit.getAsInt());
                }
            }
            return Map.copyOf(limits);
        }
    }
}
