package org.switchboard.ui.swing.networks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.ui.swing.demo.MemoryConfigAdmin;

class NetworksTest {

    private static final String SERVLIST = String.join("\n",
            "v=2.16.1",
            "",
            "N=Libera.Chat",
            "L=6",
            "E=UTF-8 (Unicode)",
            "F=12",
            "D=0",
            "I=sam",
            "i=sam_",
            "U=samuser",
            "P=hunter2",
            "J=#switchboard",
            "J=#secret key1",
            "S=irc.libera.chat",
            "S=irc.eu.libera.chat/+7000",
            "",
            "N=OldNet",
            "F=0",
            "J=#a,#b k1",
            "S=irc.old.example/6668",
            "C=MSG NickServ identify x");

    @Test
    void importsHexChatNetworksServersLoginAndAutojoin() {
        List<NetworkSettings> networks = HexChatServerList.parse(SERVLIST);
        assertEquals(2, networks.size());
        NetworkSettings libera = networks.get(0);
        assertEquals("Libera.Chat", libera.name());
        assertEquals(List.of("+irc.libera.chat:6697", "+irc.eu.libera.chat:7000"), libera.servers());
        assertEquals("sam", libera.nick());
        assertEquals(List.of("sam_"), libera.alternateNicks());
        assertEquals("PLAIN", libera.saslMechanism());
        assertEquals("samuser", libera.saslUser());
        assertEquals("hunter2", libera.saslPassword());
        assertEquals("", libera.serverPassword(), "a SASL password is not a server password");
        assertEquals(List.of("#switchboard", "#secret key1"), libera.autojoin());
        assertTrue(libera.autoConnect());

        NetworkSettings old = networks.get(1);
        assertEquals(List.of("irc.old.example:6668"), old.servers());
        assertEquals(List.of("#a k1", "#b"), old.autojoin());
        assertEquals("NONE", old.saslMechanism());
        assertFalse(old.autoConnect());
        assertEquals("The nick must not be empty or contain spaces", old.problem());
    }

    @Test
    void settingsRoundTripThroughConfigurationProperties() {
        NetworkSettings settings = new NetworkSettings("Net", List.of("+irc.example:6697"), "me", List.of("me_"),
                "", "Real Me", "", "PLAIN", "acct", "secret", List.of("#a", "#b key"), false);
        Dictionary<String, Object> properties = settings.toProperties();
        assertEquals("Net", properties.get("irc.network"));
        assertArrayEquals(new String[] { "+irc.example:6697" }, (String[]) properties.get("servers"));
        assertEquals("secret", properties.get(".sasl.password"));
        assertNull(properties.get(".serverPassword"), "empty passwords are not stored");
        assertEquals(settings, NetworkSettings.fromProperties(properties));
        assertNull(settings.problem());
    }

    @Test
    void configurationNamesAreSafe() {
        assertEquals("Libera.Chat", NetworkStore.configName("Libera.Chat"));
        assertEquals("my_net__", NetworkStore.configName("my net/ü"));
        assertEquals("network", NetworkStore.configName(""));
    }

    private static NetworkSettings settings(String name, String saslPassword) {
        return new NetworkSettings(name, List.of("irc.example:6667"), "me", List.of(), "", "Real Me", "", "PLAIN",
                "acct", saslPassword, List.of("#a"), true);
    }

    @Test
    void savingFromTheDialogKeepsTheSettingsItHasNoFieldFor() throws Exception {
        org.osgi.service.cm.ConfigurationAdmin admin = new MemoryConfigAdmin().admin();
        NetworkStore store = new NetworkStore(admin);
        String pid = store.save(null, settings("Net", "secret"));
        // what a hand-written configuration or another tool may hold besides the dialog's fields
        Dictionary<String, Object> stored = new java.util.Hashtable<>();
        java.util.Collections.list(settings("Net", "secret").toProperties().keys())
                .forEach(k -> stored.put(k, settings("Net", "secret").toProperties().get(k)));
        stored.put("tls.pinnedFingerprints", new String[] { "sha256:ab" });
        stored.put("sasl.required", false);
        stored.put("userName", "ident");
        stored.put("service.pid", pid);
        Dictionary<String, Object> merged = NetworkStore.merged(stored, settings("Renamed", ""));
        assertEquals("Renamed", merged.get("irc.network"));
        assertArrayEquals(new String[] { "sha256:ab" }, (String[]) merged.get("tls.pinnedFingerprints"));
        assertEquals(false, merged.get("sasl.required"));
        assertEquals("ident", merged.get("userName"), "the dialog has no user name field");
        assertNull(merged.get(".sasl.password"), "an emptied password is removed");
        assertNull(merged.get("service.pid"), "ConfigAdmin's own keys are not copied");

        // and through the store: an update from the dialog keeps what is stored besides its fields
        stored.remove("service.pid");
        admin.getConfiguration(pid, "?").update(stored);
        store.save(pid, settings("Renamed", "new-secret"));
        Dictionary<String, Object> saved = admin.getConfiguration(pid, "?").getProperties();
        assertEquals("Renamed", saved.get("irc.network"));
        assertEquals("new-secret", saved.get(".sasl.password"));
        assertArrayEquals(new String[] { "sha256:ab" }, (String[]) saved.get("tls.pinnedFingerprints"));
        assertEquals(false, saved.get("sasl.required"));
        assertEquals("ident", saved.get("userName"));
        NetworkStore.Entry entry = store.list().get(0);
        assertEquals(pid, entry.pid());
        assertNull(entry.definedIn());
    }

