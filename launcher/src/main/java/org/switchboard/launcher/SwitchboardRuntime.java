package org.switchboard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The embedded OSGi framework with Switchboard's bundles: builds the framework properties from the options,
 * installs (or updates) every jar of the distribution's {@code bundle/} folder and starts them.
 * Used by {@link Main} and by the in-framework tests, so that both run exactly the same runtime.
 */
public final class SwitchboardRuntime {

    /** Manifest header that marks a bundle as a user interface (not started with --headless). */
    public static final String ROLE_HEADER = "Switchboard-Role";

    /**
     * Manifest header: {@code false} installs a bundle without starting it (a second skin that the user starts
     * from the shell instead of the default one).
     */
    public static final String AUTOSTART_HEADER = "Switchboard-Autostart";

    private static final String CONSOLE_BUNDLE = "org.apache.felix.gogo.jline";

    /**
     * Start level of the bundles the main window needs (the framework services, the API, protocol, session and
     * the UI): they start first, and alone until the window has been painted.
     */
    static final int WINDOW_START_LEVEL = 1;
    /** Start level of what hears the connections' lines: the keepalive, the features, the demo network. */
    static final int LATER_START_LEVEL = 2;
    /**
     * The connections start once everything that hears their lines is registered: a local server welcomes a client
     * within milliseconds and may send PING at once (some check that before the welcome), and a PING that arrived
     * before the keepalive's responder went unanswered until the server dropped the link.
     */
    static final int CONNECTION_START_LEVEL = 3;
    /** What no line needs: the shell, FileInstall, the Plugins dialog, the OSGi log; after the connections. */
    static final int LAST_START_LEVEL = 4;
    private static final String CONNECTION_BUNDLE = "org.switchboard.connection";
    /** The service property of the URL opener, see {@link #openUrl}; the connection bundle registers it. */
    static final String URL_OPENER_PROPERTY = "switchboard.open";
    static final String URL_OPENER_VALUE = "irc-url";

    /**
     * How long the later bundles wait for the first window to be painted. Only an ordering: a window that takes
     * longer (a very busy machine, a skin that failed) just gets them started alongside.
     */
    static final Duration FIRST_PAINT_TIMEOUT = Duration.ofSeconds(3);
    /** How long the start waits to learn whether the display can be opened (the toolkit usually knows in 0.2 s). */
    private static final Duration DISPLAY_CHECK_PATIENCE = Duration.ofSeconds(10);
    private static final Duration STOP_AFTER_DISPLAY_FAILURE = Duration.ofSeconds(5);

    /**
     * Bundles not needed for the first window that the connections' lines go to, by symbolic name or prefix (ending
     * in '.').
     */
    private static final List<String> LATER_BUNDLES = List.of("org.switchboard.keepalive", "org.switchboard.feature.",
            "org.switchboard.demo");
    /**
     * Bundles needed neither for the window nor by a connection's first lines; starting them before the connection
     * kept the channel off the screen about 130 ms longer. The OSGi log is among them: while it runs, SCR asks it
     * for every message whether that level is enabled, which cost the window's bundles a tenth of their start;
     * until it comes, SCR writes errors to standard error itself.
     */
    private static final List<String> LAST_BUNDLES = List.of("org.switchboard.plugins.dialog", "org.switchboard.shell",
            "org.apache.felix.fileinstall", "org.apache.felix.gogo.", "org.jline", "org.apache.felix.log");


    /** FlatLaf is on the class path (see the launcher manifest); these are its packages. */
    private static final List<String> FLATLAF_PACKAGES = List.of("com.formdev.flatlaf", "com.formdev.flatlaf.icons",
            "com.formdev.flatlaf.json", "com.formdev.flatlaf.themes", "com.formdev.flatlaf.ui",
            "com.formdev.flatlaf.util");

