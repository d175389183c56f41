package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class CommandLineNetworksTest {

    /** A ConfigurationAdmin double recording created, updated and deleted configurations. */
    private static final class FakeAdmin {
        final List<Dictionary<String, ?>> created = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        String filter;

        ConfigurationAdmin proxy() {
            return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ConfigurationAdmin.class}, (p, method, args) -> switch (method.getName()) {
                        case "listConfigurations" -> {
                            filter = (String) args[0];
                            yield new Configuration[] {configuration("stale-1")};
                        }
                        case "createFactoryConfiguration" -> configuration("new");
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        Configuration configuration(String pid) {
            return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Configuration.class}, (p, method, args) -> {
                        switch (method.getName()) {
                            case "delete" -> deleted.add(pid);
                            case "update" -> {
                                @SuppressWarnings("unchecked")
                                Dictionary<String, ?> properties = (Dictionary<String, ?>) args[0];
                                created.add(properties);
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }
    }

    @Test
    void urlsBecomeTransientNetworkConfigurationsAfterStaleOnesAreDeleted() throws Exception {
        FakeAdmin admin = new FakeAdmin();
        CommandLineNetworks.withConfigurationAdmin(admin.proxy())
                .apply("irc://127.0.0.1:6668/#a,%23b ircs://irc.example.org/ not-a-url irc://127.0.0.1/", "bob",
                        "launch-1");
        assertEquals(List.of("stale-1"), admin.deleted);
        assertEquals("(&(service.factoryPid=org.switchboard.network)(transient=true))", admin.filter);
        assertEquals(3, admin.created.size());
        Dictionary<String, ?> first = admin.created.get(0);
        assertEquals("127.0.0.1", first.get("irc.network"));
        assertArrayEquals(new String[] {"127.0.0.1:6668"}, (String[]) first.get("servers"));
        assertArrayEquals(new String[] {"#a", "#b"}, (String[]) first.get("autojoin"));
        assertEquals("bob", first.get("nick"));
        assertEquals(Boolean.TRUE, first.get("transient"));
        assertEquals("launch-1", first.get("transient.launch"));
        assertArrayEquals(new String[] {"irc.example.org:+6697"}, (String[]) admin.created.get(1).get("servers"));
        assertEquals("127.0.0.1-2", admin.created.get(2).get("irc.network"));
    }

    @Test
    void defaultNickIsTheUserNameMadeIrcSafe() {
        assertEquals("alice", CommandLineNetworks.defaultNick("alice"));
        assertEquals("jdoe", CommandLineNetworks.defaultNick("j.doe"));
        assertEquals("user", CommandLineNetworks.defaultNick("42user"));
        assertEquals("switchboard", CommandLineNetworks.defaultNick("\u00e9\u00e9"));
        assertEquals("switchboard", CommandLineNetworks.defaultNick(null));
        assertTrue(CommandLineNetworks.defaultNick("a".repeat(40)).length() <= 16);
    }
}
