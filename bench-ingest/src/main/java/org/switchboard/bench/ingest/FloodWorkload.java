package org.switchboard.bench.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The bytes of a flood, generated before the clock starts so that the server only copies an array to the socket.
 * Seeded, so every client and every run gets the same lines.
 *
 * <p>The mix: 25 % of lines carry IRCv3 tags (time, msgid, account), 8 % are CTCP ACTIONs, 15 % contain mIRC
 * colour/bold codes, 20 % contain non-ASCII UTF-8 (Latin, Cyrillic, CJK, emoji). Message text is 20 to 400 bytes:
 * 70 % of lines 20 to 120 bytes (ordinary chat), 30 % 120 to 400 (pastes, long sentences). Senders are the
 * channel's 499 other members. Public because bench-ui floods its window with the same lines.
 */
public final class FloodWorkload {

    /** The seed of every published figure. */
    public static final long SEED = 20261128L;
    static final String SERVER = "flood.bench.test";
    public static final String CHANNEL = "#flood";
    static final int MEMBERS = 500;

    private static final String[] WORDS = {
        "the", "build", "is", "green", "again", "anyone", "seen", "this", "error", "before", "works", "for", "me",
        "patch", "merged", "release", "tonight", "lol", "ok", "thanks", "kernel", "socket", "buffer", "server",
        "client", "please", "review", "my", "pull", "request", "coffee", "meeting", "moved", "to", "tomorrow",
    };
    private static final String[] NON_ASCII = {
        "grüße", "naïve", "café", "Ærøskøbing", "привет", "спасибо", "日本語", "中文字符", "한국어", "🎉", "👍", "çà",
        "Straße", "ελληνικά", "עברית",
    };

    /** The lines, CRLF-terminated, as the server writes them. */
    public final byte[] bytes;
    public final int lines;

    private FloodWorkload(byte[] bytes, int lines) {
        this.bytes = bytes;
        this.lines = lines;
    }

    /** Nick of member {@code i}; member 0 is the benchmarked client itself, so it never speaks. */
    static String member(int i) {
        return "user" + i;
    }

    static List<String> namesReplies(String clientNick) {
        List<String> replies = new ArrayList<>();
        StringBuilder names = new StringBuilder(clientNick);
        for (int i = 1; i < MEMBERS; i++) {
            String prefix = i < 10 ? "@" : i < 40 ? "+" : "";
            String name = prefix + member(i);
            if (names.length() + name.length() + 1 > 380) {
                replies.add(":" + SERVER + " 353 " + clientNick + " = " + CHANNEL + " :" + names);
                names.setLength(0);
            } else if (names.length() > 0) {
                names.append(' ');
            }
            names.append(name);
        }
        replies.add(":" + SERVER + " 353 " + clientNick + " = " + CHANNEL + " :" + names);
        replies.add(":" + SERVER + " 366 " + clientNick + " " + CHANNEL + " :End of /NAMES list.");
        return replies;
    }

    public static FloodWorkload generate(int lineCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(lineCount * 160);
        StringBuilder line = new StringBuilder(600);
        long epochMillis = 1_795_000_000_000L;
        for (int n = 0; n < lineCount; n++) {
            line.setLength(0);
            int sender = 1 + random.nextInt(MEMBERS - 1);
            if (random.nextInt(100) < 25) {
                long t = epochMillis + n;
                line.append("@time=").append(java.time.Instant.ofEpochMilli(t)).append(";msgid=")
                        .append(Long.toHexString(random.nextLong())).append(";account=").append(member(sender))
                        .append(' ');
            }
            line.append(':').append(member(sender)).append('!').append("u").append(sender).append("@host-")
                    .append(sender % 97).append(".example.net PRIVMSG ").append(CHANNEL).append(" :");
            int textBytes = random.nextInt(100) < 70 ? 20 + random.nextInt(101) : 120 + random.nextInt(281);
            boolean action = random.nextInt(100) < 8;
            boolean colour = random.nextInt(100) < 15;
            boolean unicode = random.nextInt(100) < 20;
            StringBuilder text = new StringBuilder(textBytes + 16);
            int budget = textBytes - (action ? 9 : 0);
            while (utf8Length(text) < budget) {
                int kind = random.nextInt(100);
                if (unicode && kind < 20) {
                    text.append(NON_ASCII[random.nextInt(NON_ASCII.length)]);
                } else if (colour && kind < 35) {
                    text.append('\u0003').append(random.nextInt(16)).append(',').append(random.nextInt(16))
                            .append(WORDS[random.nextInt(WORDS.length)]).append('\u0003');
                } else if (colour && kind < 40) {
                    text.append('\u0002').append(WORDS[random.nextInt(WORDS.length)]).append('\u0002');
                } else {
                    text.append(WORDS[random.nextInt(WORDS.length)]);
                }
                text.append(' ');
            }
            trimToBytes(text, budget);
            if (action) {
                line.append("\u0001ACTION ").append(text).append('\u0001');
            } else {
                line.append(text);
            }
            line.append("\r\n");
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new FloodWorkload(out.toByteArray(), lineCount);
    }

    private static int utf8Length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Cuts at a code point boundary so that the text is valid UTF-8 of at most {@code max} bytes, trailing space off. */
    private static void trimToBytes(StringBuilder text, int max) {
        while (utf8Length(text) > max) {
            int cut = text.length() - 1;
            if (Character.isLowSurrogate(text.charAt(cut)) && cut > 0) {
                cut--;
            }
            text.setLength(cut);
        }
        while (text.length() > 1 && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
        if (text.length() > 0 && text.charAt(text.length() - 1) == '\u0003') {
            text.setLength(text.length() - 1);
        }
    }
}
