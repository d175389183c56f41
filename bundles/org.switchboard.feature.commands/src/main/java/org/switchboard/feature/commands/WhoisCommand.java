package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.irc.IrcMessage;

/** {@code /whois <nick>}; the replies show up in the server buffer, one readable line each. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=whois",
        CommandHandler.USAGE_PROPERTY + "=" + WhoisCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Ask the server who a nick is" })
public final class WhoisCommand implements CommandHandler {

    static final String USAGE = "/whois <nick>";

    @Override
    public void execute(CommandInvocation invocation) {
        String[] args = invocation.argumentList();
        if (args.length != 1) {
            CommandSupport.usage(invocation, USAGE);
            return;
        }
        if (!CommandSupport.validName(invocation, args[0])) {
            return;
        }
        CommandSupport.connected(invocation)
                .ifPresent(c -> CommandSupport.send(invocation, c, IrcMessage.of("WHOIS", args[0])));
    }
}
