package org.switchboard.feature.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.api.ui.UiContext;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.testfakes.FakeBuffer;
import org.switchboard.testfakes.FakeSession;

/** The component's life cycle: its thread, what it ignores, and the mute action stored in its configuration. */
class HighlightNotificationsTest {

    private final FakeSession session = new FakeSession();
    private final FakeBuffer channel = session.add("libera", "#java", BufferType.CHANNEL);
    private final HighlightNotifications component = new HighlightNotifications(session, new IrcProtocolComponent(),
            config(new String[0]));

    static HighlightNotifications.Config config(String[] muted) {
        return new HighlightNotifications.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HighlightNotifications.Config.class;
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public boolean quietWhenAway() {
                return true;
            }

            @Override
            public String[] mutedNetworks() {
                return muted;
            }

            @Override
            public int intervalSeconds() {
                return 5;
            }
        };
    }

    @AfterEach
    void stop() {
        component.deactivate();
    }

    private static List<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(HighlightNotifications.THREAD_NAME) && t.isAlive()).toList();
    }

    @Test
    void onlyHighlightsWakeTheThreadAndStoppingEndsIt() throws InterruptedException {
        component.sessionChanged(new SessionEvent(SessionEvent.Type.LINES_ADDED, channel.id()));
        component.sessionChanged(new SessionEvent(SessionEvent.Type.ACTIVITY_CHANGED, channel.id()));
        assertEquals(List.of(), workers(), "other events are ignored on the caller's thread");

        long line = channel.highlight("ann", "me: hi");
        component.sessionChanged(new SessionEvent(SessionEvent.Type.HIGHLIGHT, channel.id(), line));
        List<Thread> started = workers();
        assertEquals(1, started.size());

        component.deactivate();
        started.get(0).join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(started.get(0).isAlive(), "the notification thread ends with the component");
        component.sessionChanged(new SessionEvent(SessionEvent.Type.HIGHLIGHT, channel.id(), line));
        assertEquals(List.of(), workers(), "a late event after stopping starts nothing");
    }

    @Test
    void theMenuActionMutesAndUnmutesTheNetworkOnDisplay() throws InterruptedException {
        UiContext inChannel = UiContext.of(null, channel);
        UiContext nowhere = UiContext.of(null, null);
        assertEquals("Mute notifications from libera", component.label(inChannel));
        assertFalse(component.enabled(inChannel), "not without Configuration Admin");
        assertFalse(component.enabled(nowhere));

        BlockingQueue<Dictionary<String, Object>> stored = new ArrayBlockingQueue<>(4);
        Dictionary<String, Object> current = new Hashtable<>();
        Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Configuration.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> current.isEmpty() ? null : current;
                    case "update" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> properties = (Dictionary<String, Object>) args[0];
                        stored.add(properties);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ConfigurationAdmin admin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ConfigurationAdmin.class }, (proxy, method, args) -> {
                    assertEquals("getConfiguration", method.getName());
                    assertEquals(HighlightNotifications.PID, args[0]);
                    return configuration;
                });
        setAdmin(admin);
        assertTrue(component.enabled(inChannel));
        component.perform(inChannel);
        Dictionary<String, Object> muted = stored.poll(5, TimeUnit.SECONDS);
        assertArrayEquals(new String[] { "libera" }, (String[]) muted.get("mutedNetworks"));

        component.modified(config(new String[] { "libera" }));
        assertEquals("Unmute notifications from libera", component.label(inChannel));
        component.perform(inChannel);
        assertArrayEquals(new String[0], (String[]) stored.poll(5, TimeUnit.SECONDS).get("mutedNetworks"));
    }

    private void setAdmin(ConfigurationAdmin admin) {
        try {
            java.lang.reflect.Field field = HighlightNotifications.class.getDeclaredField("configurationAdmin");
            field.setAccessible(true);
            field.set(component, admin);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
