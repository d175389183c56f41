package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;

/** {@code /whowas <nick>}: {@code WHOWAS}; the replies show up in the server buffer, one readable line each. */
@Component(service = CommandHandler.class, property = {
        CommandHandler.NAME_PROPERTY + "=whowas",
        CommandHandler.USAGE_PROPERTY + "=" + WhowasCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Ask the server who had a nick that is gone" })
public final class WhowasCommand extends ServerQueryCommand {

    static final String USAGE = "/whowas <nick>";

    public WhowasCommand() {
        super("WHOWAS", USAGE);
    }
}
