/**
 * The default Swing user interface. It exports nothing, so that another skin can replace it; the launcher leaves
 * every bundle marked {@code Switchboard-Role: ui} stopped when the client runs headless.
 */
@Header(name = "Switchboard-Role", value = "ui")
package org.switchboard.ui.swing;

import org.osgi.annotation.bundle.Header;