    private final Path home;
    private final LaunchOptions options;
    private final ProfileDirectories profile;
    private final Map<String, String> extraProperties = new HashMap<>();
    private volatile Framework framework;
    private StartupFrame startupFrame;
    private DisplayCheck displayCheck;
    /** Held from the start until {@link #stop}; guarded by this. */
    private ProfileLock profileLock;
    /** Open while the lock is held, when the launcher asked for one; guarded by this. */
    private InstanceDoor instanceDoor;
    private InstanceDoor.Host handOver;
    private volatile boolean firstWindowPainted;

    public SwitchboardRuntime(Path home, LaunchOptions options, ProfileDirectories profile) {
        this.home = home;
        this.options = options;
        this.profile = profile;
    }

    /** Adds or overrides a framework property (tests use this, for example for a faster FileInstall poll). */
    public SwitchboardRuntime withProperty(String key, String value) {
        extraProperties.put(key, value);
        return this;
    }

    /** The frame the launcher put on screen early, offered to the UI bundle (see {@link StartupFrame}). */
    SwitchboardRuntime withStartupFrame(StartupFrame frame) {
        this.startupFrame = frame;
        return this;
    }

    /**
     * Lets a second start on this profile hand over to this runtime ({@link InstanceDoor}) while it holds the
     * profile: bring the window to the front, open the URLs it was given.
     */
    SwitchboardRuntime withHandOver(InstanceDoor.Host host) {
        this.handOver = host;
        return this;
    }

    /**
     * Hands an irc:// or ircs:// URL to the bundle that opens them: a service of the JDK's {@code Consumer} type
     * with {@value #URL_OPENER_PROPERTY}={@value #URL_OPENER_VALUE} (the connection bundle's; a JDK type, so the
     * launcher needs no API of a bundle). Without one, the URL is dropped with a warning.
     */
    void openUrl(String url) {
        Framework running = framework;
        String filter = "(" + URL_OPENER_PROPERTY + "=" + URL_OPENER_VALUE + ")";
        try {
            BundleContext context = running == null ? null : running.getBundleContext();
            ServiceReference<?>[] openers = context == null ? null
                    : context.getServiceReferences(java.util.function.Consumer.class.getName(), filter);
            if (openers == null || openers.length == 0) {
                log().log(Level.WARNING, "Nothing opens irc:// URLs yet; dropped " + url);
                return;
            }
            @SuppressWarnings("unchecked")
            java.util.function.Consumer<String> opener =
                    (java.util.function.Consumer<String>) context.getService(openers[0]);
            try {
                opener.accept(url);
            } finally {
                context.ungetService(openers[0]);
            }
        } catch (InvalidSyntaxException | RuntimeException e) {
            log().log(Level.WARNING, "Could not open " + url, e);
        }
    }

    /** Where {@link #start()} learns whether a window can be opened; without one it does not ask. */
    SwitchboardRuntime withDisplayCheck(DisplayCheck check) {
        this.displayCheck = check;
        return this;
    }

    /**
     * Shows the startup frame now, on the event thread, for the UI bundle to take when it starts; what the
     * launcher's main does from its UI warm-up, also for tests. Call before {@link #start()}, with a display.
     */
    public void showStartupFrame(Runnable onClose) throws InterruptedException {
        StartupFrame frame = new StartupFrame(StartupFrame.windowStateFile(profile), onClose);
        try {
            java.awt.EventQueue.invokeAndWait(frame::show);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("could not show the startup frame", e.getCause());
        }
        this.startupFrame = frame;
    }

    /** The shipped default skin: the one the launcher's {@link StartupFrame} is for. */
    static final String DEFAULT_SKIN = "org.switchboard.ui.swing";

    /**
     * True unless the user's plugin-manager choices say the default skin will not be the window: it was stopped or
     * uninstalled, or another shipped skin was started instead.
     */
    static boolean defaultSkinWillStart(BundleChoices choices) {
        BundleChoices.Choice defaultSkin = choices.of(DEFAULT_SKIN);
        if (defaultSkin == BundleChoices.Choice.STOPPED || defaultSkin == BundleChoices.Choice.UNINSTALLED) {
            return false;
        }
        return !choices.anyStarted(name -> name.startsWith("org.switchboard.ui.") && !name.equals(DEFAULT_SKIN));
    }

