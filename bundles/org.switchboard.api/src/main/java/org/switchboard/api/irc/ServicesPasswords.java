package org.switchboard.api.irc;

import java.util.Locale;

/**
 * Passwords that users send to network services in messages ({@code /msg NickServ IDENTIFY secret}, QuakeNet's
 * {@code AUTH}, Undernet's {@code LOGIN}), masked wherever the client keeps or logs what it sent: the scrollback, the
 * disk log, the trace of the wire. The server still gets the text as typed; only the client's records change.
 *
 * <p>A message counts when its target is a services nick (one ending in {@code Serv}, QuakeNet's {@code Q} or
 * Undernet's {@code X}, also as {@code nick@server}) and its first word is one of the commands below; the words
 * that are passwords become {@value #MASK}:
 * <ul>
 * <li>{@code IDENTIFY [account] password}, {@code ID}, {@code LOGIN [account] password},
 * {@code AUTH account password}: the last word;</li>
 * <li>{@code REGISTER password [email]} to a nick service: the first word after it;</li>
 * <li>{@code REGISTER #channel password [description]} to a channel service (older ChanServs take a channel
 * password): the word after the channel. Today's ChanServs take only a description there, whose first word is then
 * masked too: the record loses a word rather than risk keeping a password;</li>
 * <li>{@code GHOST}, {@code RECOVER}, {@code RELEASE}, {@code REGAIN} {@code nick password}: the second;</li>
 * <li>{@code GROUP nick password} to a nick service (Anope): the last word;</li>
 * <li>{@code SET PASSWORD password}, {@code SASET nick PASSWORD password} (an operator's), {@code SETPASS ...}:
 * everything after the command.</li>
 * </ul>
 *
 * @since 2.2
 */
public final class ServicesPasswords {

    /** What a password is shown as; its length is not told. */
    public static final String MASK = "****";

    private ServicesPasswords() {
    }

    /** {@code text} with the passwords in it masked when it is a services command to {@code target}; else itself. */
    public static String redact(String target, String text) {
        if (target == null || text == null || !isServices(target)) {
            return text;
        }
        String[] words = text.strip().split(" +");
        if (words.length < 2) {
            return text;
        }
        String command = words[0].toUpperCase(Locale.ROOT);
        int secret;
        switch (command) {
            case "IDENTIFY", "ID", "LOGIN", "AUTH" -> secret = words.length - 1;
            case "GROUP" -> {
                if (words.length < 3 || !isNickService(target)) {
                    return text;
                }
                secret = words.length - 1;
            }
            case "SASET" -> {
                if (words.length < 4 || !words[2].equalsIgnoreCase("PASSWORD")) {
                    return text;
                }
                return words[0] + " " + words[1] + " " + words[2] + " " + MASK;
            }
            case "REGISTER" -> {
                if (isNickService(target)) {
                    secret = 1;
                } else if (isChannelService(target) && words.length >= 3) {
                    secret = 2;
                } else {
                    return text;
                }
            }
            case "GHOST", "RECOVER", "RELEASE", "REGAIN" -> {
                if (words.length < 3) {
                    return text;
                }
                secret = 2;
            }
            case "SET" -> {
                if (!words[1].equalsIgnoreCase("PASSWORD") || words.length < 3) {
                    return text;
                }
                return words[0] + " " + words[1] + " " + MASK;
            }
            case "SETPASS" -> {
                return words[0] + " " + MASK;
            }
            default -> {
                return text;
            }
        }
        words[secret] = MASK;
        return String.join(" ", words);
    }

    private static boolean isServices(String target) {
        String nick = nickOf(target).toUpperCase(Locale.ROOT);
        return nick.endsWith("SERV") || nick.equals("Q") || nick.equals("X");
    }

    private static boolean isNickService(String target) {
        return nickOf(target).toUpperCase(Locale.ROOT).startsWith("NICK");
    }

    private static boolean isChannelService(String target) {
        return nickOf(target).toUpperCase(Locale.ROOT).startsWith("CHAN");
    }

    /** {@code Q} of {@code Q@CServe.quakenet.org}. */
    private static String nickOf(String target) {
        int at = target.indexOf('@');
        return at < 0 ? target : target.substring(0, at);
    }
}
