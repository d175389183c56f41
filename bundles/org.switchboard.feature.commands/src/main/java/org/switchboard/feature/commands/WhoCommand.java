package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;

/** {@code /who <#channel|mask>}: {@code WHO}; the replies show up in the server buffer, one readable line each. */
@Component(service = CommandHandler.class, property = {
        CommandHandler.NAME_PROPERTY + "=who",
        CommandHandler.USAGE_PROPERTY + "=" + WhoCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Ask the server who matches a channel or mask" })
public final class WhoCommand extends ServerQueryCommand {

    static final String USAGE = "/who <#channel|mask>";

    public WhoCommand() {
        super("WHO", USAGE);
    }
}
