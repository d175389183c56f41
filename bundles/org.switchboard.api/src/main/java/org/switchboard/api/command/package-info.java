/**
 * Slash commands: handlers are whiteboard services named by a service property; the dispatcher routes user input to them.
 */
@Export
@Version("1.2.0")
package org.switchboard.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
