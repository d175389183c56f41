package org.switchboard.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Switchboard keeps its files: settings (config), logs and other lasting data (data), and what can be
 * rebuilt (cache, holding the framework's bundle cache). With a profile folder all three live under it;
 * without one they follow the XDG base directory conventions.
 */
public record ProfileDirectories(Path config, Path data, Path cache) {

    public static ProfileDirectories under(Path profile) {
        return new ProfileDirectories(profile.resolve("config"), profile.resolve("data"), profile.resolve("cache"));
    }

    public static ProfileDirectories xdg(Map<String, String> environment, Path userHome) {
        return new ProfileDirectories(
                xdgBase(environment, "XDG_CONFIG_HOME", userHome.resolve(".config")).resolve("switchboard"),
                xdgBase(environment, "XDG_DATA_HOME", userHome.resolve(".local/share")).resolve("switchboard"),
                xdgBase(environment, "XDG_CACHE_HOME", userHome.resolve(".cache")).resolve("switchboard"));
    }

    private static Path xdgBase(Map<String, String> environment, String variable, Path fallback) {
        String value = environment.get(variable);
        // The specification says a relative path is invalid and must be ignored.
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }
}
