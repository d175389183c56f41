package org.switchboard.api.irc;

/** The server's CASEMAPPING: how nicks and channel names compare. */
public enum CaseMapping {
    /** Only A-Z fold to a-z. */
    ASCII("ascii", 'Z'),
    /** A-Z plus []\~ fold to a-z {}|^ . The default when a server says nothing. */
    RFC1459("rfc1459", '^'),
    /** A-Z plus []\ fold to a-z {}| ; ~ and ^ stay distinct. */
    RFC1459_STRICT("rfc1459-strict", ']');

    private final String token;
    private final char lastFoldedUpper;

    CaseMapping(String token, char lastFoldedUpper) {
        this.token = token;
        this.lastFoldedUpper = lastFoldedUpper;
    }

    /** The ISUPPORT token value naming this mapping. */
    public String token() {
        return token;
    }

    /** The mapping named by an ISUPPORT CASEMAPPING value; unknown names give RFC1459, the protocol default. */
    public static CaseMapping fromToken(String value) {
        if (value != null) {
            for (CaseMapping mapping : values()) {
                if (mapping.token.equalsIgnoreCase(value)) {
                    return mapping;
                }
            }
        }
        return RFC1459;
    }

    /** The folded (lower-case) form of one character. */
    public char fold(char c) {
        if (c >= 'A' && c <= lastFoldedUpper) {
            return (char) (c + 32);
        }
        return c;
    }

    /** The folded form of a name; returns {@code name} itself when nothing changes. */
    public String fold(String name) {
        int length = name.length();
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (fold(c) != c) {
                char[] chars = name.toCharArray();
                for (int j = i; j < length; j++) {
                    chars[j] = fold(chars[j]);
                }
                return new String(chars);
            }
        }
        return name;
    }

    /** A map key for {@code name} under this mapping. */
    public CaseKey key(String name) {
        return CaseKey.of(name, this);
    }

    /** True when the two names are the same under this mapping. */
    public boolean equals(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (fold(a.charAt(i)) != fold(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
