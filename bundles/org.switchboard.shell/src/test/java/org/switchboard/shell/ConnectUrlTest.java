package org.switchboard.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class ConnectUrlTest {

    /** A ConfigurationAdmin double recording the factory configurations created and their properties. */
    private static final class FakeAdmin {
        final List<String> factoryPids = new ArrayList<>();
        final List<Dictionary<String, ?>> updates = new ArrayList<>();

        ConfigurationAdmin proxy() {
            return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ConfigurationAdmin.class}, (p, method, args) -> {
                        if (method.getName().equals("createFactoryConfiguration") && args.length == 2) {
                            factoryPids.add((String) args[0]);
                            return configuration();
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        private Configuration configuration() {
            return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Configuration.class}, (p, method, args) -> {
                        if (method.getName().equals("update") && args != null && args.length == 1) {
                            @SuppressWarnings("unchecked")
                            Dictionary<String, ?> properties = (Dictionary<String, ?>) args[0];
                            updates.add(properties);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private final ShellFixture fixture = new ShellFixture();
    private final FakeAdmin admin = new FakeAdmin();

    @Test
    void anIrcsUrlBecomesATransientNetworkConfiguration() {
        fixture.shell.configurationAdmin = admin.proxy();
        String result = fixture.shell.connect("ircs://irc.example.org/java,%23rust", "bob");
        assertEquals("Added network irc.example.org (irc.example.org:+6697) as bob, joining #java, #rust", result);
        assertEquals(List.of("org.switchboard.network"), admin.factoryPids);
        Dictionary<String, ?> properties = admin.updates.get(0);
        assertEquals("irc.example.org", properties.get("irc.network"));
        assertArrayEquals(new String[] {"irc.example.org:+6697"}, (String[]) properties.get("servers"));
        assertArrayEquals(new String[] {"#java", "#rust"}, (String[]) properties.get("autojoin"));
        assertEquals("bob", properties.get("nick"));
        assertEquals(Boolean.TRUE, properties.get("transient"));
    }

    @Test
    void theNetworkNameAvoidsNetworksThatExist() {
        fixture.addConnection("127.0.0.1");
        fixture.shell.configurationAdmin = admin.proxy();
        fixture.shell.connect("irc://127.0.0.1:6668", "bob");
        assertEquals("127.0.0.1-2", admin.updates.get(0).get("irc.network"));
        assertArrayEquals(new String[] {"127.0.0.1:6668"}, (String[]) admin.updates.get(0).get("servers"));
        assertArrayEquals(new String[0], (String[]) admin.updates.get(0).get("autojoin"));
    }

    @Test
    void withoutANickTheOsUserNameIsMadeIrcSafe() {
        fixture.shell.configurationAdmin = admin.proxy();
        String userName = System.getProperty("user.name");
        System.setProperty("user.name", "j.doe");
        try {
            fixture.shell.connect("irc://[::1]:7000/");
        } finally {
            System.setProperty("user.name", userName);
        }
        assertEquals("jdoe", admin.updates.get(0).get("nick"));
        assertArrayEquals(new String[] {"[::1]:7000"}, (String[]) admin.updates.get(0).get("servers"));
        assertEquals("jdoe", ShellCommands.defaultNick("j.doe"));
        assertEquals("switchboard", ShellCommands.defaultNick("42"));
    }

    @Test
    void badUrlsAreRefusedWithTheReason() {
        fixture.shell.configurationAdmin = admin.proxy();
        assertEquals("'ircs://***@host/': user or password in the URL is not supported; configure them for the"
                + " network instead",
                assertThrows(IllegalArgumentException.class,
                        () -> fixture.shell.connect("ircs://user:pw@host/")).getMessage());
        String slashInPassword = assertThrows(IllegalArgumentException.class,
                () -> fixture.shell.connect("ircs://user:hunter2/x@host/")).getMessage();
        assertTrue(slashInPassword.startsWith("'ircs://***@host/': user or password"), slashInPassword);
        assertFalse(slashInPassword.contains("hunter2"), slashInPassword);
        assertEquals("'irc://host:99999': port '99999' is not 1-65535",
                assertThrows(IllegalArgumentException.class, () -> fixture.shell.connect("irc://host:99999"))
                        .getMessage());
        assertEquals("'irc://:6667': no host name",
                assertThrows(IllegalArgumentException.class, () -> fixture.shell.connect("irc://:6667"))
                        .getMessage());
        assertTrue(admin.updates.isEmpty());
    }

    @Test
    void withoutConfigurationAdminAUrlCannotBeAdded() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> fixture.shell.connect("irc://host"));
        assertTrue(e.getMessage().startsWith("Configuration Admin is not running"), e.getMessage());
    }

    @Test
    void aNickWithANetworkNameIsRefused() {
        fixture.addConnection("libera");
        assertThrows(IllegalArgumentException.class, () -> fixture.shell.connect("libera", "bob"));
    }
}
