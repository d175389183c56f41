package org.switchboard.api.command;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.connection.IrcConnection;

/** One use of a slash command: what was typed, where, and how to answer. */
@ProviderType
public interface CommandInvocation {

    /** The command name, lower-case, without the slash. */
    String name();

    /** Everything after the command name and one space, or the empty string. */
    String arguments();

    /** The arguments split on runs of spaces; empty when there are none. */
    String[] argumentList();

    /** The network of the buffer the command was typed in, or null outside any network. */
    String network();

    /** The connection of that network, when it exists. */
    Optional<IrcConnection> connection();

    /** The name of the buffer the command was typed in (a channel, a nick, or the server buffer's name). */
    String buffer();

    /** Shows an informational line in the buffer the command was typed in. */
    void reply(String text);

    /** Shows an error line in the buffer the command was typed in. */
    void error(String text);
}
