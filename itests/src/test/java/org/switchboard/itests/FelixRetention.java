package org.switchboard.itests;

import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.Map;

import org.osgi.framework.Bundle;

/**
 * The two places where Felix keeps every uninstalled bundle reachable until the framework stops, found with heap
 * dumps of LeakIT (docs/plugin-guide.md, "What an install/uninstall cycle costs"):
 * <ul>
 * <li>the framework's service registry ({@code ServiceRegistry.m_inUseMap}, Felix 7.0.5) keeps a zero-count usage
 * entry, keyed by the bundle, for every service a stopped bundle ever got and released: {@code ungetService} leaves
 * non-prototype usages at zero in the map, and {@code ungetServices} at stop skips those without a service
 * object; only the used service's own unregistration flushes them. SCR gets ConfigurationAdmin on behalf of every
 * bundle with components, so every such bundle is affected;</li>
 * <li>felix.log 1.3.0 caches a logger per bundle and name ({@code LoggerAdminImpl._loggers}) and never drops one;
 * SCR asks for several per component bundle.</li>
 * </ul>
 * Dropping those entries (test only: it reaches into Felix's private fields) shows what else stays, which must be
 * nothing.
 */
final class FelixRetention {

    private FelixRetention() {
    }

    /** Drops the entries of uninstalled bundles from both; returns how many uninstalled bundles the registry held. */
    static int release(ClientRuntime client) throws ReflectiveOperationException, InterruptedException {
        Map<?, ?> inUse = (Map<?, ?>) field(field(client.context().getBundle(0), "m_registry"), "m_inUseMap");
        int held = 0;
        for (Iterator<?> keys = inUse.keySet().iterator(); keys.hasNext();) {
            if (((Bundle) keys.next()).getState() == Bundle.UNINSTALLED) {
                keys.remove();
                held++;
            }
        }
        Object loggerAdmin = client.service("org.osgi.service.log.admin.LoggerAdmin", null);
        Map<?, ?> loggers = (Map<?, ?>) field(loggerAdmin, "_loggers");
        for (Iterator<?> keys = loggers.keySet().iterator(); keys.hasNext();) {
            if (((Bundle) field(keys.next(), "m_bundle")).getState() == Bundle.UNINSTALLED) {
                keys.remove();
            }
        }
        return held;
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + name
                + " (a Felix upgrade changed its internals: check whether it still keeps uninstalled bundles)");
    }
}
