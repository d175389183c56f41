package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.irc.IrcMessage;

/** {@code /kick <nick> [reason]}: removes a member from the current channel. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=kick",
        CommandHandler.USAGE_PROPERTY + "=" + KickCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Kick a member out of the current channel" })
public final class KickCommand implements CommandHandler {

    static final String USAGE = "/kick <nick> [reason]";

    @Override
    public void execute(CommandInvocation invocation) {
        String reason = CommandSupport.rest(invocation, 1).strip();
        CommandSupport.arguments(invocation, 1, Integer.MAX_VALUE, 1, USAGE)
                .ifPresent(args -> CommandSupport.inCurrentChannel(invocation)
                        .ifPresent(at -> at.send(invocation, kick(at.channel(), args[0], reason))));
    }

    /** A KICK, with the reason only when there is one (the server then gives its default). */
    static IrcMessage kick(String channel, String nick, String reason) {
        return reason.isEmpty() ? IrcMessage.of("KICK", channel, nick) : IrcMessage.of("KICK", channel, nick, reason);
    }
}
