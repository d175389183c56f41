package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;

/** {@code /whois <nick>}: {@code WHOIS}; the replies show up in the server buffer, one readable line each. */
@Component(service = CommandHandler.class, property = {
        CommandHandler.NAME_PROPERTY + "=whois",
        CommandHandler.USAGE_PROPERTY + "=" + WhoisCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Ask the server who a nick is" })
public final class WhoisCommand extends ServerQueryCommand {

    static final String USAGE = "/whois <nick>";

    public WhoisCommand() {
        super("WHOIS", USAGE);
    }
}
