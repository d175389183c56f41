package org.switchboard.api.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;

import org.junit.jupiter.api.Test;

/** Without a window (before the skin's window opens, after it closed) navigation is harmless. */
class FrameNavigationTest {

    @Test
    void withoutAWindowNothingHasTheFocusAndShowingDoesNothing() throws Exception {
        FrameNavigation navigation = new FrameNavigation();
        assertEquals(-1, navigation.focusedBuffer());
        navigation.show(3, 7);
        EventQueue.invokeAndWait(() -> {
            UiContext context = navigation.context();
            assertNull(context.window());
            assertTrue(context.buffer().isEmpty());
            assertTrue(context.network().isEmpty());
        });
        navigation.detach();
        assertEquals(-1, navigation.focusedBuffer());
    }

    @Test
    void offeredOnceWithdrawnOnCloseAndNeverAgainAfterwards() {
        RecordingContext context = new RecordingContext();
        FrameNavigation navigation = new FrameNavigation();
        navigation.offer(context.proxy());
        navigation.offer(context.proxy());
        assertEquals(1, context.registered, "one registration however often it is offered");
        assertEquals(0, context.unregistered);
        navigation.close();
        assertEquals(1, context.unregistered);
        // A late offer (queued before the skin stopped) must not bring the service back.
        navigation.offer(context.proxy());
        assertEquals(1, context.registered);
        navigation.close();
        assertEquals(1, context.unregistered);
    }

    /** Just enough BundleContext to count what is registered through it. */
    private static final class RecordingContext {
        int registered;
        int unregistered;

        org.osgi.framework.BundleContext proxy() {
            return (org.osgi.framework.BundleContext) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] { org.osgi.framework.BundleContext.class },
                    (proxy, method, args) -> {
                        if (!method.getName().equals("registerService")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        assertEquals(UiNavigation.class, args[0]);
                        registered++;
                        return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] { org.osgi.framework.ServiceRegistration.class },
                                (registration, call, callArgs) -> {
                                    if (call.getName().equals("unregister")) {
                                        unregistered++;
                                        return null;
                                    }
                                    throw new UnsupportedOperationException(call.getName());
                                });
                    });
        }
    }
}
