package org.switchboard.api.plugins;

/** The life-cycle state of a plugin's bundle, as the OSGi framework sees it. */
public enum PluginState {
    /**
     * Installed, not resolved yet: the framework resolves a bundle when it starts or when another needs it. When it
     * cannot, the plugin's problems say what is missing.
     */
    INSTALLED,
    /** Resolved and stopped. */
    RESOLVED,
    STARTING,
    ACTIVE,
    STOPPING,
    /** Gone; only the outcome of an uninstall reports this state. */
    UNINSTALLED
}
