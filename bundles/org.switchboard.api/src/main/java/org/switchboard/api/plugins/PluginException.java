package org.switchboard.api.plugins;

/**
 * A plugin operation that could not be done, or a name that names no plugin. The message is meant for the user as
 * it is: it says what went wrong and, where there is one, what to do instead.
 */
public class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
