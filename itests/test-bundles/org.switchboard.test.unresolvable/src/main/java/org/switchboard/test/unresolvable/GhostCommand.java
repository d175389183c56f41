package org.switchboard.test.unresolvable;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;

/** Would provide /ghost, but its bundle imports a package nobody exports, so it never resolves. */
@Component(property = CommandHandler.NAME_PROPERTY + "=ghost")
public final class GhostCommand implements CommandHandler {

    @Override
    public void execute(CommandInvocation invocation) {
        invocation.reply("boo");
    }
}
