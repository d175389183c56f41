package org.switchboard.protocol.internal.wire;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Canonical (upper-case, shared) strings for command names, so that the millions of lines a busy connection
 * parses do not each carry their own copy of "PRIVMSG" or "353".
 */
public final class CommandNames {

    private static final String[] KNOWN = {
        "PRIVMSG", "NOTICE", "JOIN", "PART", "QUIT", "NICK", "MODE", "PING", "PONG", "TOPIC", "KICK", "INVITE",
        "CAP", "AUTHENTICATE", "BATCH", "ACCOUNT", "AWAY", "CHGHOST", "SETNAME", "TAGMSG", "ERROR", "KILL",
        "WALLOPS", "MONITOR", "CHATHISTORY", "FAIL", "WARN", "NOTE", "ISON", "USERHOST", "WHO", "WHOIS",
        "WHOWAS", "NAMES", "LIST", "USER", "PASS", "OPER", "SQUIT", "LUSERS", "MOTD", "VERSION", "ADMIN",
        "CONNECT", "TIME", "STATS", "INFO", "HELP", "LINKS", "KNOCK", "SILENCE", "MARKREAD", "REDACT", "RENAME",
        "REGISTER", "VERIFY", "ACK",
    };

    private static final int TABLE_MASK = 255;
    private static final String[] TABLE = new String[TABLE_MASK + 1];
    private static final String[] NUMERICS = new String[1000];
    /** The ASCII bytes of {@link #TABLE}'s names, slot for slot. */
    private static final byte[][] TABLE_BYTES = new byte[TABLE_MASK + 1][];

    /**
     * The known names of up to eight letters by their bytes read as one little-endian word, upper-cased: a look-up
     * is one word read, a few arithmetic steps and usually one probe, where hashing byte by byte cost twice that.
     */
    private static final int WORD_TABLE_BITS = 7;
    private static final long[] WORD_KEYS = new long[1 << WORD_TABLE_BITS];
    private static final String[] WORD_NAMES = new String[1 << WORD_TABLE_BITS];
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    static {
        for (String name : KNOWN) {
            if (name.length() <= 8) {
                byte[] bytes = Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 8);
                long key = Swar.word(bytes, 0);
                int slot = wordSlot(key);
                while (WORD_KEYS[slot] != 0) {
                    slot = (slot + 1) & (WORD_KEYS.length - 1);
                }
                WORD_KEYS[slot] = key;
                WORD_NAMES[slot] = name;
            }
        }
        for (String name : KNOWN) {
            int slot = upperHash(name) & TABLE_MASK;
            while (TABLE[slot] != null) {
                slot = (slot + 1) & TABLE_MASK;
            }
            TABLE[slot] = name;
            TABLE_BYTES[slot] = name.getBytes(StandardCharsets.US_ASCII);
        }
        for (int i = 0; i < NUMERICS.length; i++) {
            NUMERICS[i] = String.format("%03d", i);
        }
    }

    private CommandNames() {
    }

    /** The command in bytes {@code [from, to)}: a shared string for numerics and known words, else a new upper-cased one. */
    public static String of(byte[] line, int from, int to, Charset nonAscii) {
        int length = to - from;
        if (length == 3 && isDigit(line[from]) && isDigit(line[from + 1]) && isDigit(line[from + 2])) {
            return NUMERICS[(line[from] - '0') * 100 + (line[from + 1] - '0') * 10 + (line[from + 2] - '0')];
        }
        if (length <= 8 && from + 8 <= line.length) {
            long key = upperCase(Swar.word(line, from) & (-1L >>> (64 - 8 * length)));
            for (int slot = wordSlot(key); WORD_KEYS[slot] != 0; slot = (slot + 1) & (WORD_KEYS.length - 1)) {
                if (WORD_KEYS[slot] == key) {
                    return WORD_NAMES[slot];
                }
            }
            return newName(line, from, to, nonAscii);
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + upper(line[i]);
        }
        int slot = mix(hash) & TABLE_MASK;
        for (byte[] candidate; (candidate = TABLE_BYTES[slot]) != null; slot = (slot + 1) & TABLE_MASK) {
            if (candidate.length == length && matchesUpper(candidate, line, from)) {
                return TABLE[slot];
            }
        }
        return newName(line, from, to, nonAscii);
    }

    private static String newName(byte[] line, int from, int to, Charset nonAscii) {
        int length = to - from;
        byte[] upper = new byte[length];
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            byte b = line[from + i];
            upper[i] = (byte) upper(b);
            ascii &= b >= 0;
        }
        return new String(upper, ascii ? StandardCharsets.ISO_8859_1 : nonAscii);
    }

    /** The canonical form of a command given as text: upper-cased ASCII letters, shared where known. */
    public static String of(CharSequence text, int from, int to) {
        int length = to - from;
        if (length == 3 && isDigit(text.charAt(from)) && isDigit(text.charAt(from + 1))
                && isDigit(text.charAt(from + 2))) {
            return NUMERICS[(text.charAt(from) - '0') * 100 + (text.charAt(from + 1) - '0') * 10
                    + (text.charAt(from + 2) - '0')];
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + upper(text.charAt(i));
        }
        int slot = mix(hash) & TABLE_MASK;
        for (String candidate; (candidate = TABLE[slot]) != null; slot = (slot + 1) & TABLE_MASK) {
            if (candidate.length() == length && matchesUpper(candidate, text, from)) {
                return candidate;
            }
        }
        char[] upper = new char[length];
        for (int i = 0; i < length; i++) {
            upper[i] = (char) upper(text.charAt(from + i));
        }
        return new String(upper);
    }

    private static int wordSlot(long key) {
        return (int) ((key * GOLDEN) >>> (64 - WORD_TABLE_BITS));
    }

    /** Every ASCII lower-case letter of the word in upper case; other bytes unchanged. */
    static long upperCase(long word) {
        // Per byte, without carries between bytes: t + 0x1F reaches 0x80 from 'a' on, t + 0x05 from '{' on.
        long t = word & 0x7F7F7F7F7F7F7F7FL;
        long lowerCase = (t + 0x1F1F1F1F1F1F1F1FL) & ~(t + 0x0505050505050505L) & ~word & Swar.HIGH_BITS;
        return word ^ (lowerCase >>> 2);
    }

    private static int upperHash(String name) {
        int hash = 0;
        for (int i = 0; i < name.length(); i++) {
            hash = 31 * hash + name.charAt(i);
        }
        return mix(hash);
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 7) ^ (hash >>> 15);
    }

    private static boolean matchesUpper(byte[] name, byte[] line, int from) {
        for (int i = 0; i < name.length; i++) {
            if (name[i] != upper(line[from + i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesUpper(String candidate, CharSequence text, int from) {
        for (int i = 0; i < candidate.length(); i++) {
            if (candidate.charAt(i) != upper(text.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static int upper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }
}
