/**
 * Connections to IRC networks, the whiteboard listeners they call, and the capabilities other bundles ask them to negotiate.
 */
@Export
@Version("1.2.0")
package org.switchboard.api.connection;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
