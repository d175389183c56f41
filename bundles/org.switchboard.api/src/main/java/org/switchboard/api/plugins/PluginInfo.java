package org.switchboard.api.plugins;

import java.util.List;
import java.util.Objects;

/**
 * One installed bundle as the plugin manager sees it at one moment.
 *
 * @param id               the framework's bundle id
 * @param symbolicName     the bundle's symbolic name ({@code org.switchboard.feature.join})
 * @param version          the bundle's version
 * @param name             the human-readable {@code Bundle-Name}, or the symbolic name when there is none
 * @param state            the life-cycle state
 * @param role             feature, UI skin or core
 * @param origin           where it was installed from
 * @param location         the bundle location, as the framework knows it
 * @param callbackFailures how many times callbacks of this bundle threw since it was installed or last updated
 * @param problems         what is wrong with it right now; empty when nothing is
 */
public record PluginInfo(long id, String symbolicName, String version, String name, PluginState state,
        PluginRole role, PluginOrigin origin, String location, long callbackFailures, List<PluginProblem> problems) {

    public PluginInfo {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(location, "location");
        problems = List.copyOf(problems);
    }

    /** Core bundles are listed but cannot be stopped, updated or uninstalled through the plugin manager. */
    public boolean isProtected() {
        return role == PluginRole.CORE;
    }

    public PluginInfo withState(PluginState newState) {
        return new PluginInfo(id, symbolicName, version, name, newState, role, origin, location, callbackFailures,
                problems);
    }
}
