package org.switchboard.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.switchboard.api.plugins.PluginException;

/**
 * Finds the bundle a name stands for, trying in turn: a bundle id, the symbolic name, the symbolic name's last
 * segments ({@code join} or {@code feature.join} for {@code org.switchboard.feature.join}), the {@code Bundle-Name};
 * all ignoring case. The first way that fits exactly one bundle wins; one that fits several is an error naming
 * them, so that {@code jline} never silently picks one of two bundles.
 */
final class PluginNames {

    private PluginNames() {
    }

    static Bundle resolve(String name, Bundle[] bundles) {
        String wanted = name == null ? "" : name.strip();
        if (wanted.isEmpty()) {
            throw new PluginException("Name a plugin: its symbolic name, the end of it, or its bundle id");
        }
        if (wanted.chars().allMatch(Character::isDigit) && wanted.length() < 19) {
            long id = Long.parseLong(wanted);
            for (Bundle bundle : bundles) {
                if (bundle.getBundleId() == id) {
                    return bundle;
                }
            }
            throw new PluginException("No plugin has the bundle id " + id);
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        List<Predicate<Bundle>> ways = List.of(
                b -> lower.equals(symbolicName(b)),
                b -> symbolicName(b).endsWith("." + lower),
                b -> lower.equals(String.valueOf(b.getHeaders("").get(Constants.BUNDLE_NAME)).toLowerCase(Locale.ROOT)));
        for (Predicate<Bundle> way : ways) {
            List<Bundle> matches = new ArrayList<>();
            for (Bundle bundle : bundles) {
                if (way.test(bundle)) {
                    matches.add(bundle);
                }
            }
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                List<String> names = new ArrayList<>();
                for (Bundle match : matches) {
                    names.add(match.getSymbolicName() + " " + match.getVersion() + " (id " + match.getBundleId() + ")");
                }
                throw new PluginException("'" + wanted + "' fits several plugins: " + String.join(", ", names)
                        + "; give the full symbolic name or the id");
            }
        }
        throw new PluginException("No plugin named '" + wanted + "'");
    }

    private static String symbolicName(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
