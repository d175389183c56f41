package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.irc.IrcMessage;

/** {@code /motd [server]}: the message of the day again, in the server buffer. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=motd",
        CommandHandler.USAGE_PROPERTY + "=" + MotdCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Show the server's message of the day again" })
public final class MotdCommand implements CommandHandler {

    static final String USAGE = "/motd [server]";

    @Override
    public void execute(CommandInvocation invocation) {
        CommandSupport.arguments(invocation, 0, 1, 1, USAGE).ifPresent(args -> CommandSupport.connected(invocation)
                .ifPresent(c -> CommandSupport.send(invocation, c,
                        args.length == 0 ? IrcMessage.of("MOTD") : IrcMessage.of("MOTD", args[0]))));
    }
}
