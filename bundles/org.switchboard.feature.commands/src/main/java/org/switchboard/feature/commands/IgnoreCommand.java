package org.switchboard.feature.commands;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.feature.commands.ignore.IgnoreList;

/**
 * {@code /ignore [mask]}: lists the current network's ignore masks, or adds one. The masks are kept in memory
 * for now and do not yet hide anything: see {@link IgnoreList}.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=ignore",
        CommandHandler.USAGE_PROPERTY + "=" + IgnoreCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=List the ignore masks of this network, or add one" })
public final class IgnoreCommand implements CommandHandler {

    static final String USAGE = "/ignore [nick|nick!user@host]";

    private final IgnoreList ignores;

    @Activate
    public IgnoreCommand(@Reference(name = "ignores") IgnoreList ignores) {
        this.ignores = ignores;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        String network = invocation.network();
        if (network == null) {
            invocation.error("/ignore needs a network: type it in a server, channel or query buffer");
            return;
        }
        String[] args = invocation.argumentList();
        if (args.length > 1) {
            CommandSupport.usage(invocation, USAGE);
            return;
        }
        if (args.length == 0) {
            List<String> masks = ignores.masks(network);
            if (masks.isEmpty()) {
                invocation.reply("No ignores on " + network);
            } else {
                invocation.reply("Ignored on " + network + ": " + String.join(", ", masks));
            }
            return;
        }
        String mask = IgnoreList.normalise(args[0]);
        if ("*!*@*".equals(mask)) {
            invocation.error("Refusing to ignore everybody (" + mask + ")");
            return;
        }
        if (ignores.add(network, mask, caseMapping(invocation))) {
            invocation.reply("Ignoring " + mask + " on " + network);
        } else {
            invocation.reply(mask + " is already ignored on " + network);
        }
    }

    static CaseMapping caseMapping(CommandInvocation invocation) {
        return invocation.connection().map(c -> c.isupport().caseMapping()).orElse(CaseMapping.RFC1459);
    }
}
