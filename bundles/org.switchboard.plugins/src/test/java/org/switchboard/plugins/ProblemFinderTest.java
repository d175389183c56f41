package org.switchboard.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

class ProblemFinderTest {

    @Test
    void requirementsAreDescribedAsTheManifestWouldSayThem() {
        assertEquals("package org.switchboard.test.nowhere [1.0.0,2.0.0)", ProblemFinder.describe(requirement(
                "osgi.wiring.package", "(&(osgi.wiring.package=org.switchboard.test.nowhere)(version>=1.0.0)"
                        + "(!(version>=2.0.0)))")));
        assertEquals("package org.example 1.5.0 or later", ProblemFinder.describe(requirement("osgi.wiring.package",
                "(&(osgi.wiring.package=org.example)(version>=1.5.0))")));
        assertEquals("package org.example", ProblemFinder.describe(requirement("osgi.wiring.package",
                "(osgi.wiring.package=org.example)")));
        assertEquals("bundle org.example.lib [2.0.0,3.0.0)", ProblemFinder.describe(requirement("osgi.wiring.bundle",
                "(&(osgi.wiring.bundle=org.example.lib)(bundle-version>=2.0.0)(!(bundle-version>=3.0.0)))")));
        assertEquals("execution environment JavaSE", ProblemFinder.describe(requirement("osgi.ee",
                "(&(osgi.ee=JavaSE)(version=21))")));
        assertEquals("example.namespace (weird=1)", ProblemFinder.describe(requirement("example.namespace",
                "(weird=1)")));
    }

    private static Requirement requirement(String namespace, String filter) {
        return new Requirement() {
            @Override
            public String getNamespace() {
                return namespace;
            }

            @Override
            public Map<String, String> getDirectives() {
                return Map.of("filter", filter);
            }

            @Override
            public Map<String, Object> getAttributes() {
                return Map.of();
            }

            @Override
            public Resource getResource() {
                return null;
            }
        };
    }
}
