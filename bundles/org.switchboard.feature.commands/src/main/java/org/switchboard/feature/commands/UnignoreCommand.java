package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.feature.commands.ignore.IgnoreList;

/** {@code /unignore <mask>}: removes a mask added with /ignore. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=unignore",
        CommandHandler.USAGE_PROPERTY + "=" + UnignoreCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Remove an ignore mask of this network" })
public final class UnignoreCommand implements CommandHandler {

    static final String USAGE = "/unignore <nick|nick!user@host>";

    private final IgnoreList ignores;

    @Activate
    public UnignoreCommand(@Reference(name = "ignores") IgnoreList ignores) {
        this.ignores = ignores;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        String network = invocation.network();
        if (network == null) {
            invocation.error("/unignore needs a network: type it in a server, channel or query buffer");
            return;
        }
        String[] args = invocation.argumentList();
        if (args.length != 1) {
            CommandSupport.usage(invocation, USAGE);
            return;
        }
        String mask = IgnoreList.normalise(args[0]);
        ignores.remove(network, mask, IgnoreCommand.caseMapping(invocation)).ifPresentOrElse(
                removed -> invocation.reply("No longer ignoring " + removed + " on " + network),
                () -> invocation.error(mask + " is not ignored on " + network + "; /ignore lists the masks"));
    }
}