    /** {@link #defaultSkinWillStart(BundleChoices)} for the profile's choices. */
    static boolean defaultSkinWillStart(ProfileDirectories profile) {
        try {
            return defaultSkinWillStart(BundleChoices.read(profile.config().resolve(BundleChoices.FILE_NAME)));
        } catch (IOException | IllegalArgumentException e) {
            return true;
        }
    }

    public static String version() {
        return launcherProperties().getProperty("version", "unknown");
    }

    private static Properties launcherProperties() {
        Properties properties = new Properties();
        try (InputStream in = SwitchboardRuntime.class.getResourceAsStream("launcher.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    Map<String, String> frameworkProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, profile.cache().resolve("framework").toString());
        // The system bundle exports FlatLaf from the class path, versioned so that skins can ask for a range.
        String flatlafVersion = launcherProperties().getProperty("flatlaf.version", "0") + ".0";
        StringJoiner flatlafExports = new StringJoiner(",");
        for (String flatlafPackage : FLATLAF_PACKAGES) {
            flatlafExports.add(flatlafPackage + ";version=" + flatlafVersion);
        }
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, flatlafExports.toString());
        // Settings must outlive the bundle cache, which is only a cache.
        properties.put("felix.cm.dir", profile.config().resolve("configadmin").toString());
        properties.put("felix.fileinstall.dir", home.resolve("plugins").toString());
        properties.put("felix.fileinstall.poll", "1000");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.bundles.new.start", "true");
        properties.put("felix.fileinstall.log.level", "2");
        // With --console the shell owns the terminal; leaving it (exit, Ctrl-D) stops the client. No history file:
        // gosh would keep ~/.gogo.history, readable by others, with every irc:msg NickServ IDENTIFY typed in it.
        properties.put("gosh.args", "--nohistory");
        // start() raises the level to LAST_START_LEVEL itself, once the window is on screen.
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(WINDOW_START_LEVEL));
        properties.put("switchboard.home", home.toString());
        properties.put("switchboard.config.dir", profile.config().toString());
        properties.put("switchboard.data.dir", profile.data().toString());
        properties.put("switchboard.cache.dir", profile.cache().toString());
        properties.put(BundleChoices.FILE_PROPERTY, choicesFile().toString());
        properties.put("switchboard.headless", Boolean.toString(options.headless()));
        if (options.demo()) {
            properties.put("switchboard.demo", "true");
        }
        if (!options.urls().isEmpty()) {
            properties.put("switchboard.connect", String.join(" ", options.urls()));
        }
        if (options.nick() != null) {
            properties.put("switchboard.nick", options.nick());
        }
        properties.putAll(extraProperties);
        return properties;
    }

    /**
     * Starts the framework and the bundles; returns once every bundle has been asked to start. The window's
     * bundles start first; the others only when the window has been painted (or {@link #FIRST_PAINT_TIMEOUT}
     * passed), so that on a machine with few cores the window does not share them with connections, features,
     * FileInstall and the shell.
     */
    public Framework start() throws BundleException, IOException, InterruptedException, StartRefusedException {
        lockProfile();
        boolean started = false;
        try {
            Framework running = startFramework();
            started = true;
            openDoor();
            return running;
        } finally {
            if (!started) {
                releaseProfile();
            }
        }
    }

    /**
     * Takes the profile for this process (see {@link ProfileLock}), unless done already; {@link #start()} does it
     * first. The launcher does it before anything shows on screen, so that a second start on a profile in use
     * shows nothing but its answer.
     *
     * @throws ProfileInUseException when another client holds the profile
     */
    void lockProfile() throws IOException, ProfileInUseException {
        synchronized (this) {
            if (profileLock != null) {
                return;
            }
        }
        for (Path dir : List.of(profile.config(), profile.data(), profile.cache())) {
            Files.createDirectories(dir);
        }
        OwnerOnlyFolder.restrict(profile.config());
        // the data folder holds the disk logs: private queries, and whatever a password slipped into
        OwnerOnlyFolder.restrict(profile.data());
        ProfileLock lock = ProfileLock.acquire(profile.config(), !options.headless());
        synchronized (this) {
            profileLock = lock;
        }
    }

