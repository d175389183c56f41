/**
 * The Plugins dialog, offered to every skin as a menu action: lists features, skins and (on request) the core with
 * their state and problems, and installs, starts, stops, updates and uninstalls them through the plugin manager.
 * Private: nothing here is exported.
 */
package org.switchboard.plugins.dialog;
