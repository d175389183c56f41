package org.switchboard.launcher;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.Bundle;

/** A bundle that only answers getSymbolicName() and getHeaders(): enough for the launcher's manifest checks. */
final class FakeBundle {

    private FakeBundle() {
    }

    static Bundle withHeaders(Map<String, String> headers) {
        return named(null, headers);
    }

    static Bundle named(String symbolicName, Map<String, String> headers) {
        Dictionary<String, String> dictionary = new Hashtable<>(headers);
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    if (args == null || args.length == 0) {
                        switch (method.getName()) {
                            case "getHeaders":
                                return dictionary;
                            case "getSymbolicName":
                                return symbolicName;
                            default:
                                break;
                        }
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
