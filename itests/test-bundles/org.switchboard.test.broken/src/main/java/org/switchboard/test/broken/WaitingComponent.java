package org.switchboard.test.broken;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Needs a service no bundle provides, so SCR keeps it waiting. */
@Component(immediate = true, service = WaitingComponent.class)
public final class WaitingComponent {

    /** Nobody registers one. */
    public interface Missing {
    }

    @Activate
    public WaitingComponent(@Reference(name = "missing") Missing missing) {
    }
}
