/**
 * What feature bundles add to the user interface, and what the running skin offers them: menu actions
 * ({@link org.switchboard.api.ui.UiContribution}, whiteboard), navigation to a buffer and line
 * ({@link org.switchboard.api.ui.UiNavigation}, registered by the skin while it has a window), and the plain-text
 * path every piece of network text takes into a Swing component ({@link org.switchboard.api.ui.PlainText}; text for glyph-by-glyph painting since 1.2), and
 * keeping senders' colours readable on a skin's background ({@link org.switchboard.api.ui.Contrast}, since 1.1).
 */
@Export
@Version("1.2.0")
package org.switchboard.api.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
