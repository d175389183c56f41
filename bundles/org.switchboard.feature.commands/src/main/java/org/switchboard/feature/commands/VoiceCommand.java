package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;

/** {@code /voice <nick> [nick ...]}: {@code MODE <channel> +v...} in the current channel. */
@Component(service = CommandHandler.class, property = {
        CommandHandler.NAME_PROPERTY + "=voice",
        CommandHandler.USAGE_PROPERTY + "=" + VoiceCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Give voice in the current channel" })
public final class VoiceCommand extends MemberModeCommand {

    static final String USAGE = "/voice <nick> [nick ...]";

    public VoiceCommand() {
        super('+', 'v', USAGE);
    }
}
