package org.switchboard.feature.commands;

import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.irc.IrcMessage;

/**
 * What {@code /whois}, {@code /whowas} and {@code /who} share: one name sent to the server as a query; the session
 * shows the replies in the server buffer, one readable line each.
 */
abstract class ServerQueryCommand implements CommandHandler {

    private final String verb;
    private final String usage;

    ServerQueryCommand(String verb, String usage) {
        this.verb = verb;
        this.usage = usage;
    }

    @Override
    public final void execute(CommandInvocation invocation) {
        CommandSupport.singleName(invocation, usage).ifPresent(name -> CommandSupport.connected(invocation)
                .ifPresent(c -> CommandSupport.send(invocation, c, IrcMessage.of(verb, name))));
    }
}
