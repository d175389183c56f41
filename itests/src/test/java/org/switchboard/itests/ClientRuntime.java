package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.switchboard.launcher.CommandLine;
import org.switchboard.launcher.LaunchOptions;
import org.switchboard.launcher.ProfileDirectories;
import org.switchboard.launcher.SwitchboardRuntime;

/**
 * The client's real runtime, booted in this JVM by the launcher's own {@link SwitchboardRuntime} on a private
 * copy of the distribution's bundle/ folder, with a fresh profile.
 *
 * <p>The API classes inside the framework come from the api bundle's class loader, not from this test's class
 * path, so services are called reflectively through their interfaces as that bundle loads them.
 */
final class ClientRuntime implements AutoCloseable {

    static final Path DIST = Path.of(System.getProperty("switchboard.dist.dir", "../distribution/target/dist"));
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Path home;
    private final SwitchboardRuntime runtime;
    private final Framework framework;

    private ClientRuntime(Path home, SwitchboardRuntime runtime, Framework framework) {
        this.home = home;
        this.runtime = runtime;
        this.framework = framework;
    }

    /**
     * Starts the client with command-line arguments, in {@code workDir} (which receives home/ and profile/).
     * Bundles whose file name starts with one of {@code leaveOut} are not copied to bundle/.
     */
    static ClientRuntime start(Path workDir, List<String> leaveOut, String... args) throws Exception {
        return start(workDir, leaveOut, runtime -> { }, args);
    }

    /** Something to do with the runtime before it starts (what the launcher's main does besides). */
    interface BeforeStart {
        void accept(SwitchboardRuntime runtime) throws Exception;
    }

