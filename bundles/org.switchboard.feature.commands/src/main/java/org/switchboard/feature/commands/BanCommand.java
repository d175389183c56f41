package org.switchboard.feature.commands;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/** {@code /ban <nick|mask>}: sets a ban in the current channel; a bare nick becomes {@code nick!*@*}. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=ban",
        CommandHandler.USAGE_PROPERTY + "=" + BanCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Ban a nick or mask from the current channel" })
public final class BanCommand implements CommandHandler {

    static final String USAGE = "/ban <nick|nick!user@host>";

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
        Optional<IrcConnection> connection = CommandSupport.connected(invocation);
        if (connection.isEmpty()) {
            return;
        }
        Optional<String> channel = CommandSupport.currentChannel(invocation, connection.get());
        if (channel.isEmpty()) {
            return;
        }
        CommandSupport.send(invocation, connection.get(), IrcMessage.of("MODE", channel.get(), "+b", mask(args[0])));
    }

    /** A ban mask for what the user typed: masks stay as they are, a nick matches any user and host. */
    static String mask(String typed) {
        if (typed.indexOf('!') >= 0 || typed.indexOf('@') >= 0 || typed.indexOf('*') >= 0
                || typed.indexOf('?') >= 0 || typed.indexOf(':') >= 0) {
            return typed;
        }
        return typed + "!*@*";
    }
}
