package org.switchboard.keepalive.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.switchboard.keepalive", name = "Switchboard keepalive",
        description = "Lag probes and detection of dead links")
public @interface KeepaliveConfig {

    @AttributeDefinition(name = "Probe after idle (s)", description = "Send a lag probe (PING) when nothing "
            + "was received for this long")
    int probeAfterIdleSeconds() default 30;

    @AttributeDefinition(name = "Lag check (s)", description = "Also measure the lag this often while the link "
            + "is busy, and once right after connecting, so that the window always has a recent figure; 0: only "
            + "on idle links")
    int lagCheckSeconds() default 60;

    @AttributeDefinition(name = "Dead after silence (s)", description = "Declare the link dead and reconnect "
            + "when nothing at all was received for this long")
    int deadAfterSeconds() default 180;

    @AttributeDefinition(name = "Registration timeout (s)", description = "Reconnect when the server has not "
            + "completed registration (no welcome) this long after the connection opened")
    int registrationTimeoutSeconds() default 60;
}
