package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTextField;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testsupport.InspircdServer;
import org.switchboard.testsupport.NgircdServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * /list against real servers. With the window: the replies fill the channel list dialog (and stay out of the
 * server buffer), the table shows plain text, filters, and a double-click joins. Headless: the answer is text in the
 * server buffer, and InspIRCd's ELIST filters by user count on the server.
 */
class ChannelListIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int CHANNELS = 40;

    @TempDir
    Path work;

    @Test
    void listFillsTheDialogAndADoubleClickJoins() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(),
                "this test needs a display: run the build under xvfb-run, as the README says");
        try (NgircdServer server = NgircdServer.startDefault();
                TestIrcClient peer = TestIrcClient.connect(server.host(), server.port(), "lister");
                TestIrcClient second = TestIrcClient.connect(server.host(), server.port(), "second");
                TestIrcClient other = TestIrcClient.connect(server.host(), server.port(), "other")) {
            // Few commands per client: ngIRCd slows down a client that sends many (its PENALTY).
            joinAll(peer, 0, CHANNELS / 2, "#target");
            joinAll(second, CHANNELS / 2, CHANNELS, "#chan3");
            joinAll(other, 5, 6, "#chan3");
            peer.send("TOPIC #chan7 :\u0002Bold\u0002 \u000304red\u0003 <html><b>not html</b>");
            peer.send("TOPIC #chan1 :Channel number 1");
            peer.awaitLine(line -> line.contains(" TOPIC #chan1 "));
            try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--nick", "lookup",
                    "irc://127.0.0.1:" + server.port() + "/#lobby")) {
                String network = client.awaitConnected();
                client.awaitLine(network, "#lobby", line -> line.contains("lookup"), "the own join");
                ClientRuntime.await("the Channel list action in the menu bar", () -> SwingProbe.onEventThread(
                        () -> SwingProbe.mainFrame().map(SwingProbe::menuItems).orElse(List.of())
                                .contains("Tools/Channel list\u2026")));

                client.input(network, network, "/list");
                // ngIRCd lists its own &SERVER channel too, and #lobby: the client is in it.
                int expected = CHANNELS + 3;
                ClientRuntime.await("the dialog to list " + expected + " channels", () -> SwingProbe.onEventThread(
                        () -> SwingProbe.window("channels.dialog").map(d -> table(d).getModel().getRowCount())
                                .orElse(0) == expected));
                ClientRuntime.await("the list to be complete", () -> SwingProbe.onEventThread(
                        () -> status().equals(expected + " channels")));

                Window dialog = SwingProbe.onEventThread(() -> SwingProbe.window("channels.dialog").orElseThrow());
                List<String> rows = SwingProbe.onEventThread(() -> shownRows(table(dialog)));
                assertEquals(List.of("#chan3 3 ", "#chan5 2 "), rows.subList(0, 2),
                        "sorted by users, most first, then by name");
                assertTrue(rows.contains("#chan7 1 Bold red <html><b>not html</b>"),
                        "formatting stripped, markup kept as text: " + rows);
                String rendered = SwingProbe.onEventThread(() -> renderedHtmlDisabled(table(dialog)));
                assertEquals("true", rendered, "cells are rendered as plain text");
                List<String> serverBuffer = client.lines(network, network);
                assertTrue(serverBuffer.stream().noneMatch(line -> line.contains("Channel number")
                        || line.startsWith("#chan")), "the replies did not also go to the server buffer");

                Thread.sleep(300); // let the table paint what arrived last
                Files.createDirectories(SCREENSHOTS);
                BufferedImage image = new Robot().createScreenCapture(SwingProbe.onEventThread(dialog::getBounds));
                ImageIO.write(image, "png", SCREENSHOTS.resolve("channel-list.png").toFile());

                SwingProbe.onEventThread(() -> {
                    ((JTextField) SwingProbe.find(dialog, "channels.filter")).setText("chan1");
                    return null;
                });
                ClientRuntime.await("the filter to leave #chan1 and #chan10 to #chan19",
                        () -> SwingProbe.onEventThread(() -> table(dialog).getRowCount() == 11));
                SwingProbe.onEventThread(() -> {
                    ((JTextField) SwingProbe.find(dialog, "channels.filter")).setText("#tar*");
                    return null;
                });
                ClientRuntime.await("the mask to leave #target", () -> SwingProbe.onEventThread(
                        () -> table(dialog).getRowCount() == 1));

                Point target = SwingProbe.onEventThread(() -> {
                    JTable table = table(dialog);
                    Rectangle cell = table.getCellRect(0, 0, true);
                    Point onScreen = table.getLocationOnScreen();
                    return new Point(onScreen.x + cell.x + cell.width / 2, onScreen.y + cell.y + cell.height / 2);
                });
                Robot robot = new Robot();
                robot.setAutoDelay(30);
                robot.mouseMove(target.x, target.y);
                for (int click = 0; click < 2; click++) {
                    robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
                    robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
                }
                peer.awaitJoin("lookup", "#target");

                client.bundle("org.switchboard.feature.join").stop();
                ClientRuntime.await("the dialog to close with its bundle", () -> SwingProbe.onEventThread(
                        () -> SwingProbe.window("channels.dialog").isEmpty()));
                ClientRuntime.await("the action to leave the menu", () -> SwingProbe.onEventThread(
                        () -> !SwingProbe.mainFrame().map(SwingProbe::menuItems).orElse(List.of())
                                .contains("Tools/Channel list\u2026")));
            }
        }
    }

    @Test
    void headlessTheServerFiltersByUsersAndTheAnswerIsShownInTheServerBuffer() throws Exception {
        try (InspircdServer server = InspircdServer.startDefault();
                TestIrcClient ann = TestIrcClient.connect(server.host(), server.port(), "ann");
                TestIrcClient ben = TestIrcClient.connect(server.host(), server.port(), "ben")) {
            ann.join("#solo").join("#busy");
            ben.join("#busy");
            try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "counter",
                    "irc://127.0.0.1:" + server.port())) {
                String network = client.awaitConnected();
                client.input(network, network, "/list >1");
                client.awaitLine(network, network, line -> line.startsWith("#busy 2"), "the busy channel");
                client.awaitLine(network, network, line -> line.contains("End of channel list"), "the end of the list");
                List<String> lines = client.lines(network, network);
                assertTrue(lines.stream().noneMatch(line -> line.startsWith("#solo")),
                        "ELIST U: the server left out the channel with one user: " + lines);
                assertTrue(lines.stream().anyMatch(line -> line.contains("server buffer")),
                        "the user is told where the answer goes: " + lines);
            }
        }
    }

    /** One JOIN for #chan{from} to #chan{to - 1} and the extra channel, waiting for the server to confirm them. */
    private static void joinAll(TestIrcClient client, int from, int to, String extra) {
        List<String> channels = new ArrayList<>();
        for (int i = from; i < to; i++) {
            channels.add("#chan" + i);
        }
        channels.add(extra);
        client.send("JOIN " + String.join(",", channels));
        client.awaitLine(line -> TestIrcClient.numeric(line).equals("366") && line.contains(" " + extra + " "));
    }

    private static JTable table(Window dialog) {
        return (JTable) SwingProbe.find(dialog, "channels.table");
    }

    private static String status() {
        return SwingProbe.window("channels.dialog")
                .map(d -> ((JLabel) SwingProbe.find(d, "channels.status")).getText()).orElse("");
    }

    /** The rows as shown (sorted, filtered): "name users topic". */
    private static List<String> shownRows(JTable table) {
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < table.getRowCount(); row++) {
            rows.add(table.getValueAt(row, 0) + " " + table.getValueAt(row, 1) + " " + table.getValueAt(row, 2));
        }
        return rows;
    }

    private static String renderedHtmlDisabled(JTable table) {
        java.awt.Component cell = table.prepareRenderer(table.getCellRenderer(0, 2), 0, 2);
        return String.valueOf(((javax.swing.JComponent) cell).getClientProperty("html.disable"));
    }
}