    /**
     * Opens the door for a second start ({@link #withHandOver}) once the window is up: its socket classes cost
     * start-up time otherwise, and until then a second start is told the profile is in use.
     */
    private synchronized void openDoor() {
        if (handOver != null && profileLock != null && instanceDoor == null) {
            instanceDoor = InstanceDoor.open(profile.config(), handOver);
        }
    }

    private Framework startFramework() throws BundleException, IOException, InterruptedException, StartRefusedException {
        // Felix by name: looking the factory up with a ServiceLoader reads every jar of the class path first.
        FrameworkFactory factory = new org.apache.felix.framework.FrameworkFactory();
        framework = factory.newFramework(frameworkProperties());
        framework.init();
        StartupTrace.mark("framework initialised");
        ServiceRegistration<?> frameOffer = startupFrame == null ? null : framework.getBundleContext().registerService(
                Supplier.class.getName(), startupFrame,
                new Hashtable<>(Map.of(StartupFrame.SERVICE_PROPERTY, "true")));
        BundleChoices choices = readChoices();
        List<Bundle> bundles = installBundles(framework, choices);
        List<Bundle> toStart = bundlesToStart(bundles, choices, options, pluginSkinStarts(bundles));
        boolean windowed = false;
        for (Bundle bundle : bundles) {
            if (isFragment(bundle)) {
                continue;
            }
            BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
            if (level != null && level.getStartLevel() != startLevel(bundle)) {
                level.setStartLevel(startLevel(bundle));
            }
            if (!toStart.contains(bundle)) {
                // Persistently stopped, so that a later start from the shell is remembered like any other.
                bundle.stop();
                continue;
            }
            try {
                bundle.start();
                windowed |= isUserInterface(bundle);
            } catch (BundleException e) {
                // One broken bundle must not keep the client from starting.
                log().log(Level.ERROR, "Bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage(), e);
            }
        }
        StartupTrace.mark("bundles installed");
        if (windowed && displayCheck != null) {
            // Before the first start level: nothing has connected yet, so giving up here sends nothing anywhere.
            Optional<String> problem = displayCheck.problem(DISPLAY_CHECK_PATIENCE);
            if (problem.isPresent()) {
                if (frameOffer != null) {
                    frameOffer.unregister();
                }
                framework.stop();
                framework.waitForStop(STOP_AFTER_DISPLAY_FAILURE.toMillis());
                throw new StartRefusedException(DisplayCheck.explain(problem.get()));
            }
        }
        // Watching from before the first level starts: the window may be painted before framework.start() returns.
        StartupFrame early = startupFrame;
        Optional<FirstWindowPaint> firstPaint = windowed
                ? FirstWindowPaint.watch(window -> early != null && early.isUnclaimed(window)) : Optional.empty();
        if (early != null) {
            firstPaint.ifPresent(watcher -> early.whenFilled(watcher::painted));
        }
        framework.start();
        StartupTrace.mark("window bundles started");
        if (firstPaint.isPresent()) {
            boolean painted = firstPaint.get().await(FIRST_PAINT_TIMEOUT);
            firstWindowPainted = painted;
            StartupTrace.mark(painted ? "first window painted" : "no window painted in time");
        }
        // Through every level in order: the connections after what hears them, then the rest.
        raiseStartLevel(LAST_START_LEVEL);
        StartupTrace.mark("all bundles started");
        if (frameOffer != null) {
            // Nobody took it by now (another skin, a skin that failed): it must not linger empty.
            try {
                frameOffer.unregister();
            } catch (IllegalStateException e) {
                // the framework stopped meanwhile, and took the registration with it
            }
            startupFrame.disposeIfUnclaimed();
        }
        return framework;
    }

    /** Raises the framework's start level and waits until it is reached, or the framework is being stopped. */
    private void raiseStartLevel(int startLevel) throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(1);
        try {
            framework.adapt(FrameworkStartLevel.class).setStartLevel(startLevel, event -> reached.countDown());
        } catch (IllegalStateException e) {
            // Stopped meanwhile (a signal during start-up): nothing more to start.
            return;
        }
        while (!reached.await(50, TimeUnit.MILLISECONDS)) {
            if (framework.getState() != Bundle.ACTIVE) {
                return;
            }
        }
    }

