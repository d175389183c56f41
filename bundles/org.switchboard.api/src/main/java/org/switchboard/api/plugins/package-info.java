/**
 * Bundle management as a service: which feature bundles, user-interface skins and core bundles are installed, in
 * which state, where they came from and what is wrong with them; installing, starting, stopping, updating and
 * uninstalling them by name; and the monitor through which the core reports callbacks of other bundles that throw
 * or block.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.plugins;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
