package org.switchboard.feature.commands;

import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.irc.IrcProtocol;

/**
 * {@code /ping <nick>}: a CTCP PING carrying the time now, in milliseconds; the session shows the reply's round
 * trip ("CTCP PING reply from ann: 84 ms"). The lag to the server itself is the keepalive bundle's business.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=ping",
        CommandHandler.USAGE_PROPERTY + "=" + PingCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Measure the round trip to another user (CTCP PING)" })
public final class PingCommand implements CommandHandler {

    static final String USAGE = "/ping <nick|#channel>";

    private final IrcProtocol protocol;
    private final LongSupplier clock;

    @Activate
    public PingCommand(@Reference(name = "protocol") IrcProtocol protocol) {
        this(protocol, System::currentTimeMillis);
    }

    PingCommand(IrcProtocol protocol, LongSupplier clock) {
        this.protocol = protocol;
        this.clock = clock;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        CommandSupport.singleName(invocation, USAGE).ifPresent(
                target -> CtcpCommand.send(invocation, target, "PING", Long.toString(clock.getAsLong()), protocol));
    }
}
