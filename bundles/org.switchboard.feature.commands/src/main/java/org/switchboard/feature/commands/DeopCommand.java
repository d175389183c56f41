package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;

/** {@code /deop <nick> [nick ...]}: {@code MODE <channel> -o...} in the current channel. */
@Component(service = CommandHandler.class, property = {
        CommandHandler.NAME_PROPERTY + "=deop",
        CommandHandler.USAGE_PROPERTY + "=" + DeopCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Take channel operator status in the current channel" })
public final class DeopCommand extends MemberModeCommand {

    static final String USAGE = "/deop <nick> [nick ...]";

    public DeopCommand() {
        super('-', 'o', USAGE);
    }
}
