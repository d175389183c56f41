package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.irc.IrcMessage;

/** {@code /away [reason]}: marks the user away with the reason, or back without one. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=away",
        CommandHandler.USAGE_PROPERTY + "=/away [reason]",
        CommandHandler.DESCRIPTION_PROPERTY + "=Mark yourself away with a reason, or back without one" })
public final class AwayCommand implements CommandHandler {

    @Override
    public void execute(CommandInvocation invocation) {
        String reason = invocation.arguments().strip();
        IrcMessage away = reason.isEmpty() ? IrcMessage.of("AWAY") : IrcMessage.of("AWAY", reason);
        CommandSupport.connected(invocation).ifPresent(c -> CommandSupport.send(invocation, c, away));
    }
}
