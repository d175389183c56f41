package org.switchboard.feature.away;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.connection.CapabilityRequest;

/**
 * Asks every connection for {@code away-notify} while this bundle runs. With it the server tells us when anyone
 * in a shared channel goes away or comes back, so the session's member list (and {@code /aways}) stays current
 * without polling WHO. Connections request it mid-session when the bundle starts and release it when it stops.
 */
@Component
public final class AwayNotifyRequest implements CapabilityRequest {

    static final String AWAY_NOTIFY = "away-notify";

    @Override
    public Set<String> capabilities() {
        return Set.of(AWAY_NOTIFY);
    }
}
