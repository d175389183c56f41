package org.switchboard.feature.away;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.Member;
import org.switchboard.api.session.Session;

/**
 * {@code /aways [#channel]}: who in a channel is marked away, as far as the session knows. The answer says
 * whether the connection has {@code away-notify}: without it the flags only change when WHO or a reply to a
 * message tells us, so they may be stale.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=aways",
        CommandHandler.USAGE_PROPERTY + "=/aways [#channel]",
        CommandHandler.DESCRIPTION_PROPERTY + "=List the members of a channel who are away" })
public final class AwaysCommand implements CommandHandler {

    private final Session session;

    @Activate
    public AwaysCommand(@Reference Session session) {
        this.session = session;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        String[] args = invocation.argumentList();
        if (args.length > 1) {
            invocation.error("Usage: /aways [#channel]");
            return;
        }
        if (invocation.network() == null) {
            invocation.error("/aways needs a network: type it in a channel buffer");
            return;
        }
        String channel = args.length == 1 ? args[0] : invocation.buffer();
        Optional<Buffer> buffer = session.find(invocation.network(), channel);
        if (buffer.isEmpty() || buffer.get().type() != BufferType.CHANNEL) {
            invocation.error(args.length == 1 ? "Not in " + channel + " on " + invocation.network()
                    : "/aways only works in a channel, or name one: /aways #channel");
            return;
        }
        List<String> away = buffer.get().members().stream().filter(Member::away).map(Member::nick).toList();
        boolean live = invocation.connection().map(IrcConnection::enabledCapabilities)
                .map(caps -> caps.contains(AwayNotifyRequest.AWAY_NOTIFY)).orElse(false);
        String freshness = live ? "" : " (the server does not send away-notify: this may be out of date)";
        if (away.isEmpty()) {
            invocation.reply("Nobody in " + buffer.get().name() + " is away" + freshness);
        } else {
            invocation.reply("Away in " + buffer.get().name() + " (" + away.size() + "): " + String.join(", ", away)
                    + freshness);
        }
    }
}
