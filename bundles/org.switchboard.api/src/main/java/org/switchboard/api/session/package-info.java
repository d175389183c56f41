/**
 * The client state that outlives any user interface: networks, buffers, members, scrollback and the events that describe their changes.
 */
@Export
@Version("1.3.0")
package org.switchboard.api.session;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
