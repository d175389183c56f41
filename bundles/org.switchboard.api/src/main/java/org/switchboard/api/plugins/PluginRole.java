package org.switchboard.api.plugins;

/** What a bundle is to the client. */
public enum PluginRole {
    /** A feature: commands, listeners, capabilities; may come and go at any time. */
    FEATURE,
    /** A user interface (manifest header {@code Switchboard-Role: ui}); one runs at a time. */
    UI_SKIN,
    /**
     * Part of the client itself or of its runtime (framework, SCR, API, connection, session, …): the plugin manager
     * lists it but refuses to stop, update or uninstall it.
     */
    CORE
}
