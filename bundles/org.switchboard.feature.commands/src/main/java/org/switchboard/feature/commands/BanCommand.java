package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;

/** {@code /ban <nick|mask>}: sets a ban in the current channel; a bare nick becomes {@code nick!*@*}. */
@Component(service = CommandHandler.class, property = {
        CommandHandler.NAME_PROPERTY + "=ban",
        CommandHandler.USAGE_PROPERTY + "=" + BanCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Ban a nick or mask from the current channel" })
public final class BanCommand extends BanModeCommand {

    static final String USAGE = "/ban <nick|nick!user@host>";

    public BanCommand() {
        super("+b", USAGE);
    }
}
