package org.switchboard.connection.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.lang3.StringUtils;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.UrlSecrets;

/**
 * A network opened from the input line ({@code /server}, {@code /connect} with an address), as irssi's
 * {@code /connect} does: a new connection beside the others, not saved, like a URL on the command line (gone at the
 * next start; Networks… or a network file keeps one). What {@link ServerCommand} and {@link ConnectCommand} share.
 */
final class NewNetwork {

    static final String USAGE = "host[:port] [port] [-tls] | irc://host[:port]/#channel | ircs://...";

    private NewNetwork() {
    }

    /**
     * The address the arguments give: an irc:// or ircs:// URL, or a host with an optional port (also as a second
     * word); TLS with ircs://, a port written {@code +6697}, or {@code -tls} ({@code -ssl}).
     *
     * @throws IllegalArgumentException with a message for the user when the arguments name no server
     */
    static IrcUrl address(String[] arguments) {
        boolean tls = false;
        List<String> words = new ArrayList<>();
        for (String argument : arguments) {
            String lower = argument.toLowerCase(Locale.ROOT);
            if (lower.equals("-tls") || lower.equals("-ssl")) {
                tls = true;
            } else if (argument.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + argument + " (only -tls)");
            } else {
                words.add(argument);
            }
        }
        if (words.isEmpty() || words.size() > 2) {
            throw new IllegalArgumentException("give one server: " + USAGE);
        }
        String target = words.get(0);
        String port = words.size() == 2 ? words.get(1) : null;
        if (StringUtils.startsWithIgnoreCase(target, "irc://") || StringUtils.startsWithIgnoreCase(target, "ircs://")) {
            if (port != null) {
                throw new IllegalArgumentException("give the port in the URL: " + UrlSecrets.withoutUserInfo(target));
            }
            IrcUrl url = IrcUrl.parse(target);
            return tls && !url.server().tls()
                    ? new IrcUrl(new ServerAddress(url.server().host(), url.server().port(), true), url.channels())
                    : url;
        }
        if (port != null && target.contains(":") && !target.startsWith("[")) {
            throw new IllegalArgumentException("'" + UrlSecrets.withoutUserInfo(target) + "' has a port already; give it "
                    + "once");
        }
        boolean tlsPort = port != null && port.startsWith("+");
        String spec = (tls && !tlsPort && !target.startsWith("+") ? "+" : "") + target
                + (port == null ? "" : ":" + port);
        return new IrcUrl(ServerAddress.parse(spec), List.of());
    }

    /** Opens the network the arguments name, telling the user what happens or what is wrong. */
    static void open(CommandInvocation invocation, ConfigurationAdmin admin, BundleContext context) {
        IrcUrl url;
        try {
            url = address(invocation.argumentList());
        } catch (IllegalArgumentException e) {
            invocation.error("/" + invocation.name() + ": " + e.getMessage());
            return;
        }
        String nick = invocation.connection().map(IrcConnection::nick).filter(StringUtils::isNotBlank)
                .orElseGet(() -> CommandLineNetworks.startNick(context));
        try {
            String name = openTransient(admin, context, url, nick);
            invocation.reply("Connecting to " + url.server() + " as " + nick + ": network " + name
                    + (url.channels().isEmpty() ? "" : ", joining " + String.join(", ", url.channels()))
                    + ". Not saved: it is gone after a restart (Networks\u2026 keeps one)");
        } catch (IOException | InvalidSyntaxException e) {
            invocation.error("/" + invocation.name() + ": could not open the network: " + e.getMessage());
        }
    }

    /**
     * Creates a transient network for {@code url} under its host's name, or the next free one ({@code host-2}), and
     * returns the name.
     */
    static String openTransient(ConfigurationAdmin admin, BundleContext context, IrcUrl url, String nick)
            throws IOException, InvalidSyntaxException {
        Set<String> names = new HashSet<>();
        for (Configuration configuration : configurations(admin)) {
            Object name = configuration.getProperties().get(IrcConnection.NETWORK_PROPERTY);
            if (name != null) {
                names.add(String.valueOf(name));
            }
        }
        String name = CommandLineNetworks.freeName(url.server().host(), names);
        CommandLineNetworks.create(admin, name, url, nick, context.getProperty(CommandLineNetworks.FRAMEWORK_UUID));
        return name;
    }

    /** Every network configuration that has properties. */
    static List<Configuration> configurations(ConfigurationAdmin admin) throws IOException, InvalidSyntaxException {
        Configuration[] all = admin.listConfigurations(
                "(service.factoryPid=" + IrcConnection.NETWORK_FACTORY_PID + ")");
        List<Configuration> found = new ArrayList<>();
        for (Configuration configuration : all == null ? new Configuration[0] : all) {
            if (configuration.getProperties() != null) {
                found.add(configuration);
            }
        }
        return found;
    }
}
