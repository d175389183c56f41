package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** The runtime as users get it: every bundle resolves and starts, and every component is wired. */
class RuntimeWiringIT {

    private static final List<String> CORE_SERVICES = List.of("org.switchboard.api.irc.IrcProtocol",
            "org.switchboard.api.session.Session", "org.switchboard.api.command.CommandDispatcher");

    @TempDir
    Path work;

    @Test
    void headlessRuntimeStartsEveryBundleButTheUserInterface() throws Exception {
        try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless")) {
            for (Bundle bundle : client.context().getBundles()) {
                if (bundle.getBundleId() == 0) {
                    continue;
                }
                // User interfaces stay off with --headless, the terminal shell without --console.
                boolean off = "ui".equals(bundle.getHeaders().get("Switchboard-Role"))
                        || "org.apache.felix.gogo.jline".equals(bundle.getSymbolicName());
                if (off) {
                    assertTrue(bundle.getState() != Bundle.ACTIVE, bundle.getSymbolicName() + " must not run");
                } else {
                    assertEquals(Bundle.ACTIVE, bundle.getState(), bundle.getSymbolicName() + " state");
                }
            }
            for (String name : List.of("org.apache.felix.scr", "org.apache.felix.configadmin",
                    "org.apache.felix.fileinstall", "org.apache.felix.gogo.runtime", "org.switchboard.api",
                    "org.switchboard.protocol", "org.switchboard.connection", "org.switchboard.keepalive",
                    "org.switchboard.session", "org.switchboard.ui.swing", "org.switchboard.feature.join")) {
                assertNotNull(client.bundle(name), name + " is part of the runtime");
            }
            for (String service : CORE_SERVICES) {
                assertNotNull(client.service(service, null), service);
            }
            assertNotNull(client.service("org.switchboard.api.command.CommandHandler", "(command.name=join)"));
            assertEquals(List.of(), unsatisfiedComponents(client));
        }
    }

    @Test
    void implementationBundlesShareNothingButTheVersionedApi() throws Exception {
        try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless")) {
            int checked = 0;
            for (Bundle bundle : client.context().getBundles()) {
                String bsn = bundle.getSymbolicName();
                if (!bsn.startsWith("org.switchboard.")) {
                    continue;
                }
                checked++;
                String exports = bundle.getHeaders().get("Export-Package");
                String imports = bundle.getHeaders().get("Import-Package");
                if (bsn.equals("org.switchboard.api")) {
                    for (String export : clauses(exports)) {
                        assertTrue(export.startsWith("org.switchboard.api.") && export.contains("version="),
                                "API export without a version: " + export);
                    }
                } else {
                    assertEquals(null, exports, bsn + " must export nothing");
                    for (String imported : clauses(imports)) {
                        assertTrue(!imported.startsWith("org.switchboard.") || imported.startsWith("org.switchboard.api."),
                                bsn + " imports an implementation package: " + imported);
                    }
                }
            }
            assertTrue(checked >= 7, "only " + checked + " Switchboard bundles found");
        }
    }

    /** The clauses of a manifest header, split on commas outside quotes. */
    private static List<String> clauses(String header) {
        List<String> result = new ArrayList<>();
        if (header == null) {
            return result;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                result.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        result.add(current.toString().trim());
        return result;
    }

    /** Components of our bundles that SCR could not satisfy or activate, with the reason SCR gives. */
    static List<String> unsatisfiedComponents(ClientRuntime client) throws Exception {
        Bundle scrApi = client.bundle("org.osgi.service.component");
        Class<?> scrType = scrApi.loadClass("org.osgi.service.component.runtime.ServiceComponentRuntime");
        Object scr = client.service(scrType.getName(), null);
        Collection<?> descriptions = (Collection<?>) scrType.getMethod("getComponentDescriptionDTOs", Bundle[].class)
                .invoke(scr, (Object) new Bundle[0]);
        List<String> problems = new ArrayList<>();
        for (Object description : descriptions) {
            String name = (String) field(description, "name");
            Object bundleDto = field(description, "bundle");
            String bsn = (String) field(bundleDto, "symbolicName");
            if (!bsn.startsWith("org.switchboard")) {
                continue;
            }
            Collection<?> configurations = (Collection<?>) invoke(scr, scrType, "getComponentConfigurationDTOs",
                    description);
            boolean enabled = (Boolean) invoke(scr, scrType, "isComponentEnabled", description);
            boolean needsConfiguration = "require".equals(field(description, "configurationPolicy"));
            if (enabled && configurations.isEmpty() && !needsConfiguration) {
                problems.add(name + ": no configuration");
            }
            for (Object configuration : configurations) {
                int state = (Integer) field(configuration, "state");
                // 1 unsatisfied configuration, 2 unsatisfied reference, 16 failed activation
                if (state == 1 || state == 2 || state == 16) {
                    Object failed = field(configuration, "failure");
                    Object unsatisfied = field(configuration, "unsatisfiedReferences");
                    List<Object> refs = new ArrayList<>();
                    for (int i = 0; unsatisfied != null && i < Array.getLength(unsatisfied); i++) {
                        refs.add(field(Array.get(unsatisfied, i), "name"));
                    }
                    problems.add(name + ": state " + state + " unsatisfied references " + refs + " failure " + failed);
                }
            }
        }
        assertTrue(descriptions.size() > 0, "SCR knows no components at all");
        return problems;
    }

    private static Object invoke(Object target, Class<?> type, String method, Object argument)
            throws ReflectiveOperationException {
        for (java.lang.reflect.Method m : type.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == 1) {
                return m.invoke(target, argument);
            }
        }
        throw new NoSuchMethodException(method);
    }

    private static Object field(Object dto, String name) throws ReflectiveOperationException {
        Field f = dto.getClass().getField(name);
        return f.get(dto);
    }
}
