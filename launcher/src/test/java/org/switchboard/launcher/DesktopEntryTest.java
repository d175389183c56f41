package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopEntryTest {

    @TempDir
    Path home;

    @Test
    void theEntryGoesUnderXdgDataHomeOrTheUsersLocalShare() {
        assertEquals(Path.of("/data/x"), DesktopEntry.dataHome(Map.of("XDG_DATA_HOME", "/data/x"), home));
        assertEquals(home.resolve(".local/share"), DesktopEntry.dataHome(Map.of(), home));
        assertEquals(home.resolve(".local/share"), DesktopEntry.dataHome(Map.of("XDG_DATA_HOME", "relative"), home),
                "the specification ignores a relative XDG_DATA_HOME");
    }

    @Test
    void installedEntryStartsThisInstallationWithTheLinkAndDeclaresTheIrcSchemes() throws Exception {
        Path script = Path.of("/opt/switchboard 0.1/bin/switchboard");
        Path entry = DesktopEntry.install(home.resolve("share"), script);
        assertEquals(home.resolve("share/applications/switchboard.desktop"), entry);
        String text = Files.readString(entry);
        assertTrue(text.startsWith("[Desktop Entry]\n"), text);
        assertTrue(text.contains("\nExec=\"/opt/switchboard 0.1/bin/switchboard\" %u\n"), text);
        assertTrue(text.contains("\nMimeType=x-scheme-handler/irc;x-scheme-handler/ircs;\n"), text);
        assertTrue(text.contains("\nIcon=switchboard\n"), text);
        assertTrue(text.contains("\nStartupWMClass=Switchboard\n"), "the dock matches the windows to it: " + text);
        for (int size : new int[] {48, 256}) {
            BufferedImage icon = ImageIO.read(home.resolve("share/icons/hicolor/" + size + "x" + size
                    + "/apps/switchboard.png").toFile());
            assertEquals(size, icon.getWidth());
        }
        // again, over the first: replaced, not appended to
        DesktopEntry.install(home.resolve("share"), script);
        assertEquals(text, Files.readString(entry));
    }

    @Test
    void execQuotingFollowsTheSpecification() {
        assertEquals("\"/a b/switchboard\"", DesktopEntry.quoted(Path.of("/a b/switchboard")));
        // in the file: \\$ and \\" (the string escaping of the file doubles the exec escaping's backslash), %%
        assertEquals("\"/x\\\\$y/100%%/q\\\\\"/s\"", DesktopEntry.quoted(Path.of("/x$y/100%/q\"/s")));
    }
}
