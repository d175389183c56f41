package org.switchboard.feature.commands;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/**
 * {@code /topic [#channel] [text]}: without text asks the server for the topic, with text sets it. The channel
 * defaults to the current one.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=topic",
        CommandHandler.USAGE_PROPERTY + "=" + TopicCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Show or set a channel's topic (the current channel by default)" })
public final class TopicCommand implements CommandHandler {

    static final String USAGE = "/topic [#channel] [text]";

    @Override
    public void execute(CommandInvocation invocation) {
        Optional<IrcConnection> connection = CommandSupport.connected(invocation);
        if (connection.isEmpty()) {
            return;
        }
        String[] args = invocation.argumentList();
        String channel;
        String text;
        if (args.length > 0 && connection.get().isupport().isChannel(args[0])) {
            channel = args[0];
            text = CommandSupport.rest(invocation, 1);
        } else if (connection.get().isupport().isChannel(invocation.buffer())) {
            channel = invocation.buffer();
            text = invocation.arguments().strip();
        } else {
            invocation.error("/topic only works in a channel, or name one: " + USAGE);
            return;
        }
        IrcMessage topic = text.isEmpty() ? IrcMessage.of("TOPIC", channel) : IrcMessage.of("TOPIC", channel, text);
        CommandSupport.send(invocation, connection.get(), topic);
    }
}
