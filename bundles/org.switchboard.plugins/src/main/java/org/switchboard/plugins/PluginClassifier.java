package org.switchboard.plugins;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.switchboard.api.plugins.PluginOrigin;
import org.switchboard.api.plugins.PluginRole;

/**
 * Tells a bundle's role and origin. UI skins say so in their manifest ({@value #ROLE_HEADER}: ui, the header the
 * launcher reads too); the core is the installation's decision, not the bundles': a configured list of symbolic
 * names and prefixes, so that no plugin can make itself unremovable. Origins come from the bundle location:
 * the installation's {@code bundle/} folder, the watched {@code plugins/} folder, or anything else.
 */
final class PluginClassifier {

    static final String ROLE_HEADER = "Switchboard-Role";
    static final String UI_ROLE = "ui";
    private static final String REFERENCE_PREFIX = "reference:";

    private final List<String> core;
    private final Path bundleFolder;
    private final Path pluginsFolder;

    /**
     * @param core          symbolic names of core bundles; an entry ending in '.' is a prefix
     * @param bundleFolder  the installation's bundle/ folder, or null when unknown
     * @param pluginsFolder the folder FileInstall watches, or null when there is none
     */
    PluginClassifier(List<String> core, Path bundleFolder, Path pluginsFolder) {
        this.core = List.copyOf(core);
        this.bundleFolder = normalised(bundleFolder);
        this.pluginsFolder = normalised(pluginsFolder);
    }

    PluginRole role(Bundle bundle) {
        if (bundle.getBundleId() == 0 || isCore(bundle.getSymbolicName())) {
            return PluginRole.CORE;
        }
        return UI_ROLE.equals(bundle.getHeaders("").get(ROLE_HEADER)) ? PluginRole.UI_SKIN : PluginRole.FEATURE;
    }

    boolean isCore(String symbolicName) {
        if (symbolicName == null) {
            return false;
        }
        for (String entry : core) {
            if (entry.endsWith(".") ? symbolicName.startsWith(entry) : symbolicName.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    PluginOrigin origin(Bundle bundle) {
        if (bundle.getBundleId() == 0) {
            return PluginOrigin.FRAMEWORK;
        }
        Optional<Path> file = file(bundle.getLocation());
        if (file.isPresent() && bundleFolder != null && file.get().startsWith(bundleFolder)) {
            return PluginOrigin.BUNDLE_FOLDER;
        }
        if (file.isPresent() && pluginsFolder != null && file.get().startsWith(pluginsFolder)) {
            return PluginOrigin.PLUGINS_FOLDER;
        }
        return PluginOrigin.OTHER;
    }

    Optional<Path> pluginsFolder() {
        return Optional.ofNullable(pluginsFolder);
    }

    /**
     * The file a location points to: {@code file:} URIs in both spellings ({@code file:/x} from FileInstall,
     * {@code file:///x} from the launcher), also behind {@code reference:}.
     */
    static Optional<Path> file(String location) {
        if (location == null || Constants.SYSTEM_BUNDLE_LOCATION.equals(location)) {
            return Optional.empty();
        }
        String spec = location.startsWith(REFERENCE_PREFIX) ? location.substring(REFERENCE_PREFIX.length()) : location;
        try {
            URI uri = new URI(spec);
            if (!"file".equalsIgnoreCase(uri.getScheme())) {
                return Optional.empty();
            }
            return Optional.of(normalised(Path.of(uri)));
        } catch (java.net.URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static Path normalised(Path path) {
        return path == null ? null : path.toAbsolutePath().normalize();
    }
}
