package org.switchboard.api.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Bundle management for the Plugins dialog, the shell and anyone else: every installed bundle with its role, state,
 * origin and problems, and the operations on them.
 *
 * <h2>Names</h2>
 * Operations take a plugin by name: a bundle id ({@code 42}), a symbolic name ({@code org.switchboard.feature.join}),
 * the last segments of one ({@code feature.join}, {@code join}) or the {@code Bundle-Name}, ignoring case. A name that
 * fits no plugin, or several, fails with a {@link PluginException} that says so.
 *
 * <h2>Threads</h2>
 * Operations run one at a time on the manager's own thread, never on the caller's: the returned stage completes
 * there with the plugin as it is afterwards, or exceptionally with a {@link PluginException} whose message is meant
 * for the user. {@link #plugins()} and {@link #find(String)} may look into the framework and SCR and take a few
 * milliseconds: call them off the Swing event thread.
 *
 * <h2>Protection and skins</h2>
 * {@link PluginRole#CORE core} bundles are refused to stop, update and uninstall. One UI skin runs at a time:
 * starting a skin (or installing one) stops the skins that ran before, once the new one has started.
 */
@ProviderType
public interface PluginManager {

    /** Every installed bundle, features first, then skins, then the core; each group sorted by name. */
    List<PluginInfo> plugins();

    /** The plugin a name stands for (see the class description). */
    PluginInfo find(String plugin);

    /**
     * Installs a bundle jar and starts it. The jar is copied into the watched {@code plugins/} folder, so that it
     * stays installed across restarts and deleting it there uninstalls it; a jar whose symbolic name is already
     * installed from {@code plugins/} replaces that one (an update). A bundle that installs but cannot start fails
     * the stage with the reason, and stays installed.
     */
    CompletionStage<PluginInfo> install(Path jar);

    CompletionStage<PluginInfo> start(String plugin);

    CompletionStage<PluginInfo> stop(String plugin);

    /** Re-reads the bundle from its location (a rebuilt jar) and restarts it if it was running. */
    CompletionStage<PluginInfo> update(String plugin);

    /**
     * Uninstalls a bundle; one from {@code plugins/} loses its file there too. A bundle of the installation's
     * {@code bundle/} folder comes back at the next start. Completes with the plugin as it was, in state
     * {@link PluginState#UNINSTALLED}.
     */
    CompletionStage<PluginInfo> uninstall(String plugin);
}
