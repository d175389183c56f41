package org.switchboard.plugins;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.FrameworkWiring;
import org.switchboard.api.plugins.PluginException;
import org.switchboard.api.plugins.PluginOrigin;
import org.switchboard.api.plugins.PluginProblem;
import org.switchboard.api.plugins.PluginRole;

/**
 * The bundle operations themselves, run one at a time on the plugin manager's thread. Every failure becomes a
 * {@link PluginException} with a message for the user.
 *
 * <p>Installing from a file goes through the {@code plugins/} folder rather than straight into the framework: the
 * jar is copied there and FileInstall installs it, so the plugin survives restarts and a deleted framework cache,
 * and the folder stays the one place that lists what the user added (deleting the file still uninstalls it).
 */
final class PluginOperations {

    static final String FILE_INSTALL = "org.apache.felix.fileinstall";
    private static final System.Logger LOG = System.getLogger(PluginOperations.class.getName());
    private static final long POLL_MILLIS = 100;
    private static final long REFRESH_WAIT_SECONDS = 30;
    private static final long FILE_INSTALL_START_WAIT_SECONDS = 5;

    private final BundleContext context;
    private final FrameworkWiring wiring;
    private final PluginClassifier classifier;
    private final ProblemFinder problems;
    private final long fileInstallWaitMillis;
    private final boolean fileInstallStarts;

    PluginOperations(BundleContext context, PluginClassifier classifier, ProblemFinder problems,
            long fileInstallWaitMillis) {
        this.context = context;
        this.wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        this.classifier = classifier;
        this.problems = problems;
        this.fileInstallWaitMillis = fileInstallWaitMillis;
        this.fileInstallStarts = !"false".equalsIgnoreCase(context.getProperty("felix.fileinstall.bundles.new.start"));
    }

