package org.switchboard.connection.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Instances of DS configuration annotation types for tests: given values by method name, else the defaults. */
final class Configs {

    private Configs() {
    }

    static <T> T of(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            if (method.getName().equals("toString")) {
                return type.getSimpleName() + values.keySet();
            }
            if (method.getReturnType().isArray()) {
                return java.lang.reflect.Array.newInstance(method.getReturnType().getComponentType(), 0);
            }
            throw new IllegalStateException("no value for " + method.getName());
        }));
    }
}
