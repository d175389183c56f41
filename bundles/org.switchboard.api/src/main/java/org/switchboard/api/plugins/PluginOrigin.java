package org.switchboard.api.plugins;

/** Where a plugin's bundle was installed from. */
public enum PluginOrigin {
    /** The OSGi framework itself (the system bundle). */
    FRAMEWORK,
    /** The installation's {@code bundle/} folder: shipped with the client and installed at every start. */
    BUNDLE_FOLDER,
    /** The watched {@code plugins/} folder: dropped in, or installed from a file through the plugin manager. */
    PLUGINS_FOLDER,
    /** Any other location, for example a shell {@code install file:…}. */
    OTHER
}
