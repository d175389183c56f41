package org.switchboard.ui.swing.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import javax.swing.SwingUtilities;

import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.SessionComponent;
import org.switchboard.session.command.CommandDispatcherComponent;
import org.switchboard.ui.swing.networks.NetworkSettings;
import org.switchboard.ui.swing.networks.NetworkStore;
import org.switchboard.ui.swing.update.ChangeTracker;
import org.switchboard.ui.swing.window.MainWindow;
import org.switchboard.ui.swing.window.UiServices;
import org.switchboard.ui.swing.window.Themes;

/**
 * Builds the main window over the real session and protocol, fed with a scripted busy channel, without OSGi.
 * For screenshots: {@code xvfb-run java ... UiDemo light|dark}. Typed lines are "sent" and shown as own messages.
 */
public final class UiDemo {

    private static final String[] WORDS = ("the build is green again after the refactor did anyone look at "
            + "the flaky test on ci i think the reader thread closes too early lol yes that was me sorry "
            + "merged now please rebase your branch before pushing release notes are in the wiki").split(" ");

    private UiDemo() {
    }

    public static void main(String[] args) {
        boolean dark = args.length > 0 && args[0].equalsIgnoreCase("dark");
        IrcProtocol protocol = new IrcProtocolComponent();
        SessionComponent session = new SessionComponent(protocol, 10_000);
        ChangeTracker tracker = new ChangeTracker();
        session.bindListener(tracker);
        DemoConnection[] holder = new DemoConnection[1];
        DemoConnection connection = new DemoConnection("Libera.Chat", protocol,
                m -> session.messageSent(holder[0], m));
        holder[0] = connection;
        session.bindConnection(connection);
        CommandDispatcherComponent dispatcher = new CommandDispatcherComponent(session, protocol);
        dispatcher.bindConnection(connection);
        feed(session, connection, protocol);

        ExecutorService background = Executors.newSingleThreadExecutor();
        NetworkStore networks = new NetworkStore(new MemoryConfigAdmin().admin());
        try {
            networks.save(null, new NetworkSettings("Libera.Chat", List.of("+irc.libera.chat:6697"), "sam",
                    List.of("sam_"), "", "Sam Example", "", "PLAIN", "sam", "secret", List.of("#switchboard", "#java"),
                    true));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        SwingUtilities.invokeLater(() -> {
            Themes.apply(dark);
            UiServices services = new UiServices(session, dispatcher, protocol,
                    network -> java.util.Optional.of(connection), () -> java.util.Optional.of(networks), chosen -> { });
            MainWindow window = new MainWindow(services, tracker, background::execute, () -> System.exit(0), dark,
                    null);
            window.frame().setSize(1280, 800);
            window.frame().setLocation(0, 0);
            window.open();
            Buffer channel = session.find("Libera.Chat", "#switchboard").orElseThrow();
            window.select(channel.id());
        });
    }

    static void feed(SessionComponent session, DemoConnection c, IrcProtocol protocol) {
        List<String> lines = new ArrayList<>();
        lines.add(":irc.example 001 sam :Welcome to the Libera.Chat Internet Relay Chat Network sam");
        lines.add(":irc.example 005 sam PREFIX=(qaohv)~&@%+ CHANTYPES=# STATUSMSG=@+ CHANMODES=beI,k,l,imnst"
                + " CASEMAPPING=rfc1459 NETWORK=Libera.Chat :are supported by this server");
        lines.add(":irc.example 375 sam :- irc.example Message of the Day -");
        lines.add(":irc.example 372 sam :- Welcome! Be excellent to each other.");
        lines.add(":irc.example 376 sam :End of /MOTD command.");
        lines.add(":sam!~sam@client.example JOIN #switchboard");
        lines.add(":irc.example 332 sam #switchboard :\u0002Switchboard\u0002 — a modular IRC client | "
                + "\u000303release 0.1\u0003 soon | https://example.org/switchboard | <html><b>not bold</b>");
        lines.add(":irc.example 333 sam #switchboard alice!~alice@dev.example 1700000000");
        Random random = new Random(7);
        StringBuilder names = new StringBuilder("sam ~founder &admin @alice @bob %carol +dave +erin");
        List<String> nicks = new ArrayList<>(List.of("alice", "bob", "carol", "dave", "erin", "founder"));
        for (int i = 0; i < 292; i++) {
            String nick = pick(random, "zed", "kim", "lee", "max", "ana", "joe", "eve", "ian", "ola", "uma")
                    + pick(random, "dev", "ops", "_", "bot", "42", "x", "") + i;
            nicks.add(nick);
            names.append(' ').append(i % 37 == 0 ? "+" : "").append(nick);
        }
        lines.add(":irc.example 353 sam = #switchboard :" + names);
        lines.add(":irc.example 366 sam #switchboard :End of /NAMES list.");
        lines.add(":irc.example 324 sam #switchboard +nt");
        long t = 1_767_000_000_000L;
        for (int i = 0; i < 400; i++) {
            String nick = nicks.get(random.nextInt(nicks.size()));
            String source = nick + "!~" + nick + "@host" + i % 13 + ".example";
            String tag = "@time=" + java.time.Instant.ofEpochMilli(t + i * 7_000L) + " ";
            int kind = random.nextInt(40);
            String line;
            if (kind == 0) {
                line = ":" + source + " JOIN #switchboard";
            } else if (kind == 1) {
                line = ":" + source + " PART #switchboard :see you";
            } else if (kind == 2) {
                line = ":" + source + " PRIVMSG #switchboard :\u0001ACTION " + sentence(random, 6) + "\u0001";
            } else if (kind == 3) {
                line = ":" + source + " PRIVMSG #switchboard :\u000304,01 red on black \u0003 \u000308yellow\u0003"
                        + " \u0002bold\u0002 \u001Ditalic\u001D \u001Funderline\u001F \u001Estrike\u001E"
                        + " \u0011monospace\u0011 \u0016reverse\u0016 \u0004FF8800hex orange\u0004";
            } else if (kind == 4) {
                line = ":" + source + " PRIVMSG #switchboard :sam: " + sentence(random, 8);
            } else if (kind == 5) {
                line = ":" + source + " PRIVMSG #switchboard :" + sentence(random, 70);
            } else if (kind == 6) {
                line = ":" + source + " PRIVMSG #switchboard :see https://github.com/example/switchboard/pull/" + i
                        + " for the fix";
            } else {
                line = ":" + source + " PRIVMSG #switchboard :" + sentence(random, 3 + random.nextInt(12));
            }
            lines.add(tag + line);
        }
        lines.add(":mallory!~m@evil.example PRIVMSG #switchboard :<html><img src='http://evil/x.png'>pwned?");
        lines.add(":mallory!~m@evil.example PRIVMSG #switchboard :" + "A".repeat(300));
        lines.add(":mallory!~m@evil.example PRIVMSG #switchboard :bidi \u202Eesrever\u202C and bell \u0007 end");
        lines.add(":alice!~alice@dev.example MODE #switchboard +o dave");
        lines.add(":bob!~bob@b.example TOPIC #switchboard :\u0002Switchboard\u0002 — a modular IRC client |"
                + " \u000303release 0.1\u0003 today | https://example.org/switchboard");
        lines.add(":ana54!~ana@a.example PRIVMSG #switchboard :\u000304,01 red on black \u0003 \u000308yellow\u0003"
                + " \u0002bold\u0002 \u001Ditalic\u001D \u001Funderline\u001F \u001Estrike\u001E"
                + " \u0011monospace\u0011 \u0016reverse\u0016 \u0004FF8800hex orange\u0004");
        lines.add(":erin!~erin@e.example PRIVMSG #switchboard :\u0001ACTION hands sam a coffee\u0001");
        lines.add(":alice!~alice@dev.example PRIVMSG #switchboard :sam: can you review the UI branch?");
        lines.add(":sam!~sam@client.example JOIN #flood");
        lines.add(":irc.example 353 sam = #flood :sam @op");
        lines.add(":irc.example 366 sam #flood :End");
        for (int i = 0; i < 50; i++) {
            lines.add(":op!o@h PRIVMSG #flood :spam line " + i);
        }
        lines.add(":sam!~sam@client.example JOIN #java");
        lines.add(":irc.example 353 sam = #java :sam @duke");
        lines.add(":irc.example 366 sam #java :End");
        lines.add(":duke!d@h PRIVMSG #java :sam, your Swing question: render only visible lines");
        lines.add(":alice!~alice@dev.example PRIVMSG sam :hey, got a minute?");
        lines.add(":carol!~carol@c.example AWAY :lunch");
        lines.add(":dave!~dave@d.example AWAY :gone");
        for (String l : lines) {
            org.switchboard.api.irc.IrcMessage message = protocol.parse(l);
            if (message.is("005")) {
                c.isupport().apply(message);
            }
            session.onMessage(c, message);
        }
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
