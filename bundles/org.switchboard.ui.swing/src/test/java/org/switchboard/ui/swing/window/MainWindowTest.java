package org.switchboard.ui.swing.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.SessionComponent;
import org.switchboard.session.command.CommandDispatcherComponent;
import org.switchboard.ui.swing.demo.DemoConnection;
import org.switchboard.ui.swing.update.ChangeTracker;

/** The window on the real session, on screen: these need a display (CI runs the build under xvfb-run). */
class MainWindowTest {

    private final IrcProtocolComponent protocol = new IrcProtocolComponent();
    private SessionComponent session;
    private DemoConnection connection;
    private final Map<String, DemoConnection> connections = new ConcurrentHashMap<>();
    private MainWindow window;
    private CommandDispatcherComponent dispatcher;

    @BeforeEach
    void setUp() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(), "a window needs a display; run the build under xvfb-run");
        session = new SessionComponent(protocol, 1000);
        connection = new DemoConnection("net", protocol, m -> { });
        connections.put("net", connection);
        session.bindConnection(connection);
        ChangeTracker changes = new ChangeTracker();
        session.bindListener(changes);
        feed(":irc.example 001 sam :Welcome");
        dispatcher = new CommandDispatcherComponent(session, protocol);
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(false);
            window = new MainWindow(new UiServices(session, dispatcher, protocol, n -> Optional.ofNullable(connections.get(n)),
                    Optional::empty, dark -> { }), changes, Runnable::run, () -> { }, false, null);
            window.frame().setSize(1000, 700);
            window.open();
            window.frame().validate();
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        if (window != null) {
            SwingUtilities.invokeAndWait(window::dispose);
        }
    }

    private void feed(String... lines) {
        for (String line : lines) {
            session.onMessage(connection, protocol.parse(line));
        }
    }

    @Test
    void aChannelJoinedWhileTheServerBufferIsShownGetsItsNickList() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            assertEquals(BufferType.SERVER, window.current().type());
            assertEquals(0, window.nickListWidth(), "no nick list for the server buffer");
        });
        feed(":sam!s@h JOIN #chan", ":irc.example 353 sam = #chan :sam @alice bob", ":irc.example 366 sam #chan :End");
        SwingUtilities.invokeAndWait(() -> {
            window.refresh();
            window.frame().validate();
            assertEquals("#chan", window.current().name(), "autojoin: the channel is shown");
            assertTrue(window.nickListWidth() >= 60, "nick list width " + window.nickListWidth());
        });
    }

    @Test
    void theNickListKeepsItsWidthAcrossTheServerBuffer() throws Exception {
        feed(":sam!s@h JOIN #chan", ":irc.example 353 sam = #chan :sam @alice bob", ":irc.example 366 sam #chan :End");
        int[] width = new int[1];
        SwingUtilities.invokeAndWait(() -> {
            window.refresh();
            window.frame().validate();
            width[0] = window.nickListWidth();
            assertTrue(width[0] >= 60, "nick list width " + width[0]);
            window.select(session.find("net", "net").orElseThrow().id());
            window.frame().validate();
            assertEquals(0, window.nickListWidth());
            window.select(session.find("net", "#chan").orElseThrow().id());
            window.frame().validate();
            assertEquals(width[0], window.nickListWidth(), "back at the width it had");
        });
    }

    @Test
    void aNetworkKnownOnlyByItsAddressShowsTheNameItsServerGives() throws Exception {
        DemoConnection byAddress = new DemoConnection("127.0.0.1", protocol, m -> { });
        connections.put("127.0.0.1", byAddress);
        session.bindConnection(byAddress);
        String isupport = ":irc.example 005 sam NETWORK=ExampleNet CHANTYPES=# :are supported by this server";
        byAddress.isupport().apply(protocol.parse(isupport));
        connection.isupport().apply(protocol.parse(":irc.example 005 sam NETWORK=OtherNet :are supported"));
        session.onMessage(byAddress, protocol.parse(":irc.example 001 sam :Welcome"));
        session.onMessage(byAddress, protocol.parse(isupport));
        SwingUtilities.invokeAndWait(() -> {
            window.refresh();
            assertEquals("ExampleNet", window.networkLabel("127.0.0.1"));
            assertEquals("net", window.networkLabel("net"), "a name the user gave stays");
            assertEquals("::1", window.networkLabel("::1"), "no connection, no other name");
            window.select(session.find("127.0.0.1", "127.0.0.1").orElseThrow().id());
            assertEquals("ExampleNet — Switchboard", window.frame().getTitle());
        });
    }

    @Test
    void theWindowMovesIntoTheFrameTheLauncherShowedInsteadOfOpeningAnother() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            javax.swing.JFrame early = new javax.swing.JFrame("Switchboard");
            early.setBounds(30, 40, 820, 560);
            early.setVisible(true);
            long showingBefore = java.util.Arrays.stream(java.awt.Frame.getFrames()).filter(java.awt.Frame::isShowing)
                    .count();
            CommandDispatcherComponent dispatcher = new CommandDispatcherComponent(session, protocol);
            MainWindow second = new MainWindow(new UiServices(session, dispatcher, protocol,
                    n -> Optional.ofNullable(connections.get(n)), Optional::empty, dark -> { }), new ChangeTracker(),
                    Runnable::run, () -> { }, false, null, early);
            try {
                second.open();
                assertTrue(second.frame() == early, "the same frame");
                assertEquals(showingBefore, java.util.Arrays.stream(java.awt.Frame.getFrames())
                        .filter(java.awt.Frame::isShowing).count(), "no second window");
                assertTrue(early.getJMenuBar() != null && early.getContentPane().getComponentCount() > 0,
                        "the frame got the window's contents");
                assertEquals(new java.awt.Rectangle(30, 40, 820, 560), early.getBounds(), "it stays where it was");
            } finally {
                second.dispose();
            }
            assertFalse(early.isDisplayable(), "disposed with the window");
        });
    }

    @Test
    void theLinkStatusShowsTheCurrentNetworksLagAndFollowsIt() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            window.refresh();
            assertEquals("lag 42 ms", window.linkStatus());
        });
        connection.reportLag(2_540);
        SwingUtilities.invokeAndWait(() -> {
            window.refresh();
            assertEquals("lag 2.5 s", window.linkStatus());
        });
    }

    @Test
    void aLinkThatIsNotUpSaysWhatItIsDoing() {
        assertEquals("", MainWindow.linkStatusText(org.switchboard.api.connection.ConnectionState.CONNECTED, -1),
                "no probe answered yet");
        assertEquals("reconnecting…", MainWindow.linkStatusText(
                org.switchboard.api.connection.ConnectionState.WAITING_TO_RECONNECT, 120));
        assertEquals("not connected", MainWindow.linkStatusText(
                org.switchboard.api.connection.ConnectionState.DISCONNECTED, -1));
    }

    @Test
    void theReadMarkerGoesAboveWhatCameWhileTheUserLookedElsewhere() throws Exception {
        feed(":sam!s@h JOIN #chan", ":irc.example 353 sam = #chan :sam @alice", ":irc.example 366 sam #chan :End",
                ":alice!a@h PRIVMSG #chan :seen before");
        long[] seenUpTo = new long[1];
        SwingUtilities.invokeAndWait(() -> {
            window.refresh();
            Buffer channel = session.find("net", "#chan").orElseThrow();
            window.select(channel.id());
            seenUpTo[0] = channel.endLine();
            window.select(session.find("net", "net").orElseThrow().id());
        });
        feed(":alice!a@h PRIVMSG #chan :while you were away", ":bob!b@h JOIN #chan");
        SwingUtilities.invokeAndWait(() -> {
            window.refresh();
            window.select(session.find("net", "#chan").orElseThrow().id());
            assertEquals(seenUpTo[0], window.readMarker(), "above the first line that came meanwhile");
            window.select(session.find("net", "net").orElseThrow().id());
            window.select(session.find("net", "#chan").orElseThrow().id());
            assertEquals(-1, window.readMarker(), "nothing new since the last look: no marker");
        });
    }

    @Test
    void altAGoesToAHighlightFirstThenToUnreadLines() throws Exception {
        feed(":sam!s@h JOIN #one", ":sam!s@h JOIN #two", ":sam!s@h JOIN #three");
        SwingUtilities.invokeAndWait(() -> {
            window.refresh();
            window.select(session.find("net", "net").orElseThrow().id());
        });
        feed(":alice!a@h PRIVMSG #one :chatter", ":bob!b@h PRIVMSG #three :sam: are you there?");
        SwingUtilities.invokeAndWait(() -> {
            window.refresh();
            window.nextWithActivity();
            assertEquals("#three", window.current().name(), "the highlight first");
            window.nextWithActivity();
            assertEquals("#one", window.current().name(), "then the unread lines");
            window.nextWithActivity();
            assertEquals("#one", window.current().name(), "all read: it stays");
        });
    }

    @Test
    void aDoubleClickedTopicIsSetWithTopicOnEnterAndPutBackOnEscape() throws Exception {
        List<String> typed = new java.util.ArrayList<>();
        dispatcher.bindHandler(invocation -> typed.add(invocation.arguments()),
                Map.of(org.switchboard.api.command.CommandHandler.NAME_PROPERTY, "topic"));
        feed(":sam!s@h JOIN #chan", ":irc.example 332 sam #chan :old topic",
                ":irc.example 353 sam = #chan :sam", ":irc.example 366 sam #chan :End");
        SwingUtilities.invokeAndWait(() -> {
            window.refresh();
            window.select(session.find("net", "#chan").orElseThrow().id());
            assertEquals("old topic", window.topicField().getText());
            window.editTopic();
            window.topicField().setText("#1 place for news");
            window.finishTopicEdit(true);
            assertFalse(window.topicField().isEditable());

            window.editTopic();
            window.topicField().setText("never mind");
            window.finishTopicEdit(false);
            assertEquals("old topic", window.topicField().getText(), "Escape puts it back");
        });
        assertEquals(List.of("#chan #1 place for news"), typed, "sent once, with the channel named");
    }
}
