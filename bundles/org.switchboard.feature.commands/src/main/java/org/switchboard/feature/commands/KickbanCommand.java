package org.switchboard.feature.commands;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.irc.IrcMessage;

/**
 * {@code /kickban <nick> [reason]} (or {@code /kb}): bans the nick ({@code nick!*@*}, as {@code /ban} does) and
 * then kicks it from the current channel; the ban goes first so that an auto-rejoin cannot slip in between.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=kickban",
        CommandHandler.NAME_PROPERTY + "=kb",
        CommandHandler.USAGE_PROPERTY + "=" + KickbanCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Ban a nick from the current channel and kick it out" })
public final class KickbanCommand implements CommandHandler {

    static final String USAGE = "/kickban <nick> [reason]";

    @Override
    public void execute(CommandInvocation invocation) {
        Optional<String[]> args = CommandSupport.arguments(invocation, 1, Integer.MAX_VALUE, 1, USAGE);
        if (args.isEmpty()) {
            return;
        }
        String nick = args.get()[0];
        if (!BanModeCommand.mask(nick).equals(nick + "!*@*")) {
            invocation.error("/" + invocation.name() + " takes a nick, not a mask: use /ban for masks");
            return;
        }
        String reason = CommandSupport.rest(invocation, 1).strip();
        CommandSupport.inCurrentChannel(invocation).ifPresent(at -> {
            if (at.send(invocation, IrcMessage.of("MODE", at.channel(), "+b", BanModeCommand.mask(nick)))) {
                at.send(invocation, KickCommand.kick(at.channel(), nick, reason));
            }
        });
    }
}
