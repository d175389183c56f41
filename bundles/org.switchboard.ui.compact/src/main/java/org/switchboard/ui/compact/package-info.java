/**
 * The compact skin: one dark pane with a buffer switcher on top. It is a user interface (not started with
 * {@code --headless}) and is installed but not started by default, so that it replaces the default skin only when
 * the user starts it ({@code stop org.switchboard.ui.swing; start org.switchboard.ui.compact}).
 */
@Header(name = "Switchboard-Role", value = "ui")
@Header(name = "Switchboard-Autostart", value = "false")
package org.switchboard.ui.compact;

import org.osgi.annotation.bundle.Header;
