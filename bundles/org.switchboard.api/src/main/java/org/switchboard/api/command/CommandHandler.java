package org.switchboard.api.command;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service implementing one slash command. The service property {@value #NAME_PROPERTY} names the
 * command without the slash ({@code join}); given more than once, the later names are aliases ({@code j}, since
 * 1.2).
 * {@value #USAGE_PROPERTY} and {@value #DESCRIPTION_PROPERTY} feed {@code /help}. Installing a bundle adds its commands; stopping it removes them.
 */
@ConsumerType
@FunctionalInterface
public interface CommandHandler {

    String NAME_PROPERTY = "command.name";
    String USAGE_PROPERTY = "command.usage";
    String DESCRIPTION_PROPERTY = "command.description";

    /**
     * Runs the command. Called on a worker thread of the dispatcher, never the Swing event thread; must not block
     * for long: the caller waits only about half a second, then goes on with the next input while a slow handler
     * finishes in the background (and is not given another call until it has). A problem with the user's input is
     * reported with {@link CommandInvocation#error}, not by throwing.
     */
    void execute(CommandInvocation invocation);
}
