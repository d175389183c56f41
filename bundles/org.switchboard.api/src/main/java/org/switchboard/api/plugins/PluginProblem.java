package org.switchboard.api.plugins;

import java.util.Objects;

/**
 * Something wrong with a plugin, in words meant for the user.
 *
 * @param kind    what sort of problem
 * @param message one line saying what is wrong
 */
public record PluginProblem(Kind kind, String message) {

    public enum Kind {
        /** The bundle does not resolve: a package, bundle or capability it requires is not there. */
        UNRESOLVED,
        /** A Declarative Services component of the bundle is waiting for a reference or failed to activate. */
        COMPONENT,
        /** A callback of the bundle (listener, command) threw; the message names the latest failure. */
        CALLBACK_FAILED,
        /** A callback of the bundle runs, or ran, far longer than callbacks may. */
        CALLBACK_BLOCKED,
        /** The latest operation on the bundle through the plugin manager failed. */
        OPERATION_FAILED
    }

    public PluginProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