    /** The same, with {@code beforeStart} run on the runtime just before it starts. */
    static ClientRuntime start(Path workDir, List<String> leaveOut, BeforeStart beforeStart, String... args)
            throws Exception {
        if (!Files.isDirectory(DIST.resolve("bundle"))) {
            fail("the distribution is not built at " + DIST.toAbsolutePath() + " (run mvn verify from the top)");
        }
        Path home = workDir.resolve("home");
        Files.createDirectories(home.resolve("bundle"));
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("conf"));
        try (Stream<Path> jars = Files.list(DIST.resolve("bundle"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                String name = jar.getFileName().toString();
                if (leaveOut.stream().noneMatch(name::startsWith)) {
                    Files.copy(jar, home.resolve("bundle").resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (!java.awt.GraphicsEnvironment.isHeadless()) {
            // AWT's event queue starts its event thread in the thread group of the thread that made the queue,
            // and never again once that group is gone; made here, it is the test's main group, which outlives
            // every runtime (made first by a framework thread, it hung BouncerIT when run on its own)
            java.awt.Toolkit.getDefaultToolkit().getSystemEventQueue();
        }
        LaunchOptions options = CommandLine.parse(args);
        SwitchboardRuntime runtime = new SwitchboardRuntime(home, options,
                ProfileDirectories.under(workDir.resolve("profile")))
                .withProperty("felix.fileinstall.poll", "200");
        beforeStart.accept(runtime);
        Framework framework = runtime.start();
        return new ClientRuntime(home, runtime, framework);
    }

    Path home() {
        return home;
    }

    SwitchboardRuntime runtime() {
        return runtime;
    }

    static Path distributionBundle(String fileNamePrefix) throws IOException {
        try (Stream<Path> jars = Files.list(DIST.resolve("bundle"))) {
            return jars.filter(p -> p.getFileName().toString().startsWith(fileNamePrefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no bundle " + fileNamePrefix + "* in the distribution"));
        }
    }

    /** True once the framework has stopped (the system bundle is back to RESOLVED). */
    boolean frameworkStopped() {
        return (framework.getState() & (Bundle.RESOLVED | Bundle.INSTALLED)) != 0;
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    Bundle bundle(String symbolicName) {
        return Arrays.stream(context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElse(null);
    }

    /** Waits for a service of the interface (and optional LDAP filter) and returns it. */
    Object service(String interfaceName, String filter) throws InterruptedException {
        Object[] found = new Object[1];
        await("service " + interfaceName + (filter == null ? "" : " " + filter), () -> {
            found[0] = findService(interfaceName, filter);
            return found[0] != null;
        });
        return found[0];
    }

    /** A flag of {@code org.switchboard.api.session.BufferLine} by name, read from the API bundle the client runs. */
    int lineFlag(String name) {
        try {
            return bundle("org.switchboard.api").loadClass("org.switchboard.api.session.BufferLine").getField(name)
                    .getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("BufferLine." + name + " is not in the API bundle", e);
        }
    }

    /**
     * Sets the configuration of {@code pid} through the client's ConfigurationAdmin (loaded by the framework, hence
     * by reflection), as a user's settings would; the component picks it up asynchronously.
     */
    void configure(String pid, Object... keysAndValues) throws Exception {
        Object admin = service("org.osgi.service.cm.ConfigurationAdmin", null);
        Bundle configAdmin = bundle("org.apache.felix.configadmin");
        Class<?> adminType = configAdmin.loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Class<?> configurationType = configAdmin.loadClass("org.osgi.service.cm.Configuration");
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, pid, "?");
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        configurationType.getMethod("update", java.util.Dictionary.class).invoke(configuration, properties);
    }

    /**
     * Keeps the keepalive from probing an idle link for an hour: tests that count the bytes the client sends must
     * not see a lag probe just because a slow machine made them take longer than the 30 s default.
     */
    void noIdleProbes() throws Exception {
        configure("org.switchboard.keepalive", "probeAfterIdleSeconds", 3600, "deadAfterSeconds", 7200,
                "lagCheckSeconds", 0);
    }

    Object findService(String interfaceName, String filter) {
        try {
            ServiceReference<?>[] refs = context().getAllServiceReferences(interfaceName, filter);
            if (refs == null || refs.length == 0) {
                return null;
            }
            return context().getService(refs[0]);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Calls a public method of an API interface on a service object, by name and argument count. */
    Object call(Object target, String interfaceName, String method, Object... args) {
        try {
            Class<?> type = bundle("org.switchboard.api").loadClass(interfaceName);
            Method m = Arrays.stream(type.getMethods())
                    .filter(x -> x.getName().equals(method) && x.getParameterCount() == args.length).findFirst()
                    .orElseThrow(() -> new AssertionError(interfaceName + " has no method " + method));
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(method + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls an accessor of a record or any public no-argument method reflectively. */
    static Object get(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot call " + method + " on " + target.getClass(), e);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    // ---- IRC-level steps, through the API services ----

    static final String CONNECTION = "org.switchboard.api.connection.IrcConnection";
    static final String SESSION = "org.switchboard.api.session.Session";
    static final String DISPATCHER = "org.switchboard.api.command.CommandDispatcher";

    /** Waits until a network's connection is registered (state CONNECTED) and returns the network's name. */
    String awaitConnected() throws InterruptedException {
        String[] network = new String[1];
        await("a connection in state CONNECTED", () -> {
            try {
                ServiceReference<?>[] refs = context().getAllServiceReferences(CONNECTION, null);
                for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                    Object connection = context().getService(ref);
                    if ("CONNECTED".equals(String.valueOf(call(connection, CONNECTION, "state")))) {
                        network[0] = (String) ref.getProperty("irc.network");
                        return true;
                    }
                }
                return false;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        return network[0];
    }

    /** Waits for any network's connection service, whatever its state, and returns the network's name. */
    String awaitNetwork() throws InterruptedException {
        String[] network = new String[1];
        await("a connection service", () -> {
            try {
                ServiceReference<?>[] refs = context().getAllServiceReferences(CONNECTION, null);
                if (refs != null && refs.length > 0) {
                    network[0] = (String) refs[0].getProperty("irc.network");
                }
                return network[0] != null;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        return network[0];
    }

    Object connection(String network) throws InterruptedException {
        return service(CONNECTION, "(irc.network=" + network + ")");
    }

    /** Types a line into a buffer, as the input field does. */
    void input(String network, String buffer, String text) throws InterruptedException {
        call(service(DISPATCHER, null), DISPATCHER, "execute", network, buffer, text);
    }

    boolean hasCommand(String name) throws InterruptedException {
        return (Boolean) call(service(DISPATCHER, null), DISPATCHER, "hasCommand", name);
    }

    /** Waits until some bundle provides the command (SCR registers a started bundle's handlers a moment later). */
    void awaitCommand(String name) throws InterruptedException {
        await("/" + name + " to be registered", () -> {
            try {
                return hasCommand(name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        });
    }

    static final String BUFFER = "org.switchboard.api.session.Buffer";

    /** The session's buffer (an {@code org.switchboard.api.session.Buffer}), or null when there is none. */
    Object buffer(String network, String buffer) throws InterruptedException {
        Object session = service(SESSION, null);
        java.util.Optional<?> found = (java.util.Optional<?>) call(session, SESSION, "find", network, buffer);
        return found.orElse(null);
    }

    /** Every line a buffer holds ({@code BufferLine} records), or an empty list when there is no such buffer. */
    List<?> bufferLines(String network, String buffer) throws InterruptedException {
        Object b = buffer(network, buffer);
        if (b == null) {
            return List.of();
        }
        long first = (Long) call(b, BUFFER, "firstLine");
        long end = (Long) call(b, BUFFER, "endLine");
        return (List<?>) call(b, BUFFER, "lines", first, end);
    }

    /** The texts of every line a buffer holds, or an empty list when there is no such buffer. */
    List<String> lines(String network, String buffer) throws InterruptedException {
        return bufferLines(network, buffer).stream().map(line -> String.valueOf(get(line, "text"))).toList();
    }

    void awaitLine(String network, String buffer, java.util.function.Predicate<String> matcher, String what)
            throws InterruptedException {
        await(what + " in buffer " + buffer, () -> {
            try {
                return lines(network, buffer).stream().anyMatch(matcher);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        });
    }

    /** The live threads whose names start with a prefix (the connection names its reader "switchboard-reader-..."). */
    static List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).toList();
    }

    @Override
    public void close() throws Exception {
        if (!runtime.stop(15_000)) {
            fail("the framework did not stop within 15 s");
        }
        if (!java.awt.GraphicsEnvironment.isHeadless()) {
            // UI components dispose their windows with invokeLater from deactivate (and save the window state
            // then); let that finish before the test's folders are deleted. Bounded, not invokeAndWait: when AWT
            // cannot start an event thread (see start) the posted event never runs, and that hung the build
            // (BouncerIT run on its own, 2 December); an event thread that ended did so with its queue empty.
            for (int i = 0; i < 3; i++) {
                java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
                java.awt.EventQueue.invokeLater(ran::countDown);
                if (!ran.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    System.err.println("ClientRuntime: the event thread did not run a posted event within 5 s;"
                            + " not waiting for it");
                    break;
                }
            }
        }
    }
}
