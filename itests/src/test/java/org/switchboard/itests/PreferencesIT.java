package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testsupport.ScriptedIrcServer;

/**
 * The Preferences dialog of the default skin edits the session's settings through Configuration Admin, and the
 * running session applies them: a highlight word typed into the dialog highlights the next line that contains it,
 * with no restart and nothing sent to the server.
 */
class PreferencesIT {

    private static final Duration LONG = Duration.ofSeconds(20);

    @TempDir
    Path work;

    @Test
    void aHighlightWordSavedInTheDialogHighlightsTheNextLine() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(), "this test needs a display: run the build under xvfb-run");
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--nick", "pref",
                        "irc://127.0.0.1:" + server.port() + "/#lobby")) {
            ScriptedIrcServer.Peer peer = server.awaitPeer(LONG);
            peer.awaitLine(line -> line.startsWith("USER "), LONG);
            peer.welcome("pref", "CHANTYPES=#", "PREFIX=(ov)@+");
            String network = client.awaitConnected();
            peer.awaitLine(line -> line.startsWith("JOIN #lobby"), LONG);
            peer.sendAll(":pref!u@h JOIN #lobby", ":" + ScriptedIrcServer.SERVER_NAME + " 353 pref = #lobby :pref peer",
                    ":" + ScriptedIrcServer.SERVER_NAME + " 366 pref #lobby :End of /NAMES list.");
            peer.send(":peer!p@h PRIVMSG #lobby :the deploy starts soon");
            client.awaitLine(network, "#lobby", "the deploy starts soon"::equals, "a line before the setting");
            assertFalse(highlighted(client, network, "the deploy starts soon"), "no highlight word yet");

            ClientRuntime.await("the main window", () -> mainWindow().isPresent());
            Frame frame = mainWindow().orElseThrow();
            onEventThread(() -> menuItem(frame, "Preferences…").doClick());
            ClientRuntime.await("the Preferences dialog, loaded", () -> {
                Window dialog = dialogNamed("preferences");
                return dialog != null && onEventThread(() -> find(dialog, "preferences.save", AbstractButton.class)
                        .isEnabled());
            });
            Window dialog = dialogNamed("preferences");
            onEventThread(() -> {
                find(dialog, "preferences.highlightWords", JTextComponent.class).setText("Deploy, release\n\nrelease");
                find(dialog, "preferences.save", AbstractButton.class).doClick();
            });
            ClientRuntime.await("the dialog to report the settings saved",
                    () -> onEventThread(() -> labels(dialog).contains("Saved")));
            assertEquals("Deploy\nrelease",
                    onEventThread(() -> find(dialog, "preferences.highlightWords", JTextComponent.class).getText()),
                    "the dialog shows what was stored: blanks and repeats dropped");

            // The session takes the words from its configuration at once: a later line with one is highlighted.
            ClientRuntime.await("the session to apply the new highlight words", () -> {
                try {
                    peer.send(":peer!p@h PRIVMSG #lobby :deploy is done");
                    Thread.sleep(100);
                    return highlighted(client, network, "deploy is done");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            });
            assertFalse(highlighted(client, network, "the deploy starts soon"), "earlier lines keep their flags");
            onEventThread(dialog::dispose);
            assertTrue(peer.received().stream().noneMatch(line -> line.contains("deploy") || line.contains("release")),
                    "nothing about the settings went to the server: " + peer.received());
        }
    }

    /** True when some line of the buffer with exactly this text carries the highlight flag. */
    private static boolean highlighted(ClientRuntime client, String network, String text) throws InterruptedException {
        Object session = client.service(ClientRuntime.SESSION, null);
        Optional<?> buffer = (Optional<?>) client.call(session, ClientRuntime.SESSION, "find", network, "#lobby");
        assertTrue(buffer.isPresent());
        String bufferType = "org.switchboard.api.session.Buffer";
        long first = (Long) client.call(buffer.get(), bufferType, "firstLine");
        long end = (Long) client.call(buffer.get(), bufferType, "endLine");
        List<?> lines = (List<?>) client.call(buffer.get(), bufferType, "lines", first, end);
        int highlightFlag = client.lineFlag("HIGHLIGHT");
        return lines.stream().anyMatch(line -> text.equals(ClientRuntime.get(line, "text"))
                && ((Integer) ClientRuntime.get(line, "flags") & highlightFlag) != 0);
    }

    private static Optional<Frame> mainWindow() {
        return Arrays.stream(Frame.getFrames())
                .filter(f -> f.isDisplayable() && f.isVisible() && f.getTitle().contains("Switchboard")).findFirst();
    }

    private static Window dialogNamed(String name) {
        return Arrays.stream(Window.getWindows()).filter(w -> w.isShowing() && name.equals(w.getName())).findFirst()
                .orElse(null);
    }

    private static JMenuItem menuItem(Frame frame, String text) {
        JMenuBar bar = ((javax.swing.JFrame) frame).getJMenuBar();
        for (int i = 0; i < bar.getMenuCount(); i++) {
            for (Component item : bar.getMenu(i).getMenuComponents()) {
                if (item instanceof JMenuItem menuItem && text.equals(menuItem.getText())) {
                    return menuItem;
                }
            }
        }
        throw new AssertionError("no menu item " + text);
    }

    private static <T extends Component> T find(Container container, String name, Class<T> type) {
        T found = search(container, c -> name.equals(c.getName()) && type.isInstance(c), type);
        assertNotNull(found, "no " + type.getSimpleName() + " named " + name);
        return found;
    }

    private static List<String> labels(Container container) {
        List<String> texts = new java.util.ArrayList<>();
        search(container, c -> {
            if (c instanceof JLabel label) {
                texts.add(label.getText());
            }
            return false;
        }, JLabel.class);
        return texts;
    }

    private static <T extends Component> T search(Container container, Predicate<Component> wanted, Class<T> type) {
        for (Component child : container.getComponents()) {
            if (wanted.test(child)) {
                return type.cast(child);
            }
            if (child instanceof Container inner) {
                T found = search(inner, wanted, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void onEventThread(Runnable action) throws Exception {
        SwingUtilities.invokeAndWait(action);
    }

    private static <T> T onEventThread(java.util.concurrent.Callable<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(action.call());
                } catch (Exception e) {
                    failure.set(e);
                }
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }
}
