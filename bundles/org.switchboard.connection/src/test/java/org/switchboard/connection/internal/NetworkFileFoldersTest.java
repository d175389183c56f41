package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class NetworkFileFoldersTest {

    @TempDir
    Path dir;

    /** Named FileInstall watcher configurations, as ConfigurationAdmin would keep them. */
    private static final class FakeAdmin {
        final Map<String, Dictionary<String, ?>> watchers = new HashMap<>();
        final List<String> deleted = new CopyOnWriteArrayList<>();

        ConfigurationAdmin proxy() {
            return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ConfigurationAdmin.class}, (p, method, args) -> {
                        if (method.getName().equals("getFactoryConfiguration") && args.length == 3) {
                            assertEquals(NetworkFileFolders.FILEINSTALL_FACTORY_PID, args[0]);
                            assertEquals("?", args[2], "any bundle (FileInstall) may use it");
                            return configuration((String) args[1]);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        private Configuration configuration(String name) {
            return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Configuration.class}, (p, method, args) -> switch (method.getName()) {
                        case "getProperties" -> watchers.get(name);
                        case "delete" -> {
                            watchers.remove(name);
                            deleted.add(name);
                            yield null;
                        }
                        case "updateIfDifferent" -> {
                            @SuppressWarnings("unchecked")
                            Dictionary<String, ?> properties = (Dictionary<String, ?>) args[0];
                            yield !properties.equals(watchers.put(name, properties));
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void watchesTheInstallationAndProfileConfFoldersForConfigurationFilesOnly() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/conf")).getParent();
        Path profileConfig = dir.resolve("profile/config");
        FakeAdmin admin = new FakeAdmin();
        NetworkFileFolders.withConfigurationAdmin(admin.proxy()).apply(home.toString(), profileConfig.toString(),
                "200");

        Dictionary<String, ?> installation = admin.watchers.get(NetworkFileFolders.INSTALLATION_WATCHER);
        assertEquals(home.resolve("conf").toAbsolutePath().toString(), installation.get("felix.fileinstall.dir"));
        assertEquals(".*\\.cfg|.*\\.config", installation.get("felix.fileinstall.filter"));
        assertEquals("200", installation.get("felix.fileinstall.poll"));
        assertEquals("false", installation.get("felix.fileinstall.enableConfigSave"));
        Dictionary<String, ?> profile = admin.watchers.get(NetworkFileFolders.PROFILE_WATCHER);
        assertEquals(profileConfig.resolve("conf").toAbsolutePath().toString(), profile.get("felix.fileinstall.dir"));
        assertTrue(Files.isDirectory(profileConfig.resolve("conf")), "the profile's conf/ is created");
        assertFalse("README.txt".matches((String) profile.get("felix.fileinstall.filter")));
        assertTrue("org.switchboard.network-libera.cfg".matches((String) profile.get("felix.fileinstall.filter")));
    }

    @Test
    void aMissingInstallationFolderIsNotCreatedAndItsOldWatcherGoes() throws Exception {
        FakeAdmin admin = new FakeAdmin();
        NetworkFileFolders folders = NetworkFileFolders.withConfigurationAdmin(admin.proxy());
        Path home = Files.createDirectories(dir.resolve("home/conf")).getParent();
        folders.apply(home.toString(), null, null);
        assertEquals("2000", admin.watchers.get(NetworkFileFolders.INSTALLATION_WATCHER)
                .get("felix.fileinstall.poll"));

        Files.delete(home.resolve("conf"));
        folders.apply(home.toString(), null, null);
        assertEquals(List.of(NetworkFileFolders.INSTALLATION_WATCHER), admin.deleted);
        assertTrue(admin.watchers.isEmpty(), admin.watchers.toString());
        assertTrue(Files.notExists(home.resolve("conf")));
    }
}
