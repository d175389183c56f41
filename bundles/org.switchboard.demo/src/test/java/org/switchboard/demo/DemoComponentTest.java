package org.switchboard.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The component's contract with Configuration Admin, with recording stand-ins for both OSGi services. */
@Timeout(30)
class DemoComponentTest {

    /** Records what the component does to configurations. */
    private static final class Recorder {
        final List<String> calls = new ArrayList<>();
        final List<Dictionary<String, ?>> updates = new ArrayList<>();
        Configuration[] stale;

        ConfigurationAdmin admin() {
            return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "listConfigurations" -> {
                            calls.add("list " + args[0]);
                            yield stale;
                        }
                        case "createFactoryConfiguration" -> {
                            calls.add("create " + args[0] + " " + args[1]);
                            yield configuration("new");
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        Configuration configuration(String name) {
            return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "update" -> {
                                calls.add("update " + name);
                                @SuppressWarnings("unchecked")
                                Dictionary<String, ?> properties = (Dictionary<String, ?>) args[0];
                                updates.add(properties);
                            }
                            case "delete" -> calls.add("delete " + name);
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }
    }

    private static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(DemoComponentTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void demoModeConfiguresANetworkPointingAtTheLoopbackServer() throws Exception {
        Recorder recorder = new Recorder();
        DemoComponent component = new DemoComponent(recorder.admin(),
                context(Map.of("switchboard.demo", "true", "switchboard.nick", "painter")));
        int port = component.port();
        try {
            assertEquals(List.of("list (&(service.factoryPid=org.switchboard.network)(switchboard.demo=true))",
                    "create org.switchboard.network ?", "update new"), recorder.calls);
            Dictionary<String, ?> properties = recorder.updates.get(0);
            assertEquals("demo", properties.get("irc.network"));
            assertArrayEquals(new String[] {"127.0.0.1:" + port}, (String[]) properties.get("servers"));
            assertEquals("painter", properties.get("nick"));
            assertArrayEquals(new String[] {"#switchboard", "#skins", "#random"}, (String[]) properties.get("autojoin"));
            assertEquals(Boolean.TRUE, properties.get("switchboard.demo"));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = socket.getOutputStream();
                out.write("CAP LS 302\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals(":demo.switchboard CAP * LS :", in.readLine());
            }
        } finally {
            component.deactivate();
        }
        assertEquals("delete new", recorder.calls.get(recorder.calls.size() - 1));
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                "the demo server stops with the component");
    }

    @Test
    void withoutDemoModeOnlyLeftoversAreDeleted() throws Exception {
        Recorder recorder = new Recorder();
        recorder.stale = new Configuration[] {recorder.configuration("leftover")};
        DemoComponent component = new DemoComponent(recorder.admin(), context(Map.of()));
        component.deactivate();
        assertEquals(List.of("list (&(service.factoryPid=org.switchboard.network)(switchboard.demo=true))",
                "delete leftover"), recorder.calls);
        assertEquals(-1, component.port());
        assertTrue(recorder.updates.isEmpty());
    }
}