    /**
     * Looked up only when there is something to log: the first logger of the process sets up the logging back
     * end, which would otherwise cost the main thread milliseconds at every start.
     */
    private static Logger log() {
        return System.getLogger(SwitchboardRuntime.class.getName());
    }

    /** True when start() saw the first window painted, false when it waited in vain (or there was no window). */
    public boolean firstWindowPainted() {
        return firstWindowPainted;
    }

    public Framework framework() {
        return framework;
    }

    /** Stops the framework (components deactivate, connections send QUIT) and waits up to the timeout. */
    public boolean stop(long timeoutMillis) throws BundleException, InterruptedException {
        try {
            if (framework == null) {
                return true;
            }
            framework.stop();
            FrameworkEvent event = framework.waitForStop(timeoutMillis);
            return event.getType() != FrameworkEvent.WAIT_TIMEDOUT;
        } finally {
            releaseProfile();
        }
    }

    /** Lets another client have the profile; the process's exit does the same when the framework stops by itself. */
    private synchronized void releaseProfile() {
        // the door first: its socket file belongs to whoever holds the lock
        if (instanceDoor != null) {
            instanceDoor.close();
            instanceDoor = null;
        }
        if (profileLock != null) {
            profileLock.close();
            profileLock = null;
        }
    }

    /** True when a skin installed from elsewhere than bundle/ (the plugins folder) is set to start. */
    private boolean pluginSkinStarts(List<Bundle> shipped) {
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (!shipped.contains(bundle) && isUserInterface(bundle)) {
                BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
                if (level != null && level.isPersistentlyStarted()) {
                    return true;
                }
            }
        }
        return false;
    }

    private Path choicesFile() {
        return profile.config().resolve(BundleChoices.FILE_NAME);
    }

    private BundleChoices readChoices() {
        try {
            return BundleChoices.read(choicesFile());
        } catch (IOException | IllegalArgumentException e) {
            log().log(Level.WARNING, "Could not read " + choicesFile() + " (" + e.getMessage()
                    + "); the bundles start as shipped");
            return BundleChoices.none();
        }
    }

    /**
     * The bundles (fragments aside) that start in this run. The run's mode comes first: no user interface when
     * headless, no terminal shell without --console. Then what the user chose in the plugin manager, then the
     * manifest's {@value #AUTOSTART_HEADER}. One skin at a time: a skin the user started replaces the ones that
     * would start by default; and a window run where the user stopped every skin still gets the default one, since
     * a client without a window could only be stopped with a signal ({@code pluginSkinStarts}: unless a skin from
     * the plugins folder, which FileInstall starts later, is to be the window).
     */
    static List<Bundle> bundlesToStart(List<Bundle> bundles, BundleChoices choices, LaunchOptions options,
            boolean pluginSkinStarts) {
        boolean skinChosen = false;
        for (Bundle bundle : bundles) {
            skinChosen |= isUserInterface(bundle) && choices.of(bundle.getSymbolicName()) == BundleChoices.Choice.STARTED;
        }
        List<Bundle> start = new ArrayList<>();
        List<Bundle> defaultSkins = new ArrayList<>();
        boolean skinStarts = false;
        for (Bundle bundle : bundles) {
            if (isFragment(bundle) || options.headless() && isUserInterface(bundle)
                    || !options.console() && isConsole(bundle)) {
                continue;
            }
            BundleChoices.Choice choice = choices.of(bundle.getSymbolicName());
            if (isUserInterface(bundle) && isAutostart(bundle)) {
                defaultSkins.add(bundle);
            }
            boolean wanted = choice == null ? isAutostart(bundle) && !(skinChosen && isUserInterface(bundle))
                    : choice == BundleChoices.Choice.STARTED;
            if (wanted) {
                start.add(bundle);
                skinStarts |= isUserInterface(bundle);
            }
        }
        if (!options.headless() && !skinStarts && !pluginSkinStarts) {
            start.addAll(defaultSkins);
        }
        return start;
    }

    static boolean isAutostart(Bundle bundle) {
        return !"false".equalsIgnoreCase(String.valueOf(bundle.getHeaders().get(AUTOSTART_HEADER)).trim());
    }

    /** The window's bundles first; see {@link #WINDOW_START_LEVEL}. */
    static int startLevel(Bundle bundle) {
        String name = bundle.getSymbolicName();
        if (name == null || isUserInterface(bundle)) {
            return WINDOW_START_LEVEL;
        }
        if (name.equals(CONNECTION_BUNDLE)) {
            return CONNECTION_START_LEVEL;
        }
        if (matches(name, LATER_BUNDLES)) {
            return LATER_START_LEVEL;
        }
        return matches(name, LAST_BUNDLES) ? LAST_START_LEVEL : WINDOW_START_LEVEL;
    }

    private static boolean matches(String name, List<String> namesAndPrefixes) {
        for (String entry : namesAndPrefixes) {
            if (entry.endsWith(".") ? name.startsWith(entry) : name.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    static boolean isUserInterface(Bundle bundle) {
        return "ui".equals(bundle.getHeaders().get(ROLE_HEADER));
    }

    /** The Gogo terminal front end: it takes over standard input, so it runs only with --console. */
    static boolean isConsole(Bundle bundle) {
        return CONSOLE_BUNDLE.equals(bundle.getSymbolicName());
    }

    /** The jar's Bundle-SymbolicName without its attributes, or null when it has none or cannot be read. */
    static String symbolicName(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String header = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (header == null) {
                return null;
            }
            int semicolon = header.indexOf(';');
            return (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    /**
     * Installs every jar of bundle/; a jar already installed from the same location is updated when the file is
     * newer than the installed bundle, and bundles whose jar is gone are uninstalled. Keeping the cache (rather
     * than cleaning it at every start) makes start-up faster.
     */
    private List<Bundle> installBundles(Framework framework, BundleChoices choices) throws IOException {
        Path bundleDir = home.resolve("bundle");
        List<Path> jars;
        try (Stream<Path> files = Files.list(bundleDir)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(Path::getFileName)).toList();
        }
        if (choices.anyUninstalled()) {
            // Read manifests only then: it costs start-up a few milliseconds per jar.
            jars = jars.stream().filter(jar -> choices.of(symbolicName(jar)) != BundleChoices.Choice.UNINSTALLED)
                    .toList();
        }
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            installed.put(bundle.getLocation(), bundle);
        }
        List<Bundle> result = new ArrayList<>();
        for (Path jar : jars) {
            String location = jar.toUri().toString();
            Bundle bundle = installed.remove(location);
            try {
                if (bundle == null) {
                    bundle = framework.getBundleContext().installBundle(location);
                } else if (Files.getLastModifiedTime(jar).toMillis() > bundle.getLastModified()) {
                    bundle.update();
                }
                result.add(bundle);
            } catch (BundleException e) {
                log().log(Level.ERROR, "Could not install " + jar.getFileName() + ": " + e.getMessage(), e);
            }
        }
        for (Bundle leftover : installed.values()) {
            if (leftover.getLocation().startsWith(bundleDir.toUri().toString())) {
                try {
                    leftover.uninstall();
                } catch (BundleException e) {
                    log().log(Level.WARNING, "Could not uninstall " + leftover.getLocation(), e);
                }
            }
        }
        return result;
    }
}
