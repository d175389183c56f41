package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;

/** {@code /unban <nick|mask>}: lifts a ban in the current channel; a bare nick means {@code nick!*@*}, as for /ban. */
@Component(service = CommandHandler.class, property = {
        CommandHandler.NAME_PROPERTY + "=unban",
        CommandHandler.USAGE_PROPERTY + "=" + UnbanCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Lift a ban in the current channel" })
public final class UnbanCommand extends BanModeCommand {

    static final String USAGE = "/unban <nick|nick!user@host>";

    public UnbanCommand() {
        super("-b", USAGE);
    }
}
