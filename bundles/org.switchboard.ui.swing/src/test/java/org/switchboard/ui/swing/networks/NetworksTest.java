package org.switchboard.ui.swing.networks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.List;

import org.junit.jupiter.api.Test;

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
}
