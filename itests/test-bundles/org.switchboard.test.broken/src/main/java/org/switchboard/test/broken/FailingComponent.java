package org.switchboard.test.broken;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Throws when SCR activates it: the bundle starts, the component never runs. */
@Component(immediate = true, service = FailingComponent.class)
public final class FailingComponent {

    @Activate
    void activate() {
        throw new IllegalStateException("this component refuses to activate");
    }
}
