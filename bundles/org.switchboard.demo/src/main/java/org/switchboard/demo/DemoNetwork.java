package org.switchboard.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulated network's cast and script: channels with topics, a few hundred generated members, and a pool of
 * lines showing what a skin must render (mIRC colours, bold, actions, URLs, joins and parts). Deterministic for a
 * given seed, so that screenshots and tests see the same people.
 */
final class DemoNetwork {

    static final String SERVER_NAME = "demo.switchboard";
    static final String NETWORK_NAME = "SwitchboardDemo";

    /** A channel of the simulation. */
    record Channel(String name, String topic, String topicSetBy, List<String> members) {
    }

    /** One thing a simulated user does. */
    record Event(String nick, String command, String channel, String text) {
    }

    private static final String[] FIRST = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter",
        "yuki", "zoe", "arjun", "bea", "chen", "dmitri", "elif", "femi", "gosia", "hana", "ines"};
    private static final String[] SUFFIX = {"", "_", "42", "^", "|away", "-dev", "_pi", "99", "`", "[m]"};

    private static final String[] CHATTER = {
        "has anyone tried the new skin API yet?",
        "\u000304red\u0003, \u000309green\u0003 and \u000312blue\u0003 all in one line",
        "\u0002bold\u0002, \u001Ditalic\u001D and \u001Funderlined\u001F text for the renderer",
        "the release notes are at https://example.org/switchboard/releases",
        "\u000300,02 white on blue \u0003 still readable?",
        "I swapped the UI while connected and nothing reconnected",
        "lunch?",
        "see https://example.org/docs/plugins#skins for the plugin guide",
        "<html><b>this must show as plain text</b></html>",
        "+1",
        "reading the FlatLaf docs at https://www.formdev.com/flatlaf/",
        "\u0002\u000307warning:\u0003\u0002 the build takes 40 s on my laptop",
        "who owns the nick list code?",
        "emoji test: \u2615 \ud83d\ude80 \u00e9\u00e8\u00ea",
        "brb",
    };
    private static final String[] ACTIONS = {"waves", "gets coffee", "is compiling", "nods",
        "hands out cookies", "\u000306dances in colour\u0003"};
    private static final String[] PART_REASONS = {"bye", "", "off to bed", "network hiccup"};

    private final Random random;
    private final List<Channel> channels;
    private final List<String> everyone;

    DemoNetwork(long seed, int populationOfBiggestChannel) {
        random = new Random(seed);
        everyone = new ArrayList<>();
        for (int i = 0; i < populationOfBiggestChannel; i++) {
            String nick = FIRST[i % FIRST.length] + SUFFIX[(i / FIRST.length) % SUFFIX.length];
            if (i >= FIRST.length * SUFFIX.length) {
                nick = nick + (i / (FIRST.length * SUFFIX.length));
            }
            everyone.add(nick);
        }
        channels = List.of(
                new Channel("#switchboard", "Welcome to \u0002Switchboard\u0002 demo | docs: "
                        + "https://example.org/switchboard | be nice", "alice", members(everyone.size())),
                new Channel("#skins", "Show your \u000313skin\u0003 screenshots here", "bob",
                        members(Math.max(2, everyone.size() / 3))),
                new Channel("#random", "Anything goes", "carol", members(Math.max(2, everyone.size() / 12))));
    }

    private List<String> members(int count) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < count && i < everyone.size(); i++) {
            // A few operators and voiced users, so that a skin has ranks to show.
            String prefix = i % 37 == 0 ? "@" : i % 11 == 0 ? "+" : "";
            list.add(prefix + everyone.get(i));
        }
        return list;
    }

    List<Channel> channels() {
        return channels;
    }

    Channel channel(String name) {
        for (Channel channel : channels) {
            if (channel.name().equalsIgnoreCase(name)) {
                return channel;
            }
        }
        return null;
    }

    /** The next thing somebody does; called from the chatter thread only (Random is shared). */
    synchronized Event next() {
        Channel channel = channels.get(random.nextInt(channels.size()));
        String nick = bare(channel.members().get(random.nextInt(Math.min(25, channel.members().size()))));
        int roll = random.nextInt(100);
        if (roll < 70) {
            return new Event(nick, "PRIVMSG", channel.name(), CHATTER[random.nextInt(CHATTER.length)]);
        }
        if (roll < 82) {
            return new Event(nick, "ACTION", channel.name(), ACTIONS[random.nextInt(ACTIONS.length)]);
        }
        String visitor = "guest" + (100 + random.nextInt(900));
        if (roll < 91) {
            return new Event(visitor, "JOIN", channel.name(), "");
        }
        return new Event(visitor, "PART", channel.name(), PART_REASONS[random.nextInt(PART_REASONS.length)]);
    }

    /**
     * A few lines of recent conversation for a channel just joined, so that a window has something to show at
     * once: every kind of formatting the script knows, in order.
     */
    List<Event> backlog(String channelName, int count) {
        Channel channel = channel(channelName);
        List<Event> events = new ArrayList<>();
        if (channel == null) {
            return events;
        }
        for (int i = 0; i < count; i++) {
            String nick = bare(channel.members().get((i * 7 + 1) % Math.min(25, channel.members().size())));
            events.add(i % 5 == 4
                    ? new Event(nick, "ACTION", channel.name(), ACTIONS[i % ACTIONS.length])
                    : new Event(nick, "PRIVMSG", channel.name(), CHATTER[i % CHATTER.length]));
        }
        return events;
    }

    /** A reply from someone in the channel to what the user said there. */
    synchronized Event replyTo(String channelName, String userNick) {
        Channel channel = channel(channelName);
        if (channel == null) {
            return null;
        }
        String nick = bare(channel.members().get(random.nextInt(Math.min(10, channel.members().size()))));
        return new Event(nick, "PRIVMSG", channel.name(), userNick + ": interesting, tell me more");
    }

    static String bare(String member) {
        return member.startsWith("@") || member.startsWith("+") ? member.substring(1) : member;
    }
}