    @Test
    void theSettingsShowNoPasswordOrChannelKeyWhenPrinted() {
        NetworkSettings settings = new NetworkSettings("Net", List.of("irc.example:6697"), "me", List.of(), "",
                "Real Me", "server-pw-1", "PLAIN", "acct", "sasl-pw-2", List.of("#open", "#locked chan-key-3"), true);
        String printed = settings.toString();
        for (String secret : List.of("server-pw-1", "sasl-pw-2", "chan-key-3")) {
            assertFalse(printed.contains(secret), printed);
        }
        assertTrue(printed.contains("#locked ****") && printed.contains("irc.example:6697"), printed);
        assertFalse(new NetworkStore.Entry("pid", settings).toString().contains("sasl-pw-2"));
    }

    @Test
    void aNetworkFromAFileSaysSoAndCannotBeSavedOrRemovedInTheDialog() throws Exception {
        MemoryConfigAdmin configs = new MemoryConfigAdmin();
        NetworkStore store = new NetworkStore(configs.admin());
        String own = store.save(null, settings("Own", ""));
        String fromFile = store.save(null, settings("FromFile", ""));
        org.osgi.service.cm.Configuration configuration = configs.admin().getConfiguration(fromFile, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        properties.put(NetworkStore.FILE_PROPERTY, "file:/home/u/.config/switchboard/conf/net-FromFile.cfg");
        configuration.update(properties);
        List<NetworkStore.Entry> entries = store.list();
        assertEquals("file:/home/u/.config/switchboard/conf/net-FromFile.cfg", entries.get(0).definedIn());
        assertNull(entries.get(1).definedIn());
        assertEquals("net-FromFile.cfg", NetworkDialog.fileName(entries.get(0).definedIn()));
        assertEquals("x.cfg", NetworkDialog.fileName("C:\\conf\\x.cfg"));

        java.util.concurrent.atomic.AtomicReference<NetworkDialog> dialog = new java.util.concurrent.atomic.AtomicReference<>();
        javax.swing.SwingUtilities.invokeAndWait(() -> dialog.set(new NetworkDialog(null, store, Runnable::run,
                network -> java.util.Optional.empty())));
        try {
            javax.swing.SwingUtilities.invokeAndWait(() -> { }); // the list, loaded in the "background", is shown
            javax.swing.SwingUtilities.invokeAndWait(() -> {
                javax.swing.JList<?> list = all(dialog.get(), javax.swing.JList.class).get(0);
                javax.swing.JButton save = button(dialog.get(), "Save");
                javax.swing.JButton remove = button(dialog.get(), "Remove");
                list.setSelectedIndex(0);
                assertFalse(save.isEnabled());
                assertFalse(remove.isEnabled());
                assertTrue(statusTexts(dialog.get()).contains("Defined in net-FromFile.cfg: edit that file"),
                        statusTexts(dialog.get()).toString());
                list.setSelectedIndex(1);
                assertTrue(save.isEnabled());
                assertTrue(remove.isEnabled());
                assertFalse(statusTexts(dialog.get()).contains("Defined in net-FromFile.cfg: edit that file"));
            });
            assertEquals(own, store.list().get(1).pid());
        } finally {
            javax.swing.SwingUtilities.invokeAndWait(() -> dialog.get().dispose());
        }
    }

    /** Every component of a type in the tree under {@code root}, in layout order. */
    private static <T> List<T> all(java.awt.Container root, Class<T> type) {
        List<T> found = new java.util.ArrayList<>();
        for (java.awt.Component child : root.getComponents()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof java.awt.Container container) {
                found.addAll(all(container, type));
            }
        }
        return found;
    }

    private static javax.swing.JButton button(java.awt.Container root, String text) {
        return all(root, javax.swing.JButton.class).stream().filter(b -> text.equals(b.getText())).findFirst()
                .orElseThrow();
    }

    private static List<String> statusTexts(java.awt.Container root) {
        return all(root, javax.swing.JLabel.class).stream().map(javax.swing.JLabel::getText)
                .filter(java.util.Objects::nonNull).toList();
    }
}
