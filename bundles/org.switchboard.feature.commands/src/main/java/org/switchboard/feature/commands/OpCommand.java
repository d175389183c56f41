package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;

/** {@code /op <nick> [nick ...]}: {@code MODE <channel> +o...} in the current channel. */
@Component(service = CommandHandler.class, property = {
        CommandHandler.NAME_PROPERTY + "=op",
        CommandHandler.USAGE_PROPERTY + "=" + OpCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Give channel operator status in the current channel" })
public final class OpCommand extends MemberModeCommand {

    static final String USAGE = "/op <nick> [nick ...]";

    public OpCommand() {
        super('+', 'o', USAGE);
    }
}
