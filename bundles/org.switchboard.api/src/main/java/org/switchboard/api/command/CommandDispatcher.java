package org.switchboard.api.command;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Routes a line the user typed: {@code /name args} to the {@link CommandHandler} of that name (or an
 * "unknown command" line in the buffer), {@code //text} and plain text as a message to the buffer's target.
 */
@ProviderType
public interface CommandDispatcher {

    /**
     * Handles one line of input typed in a buffer.
     *
     * @param network the buffer's network, or null for a buffer outside any network
     * @param buffer  the buffer's name
     * @param input   the line as typed
     */
    void execute(String network, String buffer, String input);

    /** True when a handler for {@code name} (without slash) is registered right now. */
    boolean hasCommand(String name);

    /** Every command available right now, sorted by name, for help screens and completion. */
    List<CommandInfo> commands();
}
