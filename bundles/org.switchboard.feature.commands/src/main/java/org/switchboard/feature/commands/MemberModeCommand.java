package org.switchboard.feature.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.irc.IrcMessage;

/**
 * What {@code /op}, {@code /deop}, {@code /voice} and {@code /devoice} share: one channel-membership mode given
 * to or taken from the nicks named, in the current channel, as few MODE lines as the server's {@code MODES} limit
 * allows ({@code MODE #chan +ooo ann bob carl}).
 */
abstract class MemberModeCommand implements CommandHandler {

    private final char sign;
    private final char mode;
    private final String usage;

    MemberModeCommand(char sign, char mode, String usage) {
        this.sign = sign;
        this.mode = mode;
        this.usage = usage;
    }

    @Override
    public final void execute(CommandInvocation invocation) {
        String[] nicks = invocation.argumentList();
        if (nicks.length == 0) {
            CommandSupport.usage(invocation, usage);
            return;
        }
        for (String nick : nicks) {
            if (!CommandSupport.validName(invocation, nick)) {
                return;
            }
        }
        CommandSupport.inCurrentChannel(invocation).ifPresent(at -> send(invocation, at, nicks));
    }

    private void send(CommandInvocation invocation, CommandSupport.InChannel at, String[] nicks) {
        if (at.connection().isupport().prefix().modes().indexOf(mode) < 0) {
            invocation.error(at.connection().network() + " has no channel mode " + mode + " for members");
            return;
        }
        int perLine = CommandSupport.modesPerLine(at.connection());
        for (int from = 0; from < nicks.length; from += perLine) {
            List<String> targets = Arrays.asList(nicks).subList(from, Math.min(nicks.length, from + perLine));
            List<String> params = new ArrayList<>();
            params.add(at.channel());
            params.add(sign + String.valueOf(mode).repeat(targets.size()));
            params.addAll(targets);
            if (!at.send(invocation, IrcMessage.of("MODE", params.toArray(String[]::new)))) {
                return;
            }
        }
    }
}
