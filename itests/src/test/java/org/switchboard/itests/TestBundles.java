package org.switchboard.itests;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The jars of the misbehaving bundles under itests/test-bundles. They are test dependencies of this module, so
 * they are on the class path: a class of each is found there, and with it the jar (or, inside a reactor build
 * that stopped short of packaging, the module's target/ folder holding the jar).
 */
final class TestBundles {

    static final String THROWING = "org.switchboard.test.throwing";
    static final String BLOCKING = "org.switchboard.test.blocking";
    static final String UNRESOLVABLE = "org.switchboard.test.unresolvable";
    static final String BROKEN = "org.switchboard.test.broken";

    private TestBundles() {
    }

    /** The bundle jar of a test bundle, named by its symbolic name (which is also its package). */
    static Path jar(String symbolicName) {
        String resource = symbolicName.replace('.', '/') + "/";
        URL url = TestBundles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new AssertionError(symbolicName + " is not on the test class path: build itests/test-bundles first");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
                return Path.of(new URL(file).toURI());
            }
            Path classes = Path.of(url.toURI());
            for (int i = 0; i < symbolicName.split("\\.").length; i++) {
                classes = classes.getParent();
            }
            try (Stream<Path> files = Files.list(classes.getParent())) {
                return files.filter(p -> p.getFileName().toString().startsWith(symbolicName)
                        && p.getFileName().toString().endsWith(".jar")).findFirst()
                        .orElseThrow(() -> new AssertionError("no jar of " + symbolicName + " next to " + url));
            }
        } catch (URISyntaxException | java.io.IOException e) {
            throw new AssertionError("cannot locate " + symbolicName + " from " + url, e);
        }
    }
}
