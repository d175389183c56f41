package org.switchboard.feature.join;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.switchboard.api.connection.IrcMessageListener;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.ui.UiContext;
import org.switchboard.api.ui.UiNavigation;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.testfakes.FakeDispatcher;
import org.switchboard.testfakes.FakeSession;

/** The reply listener and its claim exist only while a skin runs; the menu action types /list where the user is. */
class ChannelListsTest {

    private final List<Dictionary<String, ?>> registered = new ArrayList<>();
    private final List<String> unregistered = new ArrayList<>();
    private final FakeDispatcher dispatcher = new FakeDispatcher();
    private final ChannelLists lists = new ChannelLists(new IrcProtocolComponent(), dispatcher, context());
    private final UiNavigation skin = (UiNavigation) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { UiNavigation.class }, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    private BundleContext context() {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { ServiceRegistration.class }, (proxy, method, args) -> {
                    assertEquals("unregister", method.getName());
                    unregistered.add("replies");
                    return null;
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> {
                    assertEquals("registerService", method.getName());
                    assertEquals(IrcMessageListener.class, args[0]);
                    assertTrue(args[1] instanceof ListReplies);
                    @SuppressWarnings("unchecked")
                    Dictionary<String, ?> properties = (Dictionary<String, ?>) args[2];
                    registered.add(properties);
                    return registration;
                });
    }

    @AfterEach
    void stop() {
        lists.deactivate();
    }

    @Test
    void repliesAreClaimedWhileASkinRunsAndReleasedWhenItGoes() {
        assertFalse(lists.showsDialogs());
        lists.bindNavigation(skin);
        assertTrue(lists.showsDialogs());
        assertEquals(1, registered.size());
        assertArrayEquals(new String[] { "321", "322", "323", "263", "001" },
                (String[]) registered.get(0).get(IrcMessageListener.COMMAND_PROPERTY));
        assertArrayEquals(new String[] { "321", "322", "323" },
                (String[]) registered.get(0).get(IrcMessageListener.CLAIMS_PROPERTY));

        lists.unbindNavigation(skin);
        assertFalse(lists.showsDialogs());
        assertEquals(List.of("replies"), unregistered);
        lists.bindNavigation(skin);
        assertEquals(2, registered.size(), "a skin started again brings the listener back");
        lists.deactivate();
        assertEquals(List.of("replies", "replies"), unregistered, "stopping the bundle withdraws it");
    }

    @Test
    void theMenuActionTypesListInTheBufferOnDisplay() throws InterruptedException {
        FakeSession session = new FakeSession();
        UiContext inChannel = UiContext.of(null, session.add("libera", "#java", BufferType.CHANNEL));
        UiContext nowhere = UiContext.of(null, null);
        assertEquals("Channel list\u2026", lists.label(inChannel));
        assertTrue(lists.enabled(inChannel));
        assertFalse(lists.enabled(nowhere), "no buffer, no network to list");
        lists.perform(inChannel);
        assertEquals("libera/#java: /list", dispatcher.executed.poll(5, TimeUnit.SECONDS));
        lists.perform(nowhere);
        assertEquals(null, dispatcher.executed.poll(200, TimeUnit.MILLISECONDS));
    }
}
