package org.switchboard.session.irc;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.connection.CapabilityRequest;

/**
 * The IRCv3 capabilities whose messages {@link MessageRouter} understands, asked for while the session runs: the
 * bundle that handles a capability is the one that requests it. {@code away-notify} is left to the feature
 * bundle that shows away status. {@code znc.in/self-message}: a ZNC without echo-message (before 1.7) then still
 * sends what the user types on another client of the same ZNC user, as lines from the own nick, which the router
 * shows as the user's own.
 */
@Component
public class SessionCapabilities implements CapabilityRequest {

    static final Set<String> UNDERSTOOD = Set.of("userhost-in-names", "account-notify", "account-tag",
            "extended-join", "chghost", "setname", "invite-notify", "echo-message", "znc.in/self-message");

    @Override
    public Set<String> capabilities() {
        return UNDERSTOOD;
    }
}
