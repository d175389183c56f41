package org.switchboard.launcher;

import java.awt.AWTError;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.AttributedString;

import javax.swing.JCheckBoxMenuItem;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JRootPane;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.UIManager;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

/**
 * Gets AWT, the look and feel and the font machinery going while the framework boots. Opening the first
 * window otherwise pays for all of it after the UI bundle has started: connecting to the display, reading
 * FlatLaf's theme files, fontconfig, and the static set-up of every Swing class the window uses. Here that
 * work overlaps with bundle installation and resolution, which run on the main thread.
 *
 * <p>Only the look and feel stays installed (the UI bundle keeps it when it asks for the same theme); the
 * components built here are thrown away without ever getting a native window.
 */
final class UiWarmUp {

    private UiWarmUp() {
    }

    /**
     * Starts the warm-up in the background unless there is no display; with a {@code startupFrame}, it is shown as
     * soon as the look and feel is installed. Never fails.
     */
    static void start(ProfileDirectories profile, StartupFrame startupFrame, DisplayCheck display) {
        Thread thread = new Thread(() -> run(profile, startupFrame, display), "switchboard-ui-warmup");
        thread.setDaemon(true);
        // The main thread's framework start is on the critical path too; both should get a core.
        thread.start();
    }

    private static void run(ProfileDirectories profile, StartupFrame startupFrame, DisplayCheck display) {
        // The process's first logger sets up the logging back end; the UI bundle's components would otherwise
        // pay for that on the framework's start-level thread, on the way to the window.
        System.Logger log = System.getLogger(UiWarmUp.class.getName());
        try {
            if (GraphicsEnvironment.isHeadless()) {
                String named = System.getenv("DISPLAY");
                display.unusable(named == null || named.isBlank() ? "there is no display (DISPLAY is not set)."
                        : "Java runs headless here (java.awt.headless=true), so no window can open on " + named + ".");
                return;
            }
            boolean dark = darkThemeChosen(profile);
            try {
                Toolkit.getDefaultToolkit();
            } catch (AWTError | LinkageError e) {
                // AWTError: DISPLAY names a display that cannot be reached (or refused the connection);
                // LinkageError: the toolkit's native libraries are missing.
                log.log(Level.DEBUG, "The toolkit did not start", e);
                display.unusable(sentence(e.getMessage() != null ? e.getMessage() : e.toString()));
                return;
            }
            display.usable();
            WindowIcons.nameApplication(Toolkit.getDefaultToolkit());
            WindowIcons.install();
            EventQueue.invokeLater(() -> {
                if (startupFrame != null) {
                    startupFrame.show(dark);
                }
                installLookAndFeel(dark);
            });
            EventQueue.invokeLater(UiWarmUp::buildAndDiscard);
        } catch (RuntimeException | LinkageError e) {
            // Past the toolkit's start this is purely an optimisation: the UI bundle does it all itself.
            log.log(Level.DEBUG, "UI warm-up skipped", e);
        } finally {
            // Whatever happened, the launcher must not wait for a verdict that never comes.
            display.usable();
        }
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    /**
     * The theme the UI bundle will ask for, read from its Configuration Admin file so that the look and feel is
     * installed only once. A wrong guess costs a second installation, nothing more.
     */
    static boolean darkThemeChosen(ProfileDirectories profile) {
        Path file = profile.config().resolve("configadmin/org/switchboard/ui/swing.config");
        try {
            return Files.isRegularFile(file)
                    && Files.readString(file, StandardCharsets.ISO_8859_1).replace(" ", "").contains("theme=\"dark\"");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void installLookAndFeel(boolean dark) {
        try {
            if (!(UIManager.getLookAndFeel() instanceof FlatLaf)) {
                if (dark) {
                    FlatDarkLaf.setup();
                } else {
                    FlatLightLaf.setup();
                }
            }
        } catch (RuntimeException | LinkageError e) {
            System.getLogger(UiWarmUp.class.getName()).log(Level.DEBUG, "No look and feel installed early", e);
        }
    }

    private static void buildAndDiscard() {
        try {
            JTree tree = new JTree();
            JList<String> list = new JList<>(new String[] { "@op", "+voice", "user" });
            JTextField field = new JTextField("warm-up");
            field.putClientProperty("JTextField.placeholderText", "warm-up");
            JPanel centre = new JPanel(new java.awt.BorderLayout());
            centre.add(field, java.awt.BorderLayout.NORTH);
            centre.add(new JScrollBar(JScrollBar.VERTICAL), java.awt.BorderLayout.EAST);
            centre.add(new JLabel("warm-up"), java.awt.BorderLayout.SOUTH);
            JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(tree),
                    new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, centre, new JScrollPane(list)));
            JRootPane root = new JRootPane();
            JMenuBar bar = new JMenuBar();
            JMenu menu = new JMenu("warm-up");
            menu.add(new JMenuItem("warm-up"));
            menu.add(new JCheckBoxMenuItem("warm-up"));
            bar.add(menu);
            root.setJMenuBar(bar);
            root.getContentPane().add(split);
            root.setSize(900, 600);
            root.doLayout();
            split.doLayout();
            BufferedImage image = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                root.paint(g);
                // The chat view lays its lines out with TextLayout: load the text layout engine too.
                Font font = UIManager.getFont("defaultFont");
                AttributedString text = new AttributedString("warm-up <nick> https://example.org ünïcödé");
                text.addAttribute(TextAttribute.FONT, font == null ? new Font(Font.DIALOG, Font.PLAIN, 13) : font);
                LineBreakMeasurer measurer = new LineBreakMeasurer(text.getIterator(), g.getFontRenderContext());
                measurer.nextLayout(200).draw(g, 0, 20);
            } finally {
                g.dispose();
            }
        } catch (RuntimeException | LinkageError e) {
            System.getLogger(UiWarmUp.class.getName()).log(Level.DEBUG, "UI warm-up stopped early", e);
        }
    }
}
