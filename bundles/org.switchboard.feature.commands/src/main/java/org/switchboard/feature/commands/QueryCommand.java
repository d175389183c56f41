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
import org.switchboard.api.session.Session;

/**
 * {@code /query <nick> [text]}: opens a private conversation buffer, and sends the text when there is one.
 *
 * <p>Referencing the session is safe: the session's dispatcher binds command handlers with a dynamic, optional
 * multiple reference, so there is no static cycle between this component and the session bundle.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=query",
        CommandHandler.USAGE_PROPERTY + "=" + QueryCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Open a private conversation, optionally with a first message" })
public final class QueryCommand implements CommandHandler {

    static final String USAGE = "/query <nick> [text]";

    private final Session session;
    private final IrcProtocol protocol;

    @Activate
    public QueryCommand(@Reference(name = "session") Session session,
            @Reference(name = "protocol") IrcProtocol protocol) {
        this.session = session;
        this.protocol = protocol;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        String[] args = invocation.argumentList();
        if (args.length < 1) {
            CommandSupport.usage(invocation, USAGE);
            return;
        }
        if (!CommandSupport.validName(invocation, args[0])) {
            return;
        }
        String nick = args[0];
        Optional<IrcConnection> connection = invocation.connection();
        if (connection.isEmpty()) {
            invocation.error("/query needs a network: type it in a server, channel or query buffer");
            return;
        }
        if (connection.get().isupport().isChannel(nick)) {
            invocation.error("/query opens a conversation with a nick; " + nick + " is a channel (use /join)");
            return;
        }
        // Opening the buffer needs no connection: the user can read the old log and type once reconnected.
        session.openQuery(invocation.network(), nick);
        String text = CommandSupport.rest(invocation, 1);
        if (text.isEmpty()) {
            return;
        }
        CommandSupport.connected(invocation).ifPresent(
                c -> CommandSupport.sendText(invocation, c, protocol, IrcMessage.of("PRIVMSG", nick, text)));
    }
}
