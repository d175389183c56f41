/**
 * The IRC message model and the protocol service: parsing, serialising, ISUPPORT, case mapping, modes, CTCP, formatting. Value types are immutable; the {@link org.switchboard.api.irc.IrcProtocol} service holds the logic. Since 2.2: {@link org.switchboard.api.irc.ServicesPasswords}, the masking of passwords sent to services.
 */
@Export
@Version("2.3.0")
package org.switchboard.api.irc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
