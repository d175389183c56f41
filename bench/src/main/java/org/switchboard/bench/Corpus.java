package org.switchboard.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic but realistic server traffic for a busy network with IRCv3 enabled: a few hundred users in a handful
 * of channels. Mix by line count: PRIVMSG with tags 40%, PRIVMSG without tags 20%, numerics 10% (one in five of
 * them a full 353 NAMES line), JOIN/PART/QUIT/NICK 17%, NOTICE 5%, MODE 4%, PING 4%.
 */
final class Corpus {

    private static final String[] WORDS = ("the a to is it that of and in you for on this be with have not are but "
            + "what just so can do if was like all know get one about my me no they we your out up how now think "
            + "good people time some would there when should because really will an yeah ok lol thanks build test "
            + "server client java bundle release bug fix merge branch commit deploy grüße café naïve 👍").split(" ");

    private Corpus() {
    }

    static List<String> lines(int count, Random random) {
        String[] nicks = new String[400];
        for (int i = 0; i < nicks.length; i++) {
            nicks[i] = WORDS[random.nextInt(WORDS.length)].replaceAll("[^a-z]", "") + "_" + i;
        }
        String[] channels = {"#java", "#osgi", "#libera", "#switchboard", "#random", "##chat"};
        List<String> lines = new ArrayList<>(count);
        long millis = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
        for (int i = 0; i < count; i++) {
            millis += random.nextInt(3000);
            String nick = nicks[random.nextInt(nicks.length)];
            String source = nick + "!~" + nick.substring(0, Math.min(8, nick.length())) + "@user/" + nick;
            String channel = channels[random.nextInt(channels.length)];
            int roll = random.nextInt(100);
            if (roll < 40) {
                lines.add("@time=" + Instant.ofEpochMilli(millis) + ";msgid=" + Long.toString(random.nextLong() >>> 1, 36)
                        + ";account=" + nick + " :" + source + " PRIVMSG " + channel + " :" + sentence(random));
            } else if (roll < 60) {
                lines.add(":" + source + " PRIVMSG " + channel + " :" + sentence(random));
            } else if (roll < 70) {
                if (roll < 62) {
                    StringBuilder names = new StringBuilder(":tantalum.libera.chat 353 me = " + channel + " :");
                    for (int n = 0; n < 40; n++) {
                        String prefix = n % 10 == 0 ? "@" : n % 7 == 0 ? "+" : "";
                        names.append(n == 0 ? "" : " ").append(prefix).append(nicks[random.nextInt(nicks.length)]);
                    }
                    lines.add(names.toString());
                } else if (roll < 65) {
                    lines.add(":tantalum.libera.chat 332 me " + channel + " :Welcome to " + channel + " | "
                            + sentence(random));
                } else if (roll < 68) {
                    lines.add(":tantalum.libera.chat 333 me " + channel + " " + nick + " " + millis / 1000);
                } else {
                    lines.add(":tantalum.libera.chat 366 me " + channel + " :End of /NAMES list.");
                }
            } else if (roll < 87) {
                switch (roll % 4) {
                    case 0 -> lines.add(":" + source + " JOIN " + channel + " " + nick + " :" + nick + " Realname");
                    case 1 -> lines.add(":" + source + " PART " + channel + " :" + sentence(random));
                    case 2 -> lines.add(":" + source + " QUIT :Quit: " + sentence(random));
                    default -> lines.add(":" + source + " NICK " + nick + "_away");
                }
            } else if (roll < 92) {
                lines.add(":" + source + " NOTICE me :" + sentence(random));
            } else if (roll < 96) {
                lines.add(":ChanServ!ChanServ@services.libera.chat MODE " + channel + " +o " + nick);
            } else {
                lines.add("PING :tantalum.libera.chat");
            }
        }
        return lines;
    }

    private static String sentence(Random random) {
        int words = 3 + random.nextInt(14);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