    /**
     * Copies a bundle jar into the plugins folder (over the file of an installed bundle of the same symbolic name
     * there) and waits for FileInstall to install or update it.
     */
    Bundle placeInPlugins(Path jar) throws InterruptedException {
        Path source = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new PluginException("No such file: " + source);
        }
        Path plugins = classifier.pluginsFolder().orElseThrow(() -> new PluginException(
                "No plugins folder is configured (felix.fileinstall.dir), so nothing can be installed from a file"));
        if (!fileInstallRuns()) {
            throw new PluginException("FileInstall is not running, so the plugins folder is not watched; start "
                    + FILE_INSTALL + " first");
        }
        String symbolicName = symbolicNameOf(source);
        Optional<Bundle> existing = installed(symbolicName);
        Path target;
        if (existing.isPresent()) {
            Bundle bundle = existing.get();
            if (classifier.origin(bundle) != PluginOrigin.PLUGINS_FOLDER) {
                throw new PluginException(symbolicName + " " + bundle.getVersion() + " is already installed ("
                        + originText(classifier.origin(bundle)) + "); uninstall it first");
            }
            target = PluginClassifier.file(bundle.getLocation()).orElseThrow();
        } else {
            target = plugins.resolve(source.getFileName().toString());
            if (Files.exists(target) && !sameFile(source, target)) {
                throw new PluginException("The plugins folder already holds another " + target.getFileName()
                        + "; rename the file to install it");
            }
        }
        boolean inPlace = sameFile(source, target);
        if (inPlace && existing.isPresent()) {
            return existing.get();
        }
        long before = existing.map(Bundle::getLastModified).orElse(0L);
        Supplier<Optional<Bundle>> placed = existing.isPresent()
                ? () -> existing.filter(b -> b.getLastModified() != before || b.getState() == Bundle.UNINSTALLED)
                : () -> bundleAt(target);
        return afterFileInstall(placed, inPlace ? () -> { } : () -> copy(source, target), (existing.isPresent()
                ? "FileInstall did not update " + symbolicName + " from " : "FileInstall did not install ")
                + target.getFileName());
    }

    /**
     * Does {@code change} to the plugins folder and waits for FileInstall to act on it: until {@code placed} finds
     * the bundle, then until the framework refresh FileInstall does after every install and update has finished
     * (it stops and restarts the bundle; starting it before would race that).
     */
    private Bundle afterFileInstall(Supplier<Optional<Bundle>> placed, Runnable change, String failure)
            throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        FrameworkListener refreshes = event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED && placed.get().isPresent()) {
                refreshed.countDown();
            }
        };
        context.addFrameworkListener(refreshes);
        try {
            change.run();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(fileInstallWaitMillis);
            Optional<Bundle> bundle = placed.get();
            while (bundle.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new PluginException(failure + " within " + TimeUnit.MILLISECONDS.toSeconds(
                            fileInstallWaitMillis) + " s; its log says why");
                }
                Thread.sleep(POLL_MILLIS);
                bundle = placed.get();
            }
            if (!refreshed.await(REFRESH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "FileInstall did not refresh " + name(bundle.get()) + " after installing it");
            }
            return bundle.get();
        } finally {
            context.removeFrameworkListener(refreshes);
        }
    }

    private Optional<Bundle> bundleAt(Path file) {
        for (Bundle bundle : context.getBundles()) {
            if (PluginClassifier.file(bundle.getLocation()).filter(file::equals).isPresent()) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    /**
     * Gives FileInstall the time to start what it installed (unless it is configured not to), so that starting it
     * here does not race FileInstall's own start for the framework's locks; a bundle that cannot resolve is not
     * waited for.
     */
    void awaitStartedByFileInstall(Bundle bundle) throws InterruptedException {
        if (!fileInstallStarts || ProblemFinder.isFragment(bundle)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FILE_INSTALL_START_WAIT_SECONDS);
        while (bundle.getState() != Bundle.ACTIVE && problems.unresolved(bundle).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Starts a bundle; a failure says {@code failure} followed by the reason. */
    void start(Bundle bundle, String failure) {
        if (ProblemFinder.isFragment(bundle)) {
            throw new PluginException(name(bundle) + " is a fragment: it attaches to its host bundle and cannot start");
        }
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            throw new PluginException(failure + reason(bundle, e), e);
        }
    }

    void stop(Bundle bundle) {
        try {
            bundle.stop();
        } catch (BundleException | IllegalStateException e) {
            throw new PluginException("Could not stop " + name(bundle) + ": " + reason(bundle, e), e);
        }
    }

    /** One skin at a time: once a skin has started, the others stop. */
    /** Stops every other running skin; returns the ones it stopped. */
    List<Bundle> stopOtherSkins(Bundle started) {
        List<Bundle> stopped = new ArrayList<>();
        for (Bundle other : context.getBundles()) {
            if (other.getBundleId() != started.getBundleId() && classifier.role(other) == PluginRole.UI_SKIN
                    && (other.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                try {
                    other.stop();
                    stopped.add(other);
                } catch (BundleException | IllegalStateException e) {
                    LOG.log(Level.WARNING, "Could not stop the skin " + name(other) + " after starting "
                            + name(started) + ": " + e.getMessage(), e);
                }
            }
        }
        return stopped;
    }

    void update(Bundle bundle) throws InterruptedException {
        try {
            bundle.update();
        } catch (BundleException | IllegalStateException e) {
            throw new PluginException("Could not update " + name(bundle) + ": " + reason(bundle, e), e);
        }
        refresh(bundle);
    }

    /** Uninstalls; a bundle from the plugins folder loses its file first, so FileInstall cannot reinstall it. */
    void uninstall(Bundle bundle) throws InterruptedException {
        if (classifier.origin(bundle) == PluginOrigin.PLUGINS_FOLDER) {
            Path file = PluginClassifier.file(bundle.getLocation()).orElseThrow();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new PluginException("Could not delete " + file + ": " + e.getMessage(), e);
            }
        }
        try {
            bundle.uninstall();
        } catch (IllegalStateException alreadyGone) {
            // FileInstall saw the file go and was quicker.
        } catch (BundleException e) {
            throw new PluginException("Could not uninstall " + name(bundle) + ": " + e.getMessage(), e);
        }
        refresh(bundle);
    }

    /** Lets the framework drop the old revisions (and class loaders) of an updated or uninstalled bundle. */
    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> done.countDown());
        if (!done.await(REFRESH_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.log(Level.WARNING, "The framework did not finish refreshing " + name(bundle) + " within "
                    + REFRESH_WAIT_SECONDS + " s");
        }
    }

    /** Why an operation failed: what the bundle misses when that is the reason, else the framework's words. */
    private String reason(Bundle bundle, Exception e) {
        List<PluginProblem> missing = problems.unresolved(bundle);
        if (!missing.isEmpty()) {
            return missing.stream().map(PluginProblem::message).collect(Collectors.joining("; "));
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip().lines().findFirst().orElse("");
        return e.getCause() == null ? message : message + " (" + CallbackRecords.summary(e.getCause()) + ")";
    }

    private boolean fileInstallRuns() {
        for (Bundle bundle : context.getBundles()) {
            if (FILE_INSTALL.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                return true;
            }
        }
        return false;
    }

    private Optional<Bundle> installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    /** Written next to the target under a hidden name, then renamed: FileInstall never sees half a jar. */
    private static void copy(Path source, Path target) {
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the copy failure is what the user needs to hear about
            }
            throw new PluginException("Could not copy " + source.getFileName() + " into the plugins folder: "
                    + e.getMessage(), e);
        }
    }

    /** The symbolic name a jar's manifest declares; a clear error for anything that is not a bundle. */
    static String symbolicNameOf(Path jar) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new PluginException(jar.getFileName() + " is not a jar file (" + e.getMessage() + ")", e);
        }
        String header = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (header == null || header.isBlank()) {
            throw new PluginException(jar.getFileName() + " is not an OSGi bundle: its manifest has no "
                    + Constants.BUNDLE_SYMBOLICNAME);
        }
        int directives = header.indexOf(';');
        return (directives < 0 ? header : header.substring(0, directives)).strip();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    static String originText(PluginOrigin origin) {
        return switch (origin) {
            case FRAMEWORK -> "it is the framework";
            case BUNDLE_FOLDER -> "from the installation's bundle folder";
            case PLUGINS_FOLDER -> "from the plugins folder";
            case OTHER -> "from another location";
        };
    }

    static String name(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }
}
