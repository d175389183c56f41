package org.switchboard.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses the launcher's arguments. Knows nothing of OSGi, so it can be tested on its own. */
public final class CommandLine {

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: switchboard [options] [irc://host[:port]/[#channel[,#other]] | ircs://...]...",
            "",
            "Options:",
            "  --help           show this help and exit",
            "  --version        show the version and exit",
            "  --headless       run without a window; the client still connects, joins and answers PINGs",
            "  --console        run the Gogo shell on this terminal",
            "  --profile DIR    keep every setting, log and cache under DIR",
            "                   (default: the XDG config, data and cache folders)",
            "  --nick NICK      nick for the networks given on the command line",
            "  --demo           connect to a built-in simulated network on 127.0.0.1 (no internet needed),",
            "                   for trying out and screenshotting skins and plugins",
            "  --install-desktop-entry  add Switchboard to the desktop's application menu, for irc:// and",
            "                   ircs:// links too, and exit",
            "",
            "URLs connect at start: irc:// uses port 6667 by default, ircs:// (TLS) 6697.");

    private CommandLine() {
    }

    public static LaunchOptions parse(String... args) throws UsageException {
        boolean help = false;
        boolean version = false;
        boolean headless = false;
        boolean console = false;
        boolean demo = false;
        boolean installDesktopEntry = false;
        Path profile = null;
        String nick = null;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--headless" -> headless = true;
                case "--console" -> console = true;
                case "--demo" -> demo = true;
                case "--install-desktop-entry" -> installDesktopEntry = true;
                case "--profile" -> profile = toPath(valueOf(args, ++i, arg));
                case "--nick" -> nick = checkNick(valueOf(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option: " + arg);
                    }
                    urls.add(checkUrl(arg));
                }
            }
        }
        return new LaunchOptions(help, version, headless, console, profile, nick, urls, demo, installDesktopEntry);
    }

    private static String valueOf(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static Path toPath(String value) throws UsageException {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("--profile: not a usable folder name: " + value);
        }
    }

    private static String checkNick(String nick) throws UsageException {
        // The first character may not be a digit or '-', and space, comma, '*', '?', '!', '@' and '#' never appear.
        if (nick.isEmpty() || Character.isDigit(nick.charAt(0)) || nick.charAt(0) == '-'
                || nick.chars().anyMatch(c -> c <= ' ' || ",*?!@#:".indexOf(c) >= 0)) {
            throw new UsageException("--nick: not a valid IRC nick: " + nick);
        }
        return nick;
    }

    /**
     * Accepts irc:// and ircs:// URLs with a host, an optional port and optional channels. The channel list is
     * taken verbatim after the first slash: {@code #} there starts a channel name, not a URI fragment.
     */
    static String checkUrl(String url) throws UsageException {
        // what the messages below repeat of the URL: never a password given in it
        String text = withoutUserInfo(url);
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : text.substring(0, schemeEnd);
        if (!(scheme.equalsIgnoreCase("irc") || scheme.equalsIgnoreCase("ircs"))) {
            throw new UsageException("malformed URL: " + text + " (expected irc://host[:port]/[#channel] or ircs://...)");
        }
        String rest = url.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String channels = slash < 0 ? "" : rest.substring(slash + 1);
        URI uri;
        try {
            uri = new URI("irc://" + authority + "/");
        } catch (URISyntaxException e) {
            throw new UsageException("malformed URL: " + text + " (" + e.getReason() + ")");
        }
        if (authority.contains("@")) {
            throw new UsageException("malformed URL: " + text + " (a user or password in the URL is not supported;"
                    + " configure them for the network instead)");
        }
        if (authority.isEmpty() || uri.getHost() == null) {
            throw new UsageException("malformed URL: " + text + " (no host, or a port that is not a number)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new UsageException("malformed URL: " + text + " (port out of range)");
        }
        if (channels.chars().anyMatch(c -> c <= ' ' || c == 7)) {
            throw new UsageException("malformed URL: " + text + " (a channel name holds a space or control character)");
        }
        return url;
    }

    /**
     * {@code url} with everything from the authority's start to the last {@code @} shown as {@code ***}, so that a
     * password holding {@code /} or {@code #} is hidden too. The rule of the API's {@code UrlSecrets}, which the
     * launcher cannot use: it runs outside the framework, and the API bundle's classes must come from the framework
     * alone.
     */
    static String withoutUserInfo(String url) {
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int scheme = url.indexOf("://");
        int start = scheme < 0 || scheme > at ? 0 : scheme + 3;
        return url.substring(0, start) + "***" + url.substring(at);
    }
}
