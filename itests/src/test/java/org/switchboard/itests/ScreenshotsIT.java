package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JFrame;
import javax.swing.JList;
import javax.swing.JMenuBar;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testsupport.InspircdServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * Screenshots of the main window in the light and the dark theme, on a busy channel of a real InspIRCd: two dozen
 * users with ops and voices, a formatted topic, colours, actions, links, a highlight and non-Latin text. The PNGs
 * go to {@code itests/target/screenshots/}; look at them after a UI change. The test checks what can be checked
 * without eyes: the channel and its members are on screen, and the dark theme really is dark.
 */
class ScreenshotsIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHANNEL = "#switchboard";
    private static final int PEERS = 24;
    private static final String[] SCRIPT = {
        "morning all, the nightly build is \u000303green\u0003 again",
        "\u0001ACTION pours coffee for everyone\u0001",
        "did anyone look at the flaky reader-thread test? https://example.org/ci/builds/4711",
        "shot: your patch for the nick list landed, thanks!",
        "\u0002bold\u0002 \u001Ditalic\u001D \u001Funderline\u001F \u000304,01 red on black \u0003 \u000312blue\u0003",
        "Привет! Γειά σου! こんにちは — UTF-8 works both ways",
        "release notes are in the wiki, please review before Friday",
        "<html><b>this must show as text, not bold</b></html>",
        "\u0001ACTION waves\u0001",
        "the splitter remembers its width now, nice",
        "anyone up for reviewing PR 1337? it touches the SASL code",
        "lunch in 10",
    };

    @TempDir
    Path work;

    @Test
    void lightAndDarkScreenshotsOfABusyChannel() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(), "this test needs a display: run the build under xvfb-run");
        List<TestIrcClient> peers = new ArrayList<>();
        try (InspircdServer server = InspircdServer.startDefault()) {
            try {
                for (int i = 0; i < PEERS; i++) {
                    TestIrcClient peer = TestIrcClient.connect(server.host(), server.port(), peerNick(i));
                    peers.add(peer);
                    peer.join(CHANNEL);
                }
                TestIrcClient founder = peers.get(0);
                founder.send("TOPIC " + CHANNEL + " :\u0002Switchboard\u0002 — a modular IRC client | "
                        + "\u000303release 0.1\u0003 soon | https://example.org/switchboard");
                founder.send("MODE " + CHANNEL + " +oovvv " + peerNick(1) + " " + peerNick(2) + " " + peerNick(3)
                        + " " + peerNick(4) + " " + peerNick(5));
                founder.awaitLine(line -> line.contains(" MODE " + CHANNEL + " +oovvv"));

                try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--nick", "shot",
                        "irc://127.0.0.1:" + server.port() + "/" + CHANNEL)) {
                    String network = client.awaitConnected();
                    founder.awaitJoin("shot", CHANNEL);
                    for (int i = 0; i < SCRIPT.length; i++) {
                        peers.get((i * 7) % PEERS).privmsg(CHANNEL, SCRIPT[i]);
                    }
                    String last = SCRIPT[SCRIPT.length - 1];
                    client.awaitLine(network, CHANNEL, last::equals, "the last line of the script");

                    ClientRuntime.await("the main window", () -> mainWindow().isPresent());
                    JFrame frame = (JFrame) mainWindow().orElseThrow();
                    runOnEventThread(() -> {
                        frame.setExtendedState(Frame.NORMAL);
                        frame.setBounds(0, 0, 1200, 760);
                    });
                    ClientRuntime.await("the nick list with every member",
                            () -> onEventThread(() -> listSizes(frame)).contains(PEERS + 1));

                    // the window repaints on its refresh timer: the screen is read until it shows what is expected
                    BufferedImage light = captureWhen(frame, luminance -> luminance > 0.6);
                    save(light, "main-window-light.png");

                    JCheckBoxMenuItem darkTheme = onEventThread(() -> darkThemeItem(frame));
                    assertFalse(onEventThread(darkTheme::isSelected), "the window starts in the light theme");
                    runOnEventThread(darkTheme::doClick);
                    BufferedImage dark = captureWhen(frame, luminance -> luminance < 0.35);
                    save(dark, "main-window-dark.png");

                    double lightLuminance = meanLuminance(light);
                    double darkLuminance = meanLuminance(dark);
                    assertTrue(lightLuminance > 0.6, "the light theme is light: mean luminance " + lightLuminance);
                    assertTrue(darkLuminance < 0.35, "the dark theme is dark: mean luminance " + darkLuminance);
                    assertEquals(PEERS + 1, (int) onEventThread(() -> listSizes(frame)).stream()
                            .filter(size -> size == PEERS + 1).findFirst().orElse(0));
                }
            } finally {
                peers.forEach(TestIrcClient::close);
            }
        }
    }

    private static String peerNick(int i) {
        String[] names = { "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
            "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "uma", "victor", "walter", "xena",
            "yusuf", "zoe", "quinn" };
        return names[i % names.length] + (i < names.length ? "" : String.valueOf(i));
    }

    /**
     * The frame as the screen shows it, read every 200 ms until its mean luminance passes {@code expected} and two
     * captures in a row are the same (the repaint is over), for at most 20 s; the last capture then, for the
     * assertion to explain.
     */
    private static BufferedImage captureWhen(Frame frame, java.util.function.DoublePredicate expected)
            throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        Robot robot = new Robot();
        BufferedImage previous = null;
        while (true) {
            Rectangle bounds = onEventThread(frame::getBounds);
            BufferedImage image = robot.createScreenCapture(bounds);
            boolean settled = previous != null && samePixels(previous, image);
            if (settled && expected.test(meanLuminance(image)) || System.nanoTime() > deadline) {
                return image;
            }
            previous = image;
            Thread.sleep(200);
        }
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        return java.util.Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }

    private static void save(BufferedImage image, String fileName) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(image, "png", SCREENSHOTS.resolve(fileName).toFile());
    }

    /** Mean relative luminance (0 black … 1 white) of every pixel. */
    private static double meanLuminance(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += (0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF)) / 255;
            }
        }
        return sum / ((double) image.getWidth() * image.getHeight());
    }

    private static JCheckBoxMenuItem darkThemeItem(JFrame frame) {
        JMenuBar bar = frame.getJMenuBar();
        for (int i = 0; i < bar.getMenuCount(); i++) {
            for (Component item : bar.getMenu(i).getMenuComponents()) {
                if (item instanceof JCheckBoxMenuItem check && check.getText().toLowerCase().contains("dark")) {
                    return check;
                }
            }
        }
        throw new AssertionError("no dark theme item in the menus");
    }

    private static List<Integer> listSizes(Container container) {
        List<Integer> sizes = new ArrayList<>();
        for (Component child : container.getComponents()) {
            if (child instanceof JList<?> list && list.isShowing()) {
                sizes.add(list.getModel().getSize());
            }
            if (child instanceof Container inner) {
                sizes.addAll(listSizes(inner));
            }
        }
        return sizes;
    }

    private static Optional<Frame> mainWindow() {
        return Arrays.stream(Frame.getFrames())
                .filter(f -> f.isDisplayable() && f.isVisible() && f.getTitle().contains("Switchboard")).findFirst();
    }

    private static void runOnEventThread(Runnable action) throws Exception {
        SwingUtilities.invokeAndWait(action);
    }

    private static <T> T onEventThread(java.util.function.Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(action.get()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return result.get();
    }
}
