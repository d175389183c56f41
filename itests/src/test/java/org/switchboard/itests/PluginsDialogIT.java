package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.itests.SwingProbe.find;
import static org.switchboard.itests.SwingProbe.first;
import static org.switchboard.itests.SwingProbe.onEventThread;
import static org.switchboard.itests.SwingProbe.visibleFrames;

import java.awt.Component;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.table.TableModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * The Plugins dialog on a real display (Xvfb in CI): opened from the default skin's Tools menu, it lists
 * the features and skins, stops and starts a feature, keeps the core out of reach, installs a jar picked in the file
 * chooser and shows a plugin's failures; starting the other skin from it swaps the UI, taking the dialog away with
 * the window it belongs to, and its thread with it; the compact skin offers the same dialog, and starting the default
 * skin from there swaps back.
 */
class PluginsDialogIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String JOIN = "org.switchboard.feature.join";
    private static final int NAME = 1;
    private static final int STATE = 4;
    private static final int FROM = 5;
    private static final int FAILURES = 6;
    private static final int PROBLEMS = 7;

    @TempDir
    Path work;

    @Test
    void theDialogManagesPluginsAndSurvivesTheSwapOfItsOwnSkin() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(),
                "this test needs a display: run the build under xvfb-run, as the README says");
        try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--nick", "dialog")) {
            ClientRuntime.await("the main window", () -> mainWindow().isPresent());
            Frame frame = mainWindow().orElseThrow();
            onEventThread(() -> {
                SwingProbe.menuItem(frame, "Plugins…").doClick();
                return null;
            });
            ClientRuntime.await("the Plugins dialog", () -> dialog().isPresent());
            JDialog dialog = dialog().orElseThrow();
            JTable table = (JTable) find(dialog, "plugins.table");
            ClientRuntime.await("feature.join listed as active", () -> "Active".equals(cell(table, JOIN, STATE)));
            assertEquals("bundle/", cell(table, JOIN, FROM));
            assertEquals(null, cell(table, "org.switchboard.session", STATE), "the core is hidden at first");
            assertTrue(cell(table, "org.switchboard.ui.compact", STATE) != null, "skins are listed");

            // Stop and start a feature from the dialog.
            select(table, JOIN);
            click(dialog, "plugins.stop");
            ClientRuntime.await("feature.join shown as stopped", () -> "Stopped".equals(cell(table, JOIN, STATE)));
            // The row can follow the bundle before the operation's outcome reaches the status line.
            ClientRuntime.await("the outcome in the status line", () -> status(dialog).equals("Stopped " + JOIN));
            assertFalse(client.hasCommand("join"));
            assertEquals(Bundle.RESOLVED, client.bundle(JOIN).getState());
            ClientRuntime.await("the buttons to follow", () -> enabled(dialog, "plugins.start")
                    && !enabled(dialog, "plugins.stop"));
            click(dialog, "plugins.start");
            ClientRuntime.await("feature.join shown as active again", () -> "Active".equals(cell(table, JOIN, STATE)));
            ClientRuntime.await("the start's outcome in the status line", () -> status(dialog).equals("Started " + JOIN));
            assertTrue(client.hasCommand("join"));

            // The core, once shown, cannot be stopped, updated or uninstalled from here.
            onEventThread(() -> {
                ((JCheckBox) find(dialog, "plugins.showCore")).doClick();
                return null;
            });
            ClientRuntime.await("the core to be listed", () -> cell(table, "org.switchboard.session", STATE) != null);
            select(table, "org.switchboard.session");
            ClientRuntime.await("the core's buttons", () -> !enabled(dialog, "plugins.stop")
                    && !enabled(dialog, "plugins.uninstall") && !enabled(dialog, "plugins.update"));
            assertEquals("Part of the client's core", onEventThread(() -> ((JButton) find(dialog, "plugins.stop"))
                    .getToolTipText()));

            // Install from a file picked in the file chooser; the plugin's failures show in its row.
            Path jar = TestBundles.jar(TestBundles.THROWING);
            SwingUtilities.invokeLater(() -> ((JButton) find(dialog, "plugins.install")).doClick());
            ClientRuntime.await("the file chooser", () -> fileChooser().isPresent());
            onEventThread(() -> {
                JFileChooser chooser = fileChooser().orElseThrow();
                chooser.setSelectedFile(jar.toFile());
                chooser.approveSelection();
                return null;
            });
            ClientRuntime.await("the installed thrower listed as active",
                    () -> "Active".equals(cell(table, TestBundles.THROWING, STATE)));
            assertEquals("plugins/", cell(table, TestBundles.THROWING, FROM));
            assertTrue(Files.exists(client.home().resolve("plugins").resolve(jar.getFileName())));
            client.awaitCommand("boom");
            client.input(null, "dialog", "/boom");
            ClientRuntime.await("the thrower's failure in its row", () -> String.valueOf(cell(table,
                    TestBundles.THROWING, PROBLEMS)).startsWith("/boom threw IllegalStateException: boom"));
            assertTrue((Long) cell(table, TestBundles.THROWING, FAILURES) >= 1);
            new PluginManagerClient(client).failing("install", TestBundles.jar(TestBundles.UNRESOLVABLE));
            ClientRuntime.await("the unresolvable bundle with its problem", () -> String.valueOf(cell(table,
                    TestBundles.UNRESOLVABLE, PROBLEMS)).contains("org.switchboard.test.nowhere"));
            onEventThread(() -> {
                ((JCheckBox) find(dialog, "plugins.showCore")).doClick();
                return null;
            });
            select(table, TestBundles.THROWING);
            screenshot(dialog);

            // Starting the other skin from this skin's dialog: a live swap that takes the dialog with the window.
            assertEquals(1, ClientRuntime.threadsNamed("switchboard-ui-plugins").size(), "the dialog reads on its thread");
            select(table, "org.switchboard.ui.compact");
            click(dialog, "plugins.start");
            ClientRuntime.await("the compact skin's window", () -> visibleFrames()
                    .anyMatch(f -> find(f, "compact.buffers") != null));
            ClientRuntime.await("the default window and its dialog to be gone", () -> mainWindow().isEmpty()
                    && dialog().isEmpty() && !onEventThread(dialog::isDisplayable));
            assertEquals(Bundle.ACTIVE, client.bundle("org.switchboard.ui.compact").getState());
            assertEquals(Bundle.RESOLVED, client.bundle("org.switchboard.ui.swing").getState());
            ClientRuntime.await("the dialog's thread to end",
                    () -> ClientRuntime.threadsNamed("switchboard-ui-plugins").isEmpty());

            // The dialog is no part of either skin: the compact one offers it too, and the way back starts there.
            Frame compact = visibleFrames().filter(f -> find(f, "compact.buffers") != null).findFirst().orElseThrow();
            ClientRuntime.await("the Plugins action in the compact skin", () -> onEventThread(
                    () -> compactAction(compact, "Plugins…") != null));
            onEventThread(() -> {
                compactAction(compact, "Plugins…").doClick();
                return null;
            });
            ClientRuntime.await("the Plugins dialog over the compact skin", () -> dialog().isPresent());
            JDialog again = dialog().orElseThrow();
            assertSame(compact, onEventThread(again::getOwner), "it belongs to the compact skin's window");
            JTable compactTable = (JTable) find(again, "plugins.table");
            ClientRuntime.await("the default skin listed as stopped",
                    () -> "Stopped".equals(cell(compactTable, "org.switchboard.ui.swing", STATE)));
            select(compactTable, "org.switchboard.ui.swing");
            click(again, "plugins.start");
            ClientRuntime.await("the default skin's window back", () -> mainWindow().isPresent());
            ClientRuntime.await("the compact window and the dialog to be gone", () -> dialog().isEmpty()
                    && visibleFrames().noneMatch(f -> find(f, "compact.buffers") != null));
            assertEquals(Bundle.RESOLVED, client.bundle("org.switchboard.ui.compact").getState());
            ClientRuntime.await("the dialog's thread to end again",
                    () -> ClientRuntime.threadsNamed("switchboard-ui-plugins").isEmpty());
        }
    }

    /** An item of the compact skin's actions popup, as it would open now, or null. Event thread. */
    private static JMenuItem compactAction(Frame compact, String label) {
        Component button = find(compact, "compact.actions");
        if (button == null || !button.isVisible()) {
            return null;
        }
        try {
            JPopupMenu popup = (JPopupMenu) button.getClass().getMethod("popup").invoke(button);
            for (Component item : popup.getComponents()) {
                if (item instanceof JMenuItem menuItem && label.equals(menuItem.getText())) {
                    return menuItem;
                }
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The default skin's window: the one with the buffer tree (the compact skin has none). */
    private static Optional<Frame> mainWindow() {
        return visibleFrames().filter(f -> onEventThread(() -> first(f, javax.swing.JTree.class) != null)).findFirst();
    }

    private static Optional<JDialog> dialog() {
        return onEventThread(() -> SwingProbe.window("plugins.dialog").map(JDialog.class::cast));
    }

    private static Optional<JFileChooser> fileChooser() {
        return onEventThread(() -> Arrays.stream(Window.getWindows()).filter(Window::isShowing)
                .map(w -> w instanceof JDialog d ? first(d, JFileChooser.class) : null)
                .filter(c -> c != null).findFirst());
    }

    /** The value of a column in the row of a symbolic name, or null when no row shows it. */
    private static Object cell(JTable table, String symbolicName, int column) {
        return onEventThread(() -> {
            TableModel model = table.getModel();
            for (int row = 0; row < model.getRowCount(); row++) {
                if (symbolicName.equals(model.getValueAt(row, NAME))) {
                    return model.getValueAt(row, column);
                }
            }
            return null;
        });
    }

    private static void select(JTable table, String symbolicName) {
        onEventThread(() -> {
            TableModel model = table.getModel();
            for (int row = 0; row < model.getRowCount(); row++) {
                if (symbolicName.equals(model.getValueAt(row, NAME))) {
                    table.setRowSelectionInterval(row, row);
                    return null;
                }
            }
            throw new AssertionError(symbolicName + " is not in the table");
        });
    }

    private static void click(JDialog dialog, String button) {
        onEventThread(() -> {
            JButton b = (JButton) find(dialog, button);
            assertTrue(b.isEnabled(), button + " is enabled");
            b.doClick();
            return null;
        });
    }

    private static boolean enabled(JDialog dialog, String button) {
        return onEventThread(() -> find(dialog, button).isEnabled());
    }

    private static String status(JDialog dialog) {
        return onEventThread(() -> ((JLabel) find(dialog, "plugins.status")).getText());
    }

    private static void screenshot(JDialog dialog) throws Exception {
        Thread.sleep(300); // let the last refresh paint
        Rectangle bounds = onEventThread(dialog::getBounds);
        BufferedImage image = new Robot().createScreenCapture(bounds);
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(image, "png", SCREENSHOTS.resolve("plugins-dialog.png").toFile());
        assertTrue(image.getWidth() > 400 && image.getHeight() > 200, "dialog size " + image.getWidth());
    }
}
