package org.switchboard.connection.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Set;

import org.apache.commons.lang3.StringUtils;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.connection.IrcConnection;

/**
 * Turns the launcher's framework properties into network configurations: {@value #CONNECT_PROPERTY} (irc:// and
 * ircs:// URLs separated by spaces) and {@value #NICK_PROPERTY}. The configurations carry
 * {@code transient=true}; those of an earlier run are deleted first, so URLs given once do not come back.
 */
@Component(immediate = true, service = {})
public class CommandLineNetworks {

    public static final String CONNECT_PROPERTY = "switchboard.connect";
    public static final String NICK_PROPERTY = "switchboard.nick";
    public static final String TRANSIENT_PROPERTY = "transient";
    /** The framework launch that created a transient configuration (its {@value #FRAMEWORK_UUID}). */
    public static final String LAUNCH_PROPERTY = "transient.launch";
    static final String FRAMEWORK_UUID = "org.osgi.framework.uuid";

    private static final System.Logger LOG = System.getLogger(CommandLineNetworks.class.getName());

    @Reference
    private ConfigurationAdmin configurationAdmin;

    @Activate
    void activate(BundleContext context) throws IOException, InvalidSyntaxException {
        apply(context.getProperty(CONNECT_PROPERTY), context.getProperty(NICK_PROPERTY),
                context.getProperty(FRAMEWORK_UUID));
    }

    void apply(String urls, String nick, String launch) throws IOException, InvalidSyntaxException {
        Configuration[] stale = configurationAdmin.listConfigurations("(&(service.factoryPid="
                + IrcConnection.NETWORK_FACTORY_PID + ")(" + TRANSIENT_PROPERTY + "=true))");
        if (stale != null) {
            for (Configuration configuration : stale) {
                configuration.delete();
            }
        }
        String chosenNick = StringUtils.isBlank(nick) ? defaultNick(System.getProperty("user.name")) : nick.trim();
        Set<String> names = new HashSet<>();
        for (String text : StringUtils.split(StringUtils.defaultString(urls))) {
            IrcUrl url;
            try {
                url = IrcUrl.parse(text);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.ERROR, "Ignoring command-line URL: {0}", e.getMessage());
                continue;
            }
            String name = freeName(url.server().host(), names);
            names.add(name);
            create(configurationAdmin, name, url, chosenNick, launch);
            LOG.log(Level.INFO, "Connecting to {0} as {1} (from the command line)", url.server(), chosenNick);
        }
    }

    /** {@code host}, or {@code host-2}, {@code host-3}... when a network of that name exists. */
    static String freeName(String host, Set<String> taken) {
        String name = host;
        for (int i = 2; taken.contains(name); i++) {
            name = host + "-" + i;
        }
        return name;
    }

    /**
     * Creates a network configuration for one URL, marked transient: it connects now and is gone at the next
     * start, as nothing the user did saved it.
     */
    static void create(ConfigurationAdmin admin, String name, IrcUrl url, String nick, String launch)
            throws IOException {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(IrcConnection.NETWORK_PROPERTY, name);
        properties.put("servers", new String[] {url.server().toString()});
        properties.put("nick", nick);
        properties.put("autojoin", url.channels().toArray(String[]::new));
        properties.put(TRANSIENT_PROPERTY, Boolean.TRUE);
        if (launch != null) {
            properties.put(LAUNCH_PROPERTY, launch);
        }
        Configuration configuration = admin.createFactoryConfiguration(IrcConnection.NETWORK_FACTORY_PID, "?");
        configuration.update(properties);
    }

    /** The nick given at start ({@value #NICK_PROPERTY}), or the OS user name made one. */
    static String startNick(BundleContext context) {
        String given = context.getProperty(NICK_PROPERTY);
        return StringUtils.isBlank(given) ? defaultNick(System.getProperty("user.name")) : given.trim();
    }

    /** The OS user name made acceptable as an IRC nick. */
    static String defaultNick(String userName) {
        StringBuilder sb = new StringBuilder();
        for (char c : StringUtils.defaultString(userName).toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || "[]\\`_^{|}-".indexOf(c) >= 0)) {
                sb.append(c);
            }
        }
        while (sb.length() > 0 && (Character.isDigit(sb.charAt(0)) || sb.charAt(0) == '-')) {
            sb.deleteCharAt(0);
        }
        String nick = StringUtils.left(sb.toString(), 16);
        return nick.isEmpty() ? "switchboard" : nick;
    }

    /** For tests without OSGi. */
    static CommandLineNetworks withConfigurationAdmin(ConfigurationAdmin admin) {
        CommandLineNetworks component = new CommandLineNetworks();
        component.configurationAdmin = admin;
        return component;
    }

}
