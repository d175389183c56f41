package org.switchboard.feature.commands;

import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.irc.IrcMessage;

/** What {@code /ban} and {@code /unban} share: {@code MODE <channel> ±b <mask>} in the current channel. */
abstract class BanModeCommand implements CommandHandler {

    private final String change;
    private final String usage;

    BanModeCommand(String change, String usage) {
        this.change = change;
        this.usage = usage;
    }

    @Override
    public final void execute(CommandInvocation invocation) {
        CommandSupport.singleName(invocation, usage).ifPresent(typed -> CommandSupport.inCurrentChannel(invocation)
                .ifPresent(at -> at.send(invocation, IrcMessage.of("MODE", at.channel(), change, mask(typed)))));
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
