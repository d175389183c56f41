package org.switchboard.connection.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;

import org.apache.commons.lang3.StringUtils;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Lets networks be dropped in as files. Asks FileInstall (through a factory configuration of
 * {@value #FILEINSTALL_FACTORY_PID}) to watch the installation's {@code conf/} folder ({@value #HOME_PROPERTY}) and
 * the profile's ({@value #CONFIG_DIR_PROPERTY}{@code /conf}); FileInstall turns a file
 * {@code org.switchboard.network-NAME.cfg} (or {@code .config}) there into the factory configuration NAME of
 * {@code org.switchboard.network}, updates it when the file changes and deletes it when the file goes.
 *
 * <p>The watcher configurations are named, so activating again updates them instead of adding watchers. They are
 * kept on deactivation on purpose: ConfigAdmin restores them at the next start, so FileInstall reads the files as
 * early as the stored networks are read, and no restart deletes and re-creates the networks of the files. Files are
 * the source of truth: FileInstall does not write changes back into them ({@code enableConfigSave=false}), so an
 * installation folder may be read-only and a password written by hand is never rewritten elsewhere.
 */
@Component(immediate = true, service = {})
public class NetworkFileFolders {

    static final String FILEINSTALL_FACTORY_PID = "org.apache.felix.fileinstall";
    static final String HOME_PROPERTY = "switchboard.home";
    static final String CONFIG_DIR_PROPERTY = "switchboard.config.dir";
    static final String POLL_PROPERTY = "felix.fileinstall.poll";
    /** Configuration files only: the folders also hold a README, and no bundle is ever installed from them. */
    static final String FILE_FILTER = ".*\\.cfg|.*\\.config";
    static final String INSTALLATION_WATCHER = "switchboard-installation-conf";
    static final String PROFILE_WATCHER = "switchboard-profile-conf";

    private static final System.Logger LOG = System.getLogger(NetworkFileFolders.class.getName());

    @Reference
    private ConfigurationAdmin configurationAdmin;

    @Activate
    void activate(BundleContext context) throws IOException {
        apply(context.getProperty(HOME_PROPERTY), context.getProperty(CONFIG_DIR_PROPERTY),
                context.getProperty(POLL_PROPERTY));
    }

    void apply(String home, String profileConfig, String poll) throws IOException {
        // the installation may be read-only: watch its conf/ only when it exists; the profile's is ours to create
        Path installation = StringUtils.isBlank(home) ? null : Path.of(home, "conf");
        watch(INSTALLATION_WATCHER, installation != null && Files.isDirectory(installation) ? installation : null,
                poll);
        Path profile = StringUtils.isBlank(profileConfig) ? null : Path.of(profileConfig, "conf");
        if (profile != null) {
            Files.createDirectories(profile);
        }
        watch(PROFILE_WATCHER, profile, poll);
    }

    private void watch(String name, Path folder, String poll) throws IOException {
        Configuration watcher = configurationAdmin.getFactoryConfiguration(FILEINSTALL_FACTORY_PID, name, "?");
        if (folder == null) {
            if (watcher.getProperties() != null) {
                watcher.delete();
            }
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("felix.fileinstall.dir", folder.toAbsolutePath().toString());
        properties.put("felix.fileinstall.filter", FILE_FILTER);
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.enableConfigSave", "false");
        properties.put(POLL_PROPERTY, StringUtils.defaultIfBlank(poll, "2000"));
        if (watcher.updateIfDifferent(properties)) {
            LOG.log(Level.INFO, "Network files are read from {0}", folder);
        }
    }

    /** For tests without OSGi. */
    static NetworkFileFolders withConfigurationAdmin(ConfigurationAdmin admin) {
        NetworkFileFolders component = new NetworkFileFolders();
        component.configurationAdmin = admin;
        return component;
    }
}
