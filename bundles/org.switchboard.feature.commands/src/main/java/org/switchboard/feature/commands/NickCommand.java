package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;

/** {@code /nick <newnick>}; also during registration, when the server refused the configured nicks. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=nick",
        CommandHandler.USAGE_PROPERTY + "=" + NickCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Change your nick" })
public final class NickCommand implements CommandHandler {

    static final String USAGE = "/nick <newnick>";

    @Override
    public void execute(CommandInvocation invocation) {
        String[] args = invocation.argumentList();
        if (args.length != 1) {
            CommandSupport.usage(invocation, USAGE);
            return;
        }
        String nick = args[0];
        if (nick.startsWith(":") || nick.startsWith("#") || nick.indexOf(',') >= 0 || nick.indexOf('!') >= 0
                || nick.indexOf('@') >= 0) {
            invocation.error("'" + nick + "' is not a valid nick");
            return;
        }
        CommandSupport.connectedIn(invocation, ConnectionState.CONNECTED, ConnectionState.REGISTERING)
                .ifPresent(c -> CommandSupport.send(invocation, c, IrcMessage.of("NICK", nick)));
    }
}
