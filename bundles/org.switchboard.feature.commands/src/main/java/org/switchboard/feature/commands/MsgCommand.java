package org.switchboard.feature.commands;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;

/** {@code /msg <target> <text>}: a message to any nick or channel, without opening a buffer for it. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=msg",
        CommandHandler.USAGE_PROPERTY + "=" + MsgCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Send a message to a nick or channel" })
public final class MsgCommand implements CommandHandler {

    static final String USAGE = "/msg <nick|#channel> <text>";

    private final IrcProtocol protocol;

    @Activate
    public MsgCommand(@Reference(name = "protocol") IrcProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        String[] args = invocation.argumentList();
        String text = CommandSupport.rest(invocation, 1);
        if (args.length < 1 || text.isEmpty()) {
            CommandSupport.usage(invocation, USAGE);
            return;
        }
        if (!CommandSupport.validName(invocation, args[0])) {
            return;
        }
        Optional<IrcConnection> connection = CommandSupport.connected(invocation);
        if (connection.isPresent()) {
            CommandSupport.sendText(invocation, connection.get(), protocol, IrcMessage.of("PRIVMSG", args[0], text));
        }
    }
}
