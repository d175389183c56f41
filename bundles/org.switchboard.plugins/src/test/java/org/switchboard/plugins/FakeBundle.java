package org.switchboard.plugins;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/** A Bundle that answers what the classifier and the name lookup ask: id, names, version, location, headers. */
final class FakeBundle {

    private FakeBundle() {
    }

    static Bundle of(long id, String symbolicName, String location, Map<String, String> headers) {
        Dictionary<String, String> dictionary = new Hashtable<>(headers);
        return (Bundle) Proxy.newProxyInstance(FakeBundle.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.parseVersion("1.2.3");
                    case "getLocation" -> location;
                    case "getHeaders" -> dictionary;
                    case "getState" -> Bundle.ACTIVE;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    case "toString" -> symbolicName + " [" + id + "]";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static Bundle of(long id, String symbolicName) {
        return of(id, symbolicName, "file:/opt/switchboard/bundle/" + symbolicName + ".jar", Map.of());
    }
}
