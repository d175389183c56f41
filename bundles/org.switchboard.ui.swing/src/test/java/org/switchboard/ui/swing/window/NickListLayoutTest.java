package org.switchboard.ui.swing.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.SessionComponent;
import org.switchboard.session.command.CommandDispatcherComponent;
import org.switchboard.ui.swing.demo.DemoConnection;
import org.switchboard.ui.swing.update.ChangeTracker;

/**
 * The nick list beside the chat: hidden for the server buffer, back at its width for a channel — also when the
 * window opened on the server buffer, as it does before an autojoin completes. Needs a display (Xvfb in CI).
 */
class NickListLayoutTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();
    private SessionComponent session;
    private MainWindow window;

    @BeforeEach
    void setUp() throws Exception {
        session = new SessionComponent(protocol, 1000);
        ChangeTracker tracker = new ChangeTracker();
        session.bindListener(tracker);
        DemoConnection connection = new DemoConnection("net", protocol, m -> { });
        session.bindConnection(connection);
        session.onMessage(connection, protocol.parse(":irc.example 001 sam :Welcome"));
        CommandDispatcherComponent dispatcher = new CommandDispatcherComponent(session, protocol);
        SwingUtilities.invokeAndWait(() -> {
            UiServices services = new UiServices(session, dispatcher, protocol, network -> Optional.of(connection),
                    Optional::empty, dark -> { });
            window = new MainWindow(services, tracker, Runnable::run, () -> { }, false, null);
            window.frame().setSize(1000, 600);
            window.open();
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        SwingUtilities.invokeAndWait(() -> window.dispose());
    }

    @Test
    void theNickListComesBackAtItsWidthAfterTheServerBuffer() throws Exception {
        Buffer server = session.find("net", "net").orElseThrow();
        onEventThread(() -> window.select(server.id()));
        JScrollPane nickScroll = nickScroll();
        assertFalse(onEventThread(nickScroll::isShowing), "no nick list beside the server buffer");

        DemoConnection connection = new DemoConnection("net", protocol, m -> { });
        session.onMessage(connection, protocol.parse(":sam!u@h JOIN #chan"));
        session.onMessage(connection, protocol.parse(":irc.example 353 sam = #chan :sam @alice +bob carol"));
        session.onMessage(connection, protocol.parse(":irc.example 366 sam #chan :End of /NAMES list."));
        Buffer channel = session.find("net", "#chan").orElseThrow();
        onEventThread(() -> {
            window.refresh();
            window.select(channel.id());
        });
        settleLayout();

        assertTrue(onEventThread(nickScroll::isShowing), "the nick list is shown for the channel");
        int width = onEventThread(nickScroll::getWidth);
        assertTrue(width >= WindowState.DEFAULT_NICK_LIST_WIDTH - 10,
                "the nick list has its width back, not collapsed: " + width + " px");
        JList<?> list = (JList<?>) nickScroll.getViewport().getView();
        assertEquals(4, onEventThread(() -> list.getModel().getSize()));

        // And back and forth once more, with the list at a width the user chose.
        onEventThread(() -> window.select(server.id()));
        settleLayout();
        onEventThread(() -> window.select(channel.id()));
        settleLayout();
        assertEquals(width, onEventThread(nickScroll::getWidth), "the width survives a round trip");
    }

    private JScrollPane nickScroll() throws Exception {
        return onEventThread(() -> findNickScroll(window.frame().getContentPane()));
    }

    private static JScrollPane findNickScroll(Container container) {
        for (Component child : container.getComponents()) {
            if (child instanceof JScrollPane scroll && scroll.getViewport().getView() instanceof NickList) {
                return scroll;
            }
            if (child instanceof Container inner) {
                JScrollPane found = findNickScroll(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void settleLayout() throws Exception {
        onEventThread(() -> {
            window.frame().validate();
            return null;
        });
        // Split panes finish their layout in a later event; let it run.
        onEventThread(() -> null);
    }

    private static void onEventThread(Runnable action) throws Exception {
        SwingUtilities.invokeAndWait(action);
    }

    private static <T> T onEventThread(java.util.concurrent.Callable<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(action.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
