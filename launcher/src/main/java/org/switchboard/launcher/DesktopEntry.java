package org.switchboard.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * {@code switchboard --install-desktop-entry}: puts Switchboard into the desktop's application menu, for the user
 * only, as the freedesktop.org specifications say: {@code applications/switchboard.desktop} and the icon under
 * {@code $XDG_DATA_HOME} ({@code ~/.local/share}). The entry starts this installation's {@code bin/switchboard}
 * with the link it was given and declares the irc and ircs URL schemes, so that a browser can hand links over
 * (to a running client too, see {@link InstanceDoor}). Making Switchboard the default for those links is left to
 * the user ({@code xdg-mime default}), as it changes what other programs do.
 */
final class DesktopEntry {

    static final String FILE_NAME = "switchboard.desktop";
    static final String ICON_NAME = "switchboard";
    /** The sizes installed; a desktop scales from the nearest. */
    private static final List<Integer> ICON_SIZES = List.of(48, 256);

    private DesktopEntry() {
    }

    /** The folder the entry and the icons go under: {@code $XDG_DATA_HOME}, else {@code ~/.local/share}. */
    static Path dataHome(Map<String, String> environment, Path userHome) {
        String configured = environment.get("XDG_DATA_HOME");
        return configured != null && !configured.isBlank() && Path.of(configured).isAbsolute() ? Path.of(configured)
                : userHome.resolve(".local/share");
    }

    /** The entry's text for the launcher script at {@code script}. */
    static String text(Path script) {
        return String.join("\n",
                "[Desktop Entry]",
                "Type=Application",
                "Name=Switchboard",
                "GenericName=IRC Client",
                "Comment=Chat on IRC: modern IRC (IRCv3, TLS, SASL), fast, and modular",
                "Exec=" + quoted(script) + " %u",
                "Icon=" + ICON_NAME,
                "Terminal=false",
                "Categories=Network;Chat;IRCClient;",
                "Keywords=IRC;chat;",
                "MimeType=x-scheme-handler/irc;x-scheme-handler/ircs;",
                "StartupNotify=false",
                "StartupWMClass=" + WindowIcons.APPLICATION_CLASS,
                "");
    }

    /**
     * Writes the entry and the icons under {@code dataHome} (each file replaced whole) and returns the entry's
     * path.
     */
    static Path install(Path dataHome, Path script) throws IOException {
        for (int size : ICON_SIZES) {
            Path icon = dataHome.resolve("icons/hicolor/" + size + "x" + size + "/apps/" + ICON_NAME + ".png");
            Files.createDirectories(icon.getParent());
            Path temp = icon.resolveSibling(icon.getFileName() + ".part");
            if (!ImageIO.write(WindowIcons.draw(size), "png", temp.toFile())) {
                throw new IOException("no PNG writer in this Java");
            }
            Files.move(temp, icon, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Path entry = dataHome.resolve("applications").resolve(FILE_NAME);
        Files.createDirectories(entry.getParent());
        Path temp = entry.resolveSibling(FILE_NAME + ".part");
        Files.writeString(temp, text(script), StandardCharsets.UTF_8);
        Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return entry;
    }

    /**
     * An Exec argument as the Desktop Entry Specification quotes it: in double quotes, with {@code "}, {@code `},
     * {@code $} and {@code \} escaped by a backslash (and that backslash doubled by the string escaping of the
     * file), and {@code %} doubled, so that a folder with spaces or such characters still starts.
     */
    static String quoted(Path script) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : script.toString().toCharArray()) {
            switch (c) {
                case '"', '`', '$' -> sb.append("\\\\").append(c);
                case '\\' -> sb.append("\\\\\\\\");
                case '%' -> sb.append("%%");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
