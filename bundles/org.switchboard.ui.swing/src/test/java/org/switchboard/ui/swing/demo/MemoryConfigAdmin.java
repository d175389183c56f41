package org.switchboard.ui.swing.demo;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Just enough ConfigurationAdmin, in memory, for the demo's network list. */
public final class MemoryConfigAdmin {

    private final Map<String, Dictionary<String, Object>> stored = new ConcurrentHashMap<>();

    public ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ConfigurationAdmin.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "listConfigurations" -> stored.keySet().stream().map(this::configuration)
                            .toArray(Configuration[]::new);
                    case "getFactoryConfiguration" -> configuration(args[0] + "~" + args[1]);
                    case "getConfiguration" -> configuration((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Configuration.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> pid;
                    case "getProperties" -> stored.get(pid);
                    case "update" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> properties = (Dictionary<String, Object>) args[0];
                        stored.put(pid, new Hashtable<>(java.util.Collections.list(properties.keys()).stream()
                                .collect(java.util.stream.Collectors.toMap(k -> k, properties::get))));
                        yield null;
                    }
                    case "delete" -> {
                        stored.remove(pid);
                        yield null;
                    }
                    case "hashCode" -> pid.hashCode();
                    case "equals" -> proxy == args[0];
                    case "toString" -> "Configuration " + pid;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
