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

/** {@code /notice <target> <text>}. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=notice",
        CommandHandler.USAGE_PROPERTY + "=" + NoticeCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Send a notice to a nick or channel" })
public final class NoticeCommand implements CommandHandler {

    static final String USAGE = "/notice <nick|#channel> <text>";

    private final IrcProtocol protocol;

    @Activate
    public NoticeCommand(@Reference(name = "protocol") IrcProtocol protocol) {
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
            CommandSupport.sendText(invocation, connection.get(), protocol, IrcMessage.of("NOTICE", args[0], text));
        }
    }
}
