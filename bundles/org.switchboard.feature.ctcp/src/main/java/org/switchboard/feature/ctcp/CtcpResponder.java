package org.switchboard.feature.ctcp;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.lang3.StringUtils;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.connection.IrcMessageListener;
import org.switchboard.api.irc.CtcpMessage;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.IrcProtocolException;

/**
 * Answers the CTCP queries VERSION, PING, TIME and CLIENTINFO with a NOTICE, as CTCP requires. It listens to
 * PRIVMSG only, so it never answers a NOTICE (two clients answering each other's notices would loop), ignores
 * queries from our own nick (echo-message) and rate-limits replies so a CTCP flood cannot get us disconnected
 * for excess flood. Runs on the reader thread: it only formats a line and queues it, never blocks.
 */
@Component(property = IrcMessageListener.COMMAND_PROPERTY + "=PRIVMSG", configurationPid = CtcpResponder.PID)
@Designate(ocd = CtcpResponder.Config.class)
public final class CtcpResponder implements IrcMessageListener {

    public static final String PID = "org.switchboard.feature.ctcp";
    private static final byte[] ACTION = "ACTION".getBytes(StandardCharsets.US_ASCII);

    /** The queries answered, in the order CLIENTINFO lists them; ACTION is understood (shown) but not answered. */
    static final List<String> SUPPORTED = List.of("ACTION", "CLIENTINFO", "PING", "TIME", "VERSION");

    /** Longest PING token echoed; a longer one could make the reply exceed the line limit with our prefix. */
    static final int MAX_PING_ARGUMENT = 200;

    private static final System.Logger LOG = System.getLogger(CtcpResponder.class.getName());

    @ObjectClassDefinition(name = "Switchboard CTCP replies", description = "Rate limits for automatic CTCP replies")
    public @interface Config {
        @AttributeDefinition(name = "Burst per network", description = "Replies sent at once on one network")
        int perNetwork_burst() default 3;

        @AttributeDefinition(name = "Interval per network (ms)", description = "One more reply per interval")
        long perNetwork_intervalMillis() default 2000;

        @AttributeDefinition(name = "Burst over all networks")
        int global_burst() default 6;

        @AttributeDefinition(name = "Interval over all networks (ms)")
        long global_intervalMillis() default 1000;
    }

    private final IrcProtocol protocol;
    private final Clock clock;
    private final ReplyLimiter limiter;
    private final String version;

    @Activate
    public CtcpResponder(@Reference(name = "protocol") IrcProtocol protocol, BundleContext context, Config config) {
        this(protocol, Clock.systemDefaultZone(), context.getBundle().getVersion().toString(), limiter(
                Clock.systemDefaultZone(), config));
    }

    /** Without OSGi: the clock serves the TIME reply; the limiter should run on the same clock. */
    CtcpResponder(IrcProtocol protocol, Clock clock, String clientVersion, ReplyLimiter limiter) {
        this.protocol = protocol;
        this.clock = clock;
        this.limiter = limiter;
        this.version = "Switchboard " + clientVersion + " - Java " + System.getProperty("java.version");
    }

    private static ReplyLimiter limiter(Clock clock, Config config) {
        return new ReplyLimiter(clock, config.perNetwork_burst(), config.perNetwork_intervalMillis(),
                config.global_burst(), config.global_intervalMillis());
    }

    /**
     * {@code \1ACTION} followed by a space or the closing {@code \1}: the usual /me, never answered, told from the
     * bytes so that a channel full of them is not read as strings here. Other spellings go through the parser.
     */
    static boolean isPlainAction(byte[] utf8) {
        int length = ACTION.length;
        if (utf8.length <= length + 1) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (utf8[i + 1] != ACTION[i]) {
                return false;
            }
        }
        byte next = utf8[length + 1];
        return next == ' ' || next == 1;
    }

    @Override
    public void onMessage(IrcConnection connection, IrcMessage message) {
        if (!message.is("PRIVMSG") || message.source() == null || message.paramCount() < 2) {
            return;
        }
        // A look at the first byte: reading every channel message as a string would decode the text of a flood.
        byte[] utf8 = message.lastParamUtf8();
        if (utf8.length < 2 || utf8[0] != 1 || isPlainAction(utf8)) {
            return;
        }
        CtcpMessage ctcp = protocol.parseCtcp(message.lastParam());
        if (ctcp == null || ctcp.isAction()) {
            return;
        }
        String nick = message.sourceNick();
        if (nick.isEmpty() || connection.isupport().caseMapping().equals(nick, connection.nick())) {
            return;
        }
        String reply = reply(ctcp);
        if (reply == null) {
            return;
        }
        if (!limiter.tryAcquire(connection.network())) {
            LOG.log(Level.DEBUG, "CTCP {0} from {1} on {2} not answered: reply rate limit reached",
                    ctcp.command(), nick, connection.network());
            return;
        }
        String text;
        try {
            text = protocol.formatCtcp(ctcp.command(), reply);
        } catch (IrcProtocolException e) {
            LOG.log(Level.DEBUG, "CTCP {0} from {1} not answered: {2}", ctcp.command(), nick, e.getMessage());
            return;
        }
        if (!connection.send(IrcMessage.of("NOTICE", nick, text))) {
            LOG.log(Level.DEBUG, "CTCP reply to {0} on {1} refused by the connection", nick, connection.network());
        }
    }

    /** The reply's arguments for a query, or null for a query not answered. */
    private String reply(CtcpMessage ctcp) {
        return switch (ctcp.command()) {
            case "VERSION" -> version;
            case "PING" -> StringUtils.left(ctcp.arguments(), MAX_PING_ARGUMENT);
            case "TIME" -> DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(clock));
            case "CLIENTINFO" -> String.join(" ", SUPPORTED);
            default -> null;
        };
    }

    /** The VERSION reply text. */
    String version() {
        return version;
    }
}
