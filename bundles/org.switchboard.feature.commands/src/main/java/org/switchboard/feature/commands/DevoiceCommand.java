package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;

/** {@code /devoice <nick> [nick ...]}: {@code MODE <channel> -v...} in the current channel. */
@Component(service = CommandHandler.class, property = {
        CommandHandler.NAME_PROPERTY + "=devoice",
        CommandHandler.USAGE_PROPERTY + "=" + DevoiceCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Take voice in the current channel" })
public final class DevoiceCommand extends MemberModeCommand {

    static final String USAGE = "/devoice <nick> [nick ...]";

    public DevoiceCommand() {
        super('-', 'v', USAGE);
    }
}
