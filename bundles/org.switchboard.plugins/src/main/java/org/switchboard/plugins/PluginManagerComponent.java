package org.switchboard.plugins;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.AllServiceListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.switchboard.api.plugins.CallbackMonitor;
import org.switchboard.api.plugins.PluginException;
import org.switchboard.api.plugins.PluginInfo;
import org.switchboard.api.plugins.PluginManager;
import org.switchboard.api.plugins.PluginOrigin;
import org.switchboard.api.plugins.PluginProblem;
import org.switchboard.api.plugins.PluginRole;
import org.switchboard.api.plugins.PluginState;

/**
 * The plugin manager and the callback monitor, one component because the monitor's records are part of what the
 * manager shows.
 *
 * <p>The list of plugins is computed when someone asks for it and something changed since the last time, or it is
 * older than a second: bundle, service and framework events and callback failures only mark it stale, so a flood of
 * failures or a burst of events costs a flag, not a recomputation each; the age bound catches what SCR changes
 * without an event of its own (a component that failed to activate shows in the change count of SCR's runtime
 * service only seconds later).
 *
 * <p>Operations run on one thread of their own ({@code switchboard-plugins}), never on the caller's: the Swing
 * event thread only submits, and a skin stopped by an operation started in its own dialog does not take the
 * operation down with it.
 */
// Immediate: the failure records must outlive any one user of the services.
@Component(service = { PluginManager.class, CallbackMonitor.class }, configurationPid = PluginManagerComponent.PID,
        immediate = true)
@Designate(ocd = PluginManagerComponent.Config.class)
public final class PluginManagerComponent implements PluginManager, CallbackMonitor {

    public static final String PID = "org.switchboard.plugins";
    private static final System.Logger LOG = System.getLogger(PluginManagerComponent.class.getName());
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Comparator<PluginInfo> ORDER = Comparator.comparing(PluginInfo::role)
            .thenComparing(PluginInfo::name, String.CASE_INSENSITIVE_ORDER).thenComparingLong(PluginInfo::id);

    @ObjectClassDefinition(name = "Switchboard plugin manager")
    public @interface Config {
        @AttributeDefinition(name = "Core bundles", description = "Symbolic names (an entry ending in '.' is a "
                + "prefix) of the bundles that make up the client and its runtime: listed, but never stopped, "
                + "updated or uninstalled by the plugin manager")
        String[] coreBundles() default { "org.switchboard.api", "org.switchboard.protocol",
            "org.switchboard.connection", "org.switchboard.keepalive", "org.switchboard.session",
            "org.switchboard.plugins", "org.switchboard.plugins.dialog", "org.apache.felix.", "org.osgi.", "org.jline", "org.apache.commons.lang3" };

        @AttributeDefinition(name = "Blocking after (ms)", description = "A callback running longer is shown as "
                + "blocking", min = "1")
        long blockedAfterMillis() default 2000;

        @AttributeDefinition(name = "Failure log interval (s)", description = "At most one callback failure per "
                + "bundle is logged in this time; the others are counted", min = "1")
        long failureLogIntervalSeconds() default 60;

        @AttributeDefinition(name = "FileInstall wait (s)", description = "How long installing from a file waits "
                + "for FileInstall to pick the jar up", min = "1")
        long fileInstallWaitSeconds() default 20;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ServiceComponentRuntime scr;

    private final BundleContext context;
    private final PluginClassifier classifier;
    private final ProblemFinder problems;
    private final CallbackRecords callbacks;
    private final PluginOperations operations;
    private final BundleChoices choices;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "switchboard-plugins");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean stale = new AtomicBoolean(true);
    /** The message of the latest failed operation per bundle id, until an operation on it succeeds. */
    private final Map<Long, String> failedOperations = new ConcurrentHashMap<>();
    private final BundleListener bundleListener = this::bundleChanged;
    /** All services, also those of packages this bundle does not import (command handlers, session listeners). */
    private final AllServiceListener serviceListener = event -> stale.set(true);
    private final FrameworkListener frameworkListener = event -> stale.set(true);
    // guarded by this
    private List<PluginInfo> plugins = List.of();
    private long computedNanos;

    @Activate
    public PluginManagerComponent(BundleContext context, Config config) {
        this.context = context;
        String home = context.getProperty("switchboard.home");
        String pluginsDir = context.getProperty("felix.fileinstall.dir");
        this.classifier = new PluginClassifier(List.of(config.coreBundles()),
                home == null ? null : Path.of(home, "bundle"), pluginsDir == null ? null : Path.of(pluginsDir));
        this.problems = new ProblemFinder(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class));
        this.callbacks = new CallbackRecords(PluginManagerComponent::ownerOf, LOG, System::nanoTime,
                Clock.systemDefaultZone(), TimeUnit.SECONDS.toMillis(config.failureLogIntervalSeconds()),
                config.blockedAfterMillis(), () -> stale.set(true));
        this.operations = new PluginOperations(context, classifier, problems,
                TimeUnit.SECONDS.toMillis(config.fileInstallWaitSeconds()));
        String choicesFile = context.getProperty(BundleChoices.FILE_PROPERTY);
        this.choices = new BundleChoices(choicesFile == null ? null : Path.of(choicesFile));
        context.addBundleListener(bundleListener);
        context.addServiceListener(serviceListener);
        context.addFrameworkListener(frameworkListener);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        context.removeBundleListener(bundleListener);
        context.removeServiceListener(serviceListener);
        context.removeFrameworkListener(frameworkListener);
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.log(Level.WARNING, "A plugin operation was still running when the plugin manager stopped");
        }
    }

    private void bundleChanged(BundleEvent event) {
        stale.set(true);
        Bundle bundle = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.STOPPED -> {
                callbacks.flush(bundle.getBundleId(), PluginOperations.name(bundle));
                rememberChangeFromElsewhere(bundle, BundleChoices.Choice.STOPPED);
            }
            case BundleEvent.STARTED -> rememberChangeFromElsewhere(bundle, BundleChoices.Choice.STARTED);
            case BundleEvent.UPDATED -> callbacks.forget(bundle.getBundleId(), PluginOperations.name(bundle));
            case BundleEvent.UNINSTALLED -> {
                callbacks.forget(bundle.getBundleId(), PluginOperations.name(bundle));
                failedOperations.remove(bundle.getBundleId());
                rememberUninstallFromElsewhere(bundle);
            }
            default -> {
                // the list is stale; nothing else to do
            }
        }
    }

    /**
     * A shipped bundle stopped or started by another tool (Gogo's {@code stop} and {@code start}, a management
     * agent) is remembered as if the plugin manager had done it. Only persistent changes count: the framework's
     * shutdown, an update and a refresh stop bundles transiently, and they stay persistently started. A start is
     * written only over a remembered stop, so that starting the client writes nothing. Events arrive
     * asynchronously: a bundle uninstalled by now was stopped on the way out, and its uninstall is what counts.
     */
    private void rememberChangeFromElsewhere(Bundle bundle, BundleChoices.Choice choice) {
        if (bundle.getState() == Bundle.UNINSTALLED || classifier.origin(bundle) != PluginOrigin.BUNDLE_FOLDER
                || classifier.role(bundle) == PluginRole.CORE) {
            return;
        }
        BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
        if (startLevel == null || startLevel.isPersistentlyStarted() != (choice == BundleChoices.Choice.STARTED)) {
            return;
        }
        String name = bundle.getSymbolicName();
        if (choice == BundleChoices.Choice.STARTED && choices.of(name) != BundleChoices.Choice.STOPPED) {
            return;
        }
        choices.remember(name, choice);
    }

    /**
     * A shipped bundle uninstalled by another tool (Gogo's {@code uninstall}) is remembered as uninstalled, as if
     * the plugin manager had done it: its jar is still in bundle/, and without the choice the launcher would
     * install it again at the next start. Its stop on the way out may have been remembered as a stop a moment
     * before; this replaces it. The location, which tells a shipped bundle, outlives the uninstall.
     */
    private void rememberUninstallFromElsewhere(Bundle bundle) {
        if (classifier.origin(bundle) == PluginOrigin.BUNDLE_FOLDER && classifier.role(bundle) != PluginRole.CORE) {
            choices.remember(bundle.getSymbolicName(), BundleChoices.Choice.UNINSTALLED);
        }
    }

    // ---------------------------------------------------------------- the list

    @Override
    public synchronized List<PluginInfo> plugins() {
        long now = System.nanoTime();
        // Calls running make "running for n s" change with time alone; SCR may change a component's state
        // (activation failed, reference missing) without any event, and announces it only seconds later.
        if (stale.getAndSet(false) || callbacks.callsRunning() || now - computedNanos > MAX_AGE_NANOS) {
            List<PluginInfo> all = new ArrayList<>();
            for (Bundle bundle : context.getBundles()) {
                all.add(info(bundle));
            }
            all.sort(ORDER);
            plugins = List.copyOf(all);
            computedNanos = now;
        }
        return plugins;
    }

    @Override
    public PluginInfo find(String plugin) {
        return info(PluginNames.resolve(plugin, context.getBundles()));
    }

    private PluginInfo info(Bundle bundle) {
        long id = bundle.getBundleId();
        List<PluginProblem> found = new ArrayList<>(problems.unresolved(bundle));
        found.addAll(ProblemFinder.components(scr, bundle));
        found.addAll(callbacks.problems(id));
        String failedOperation = failedOperations.get(id);
        if (failedOperation != null) {
            found.add(new PluginProblem(PluginProblem.Kind.OPERATION_FAILED, failedOperation));
        }
        String symbolicName = Objects.toString(bundle.getSymbolicName(), bundle.getLocation());
        return new PluginInfo(id, symbolicName, bundle.getVersion().toString(),
                Objects.toString(bundle.getHeaders("").get(Constants.BUNDLE_NAME), symbolicName), state(bundle),
                classifier.role(bundle), classifier.origin(bundle), bundle.getLocation(), callbacks.failures(id), found);
    }

    private static PluginState state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> PluginState.INSTALLED;
            case Bundle.RESOLVED -> PluginState.RESOLVED;
            case Bundle.STARTING -> PluginState.STARTING;
            case Bundle.ACTIVE -> PluginState.ACTIVE;
            case Bundle.STOPPING -> PluginState.STOPPING;
            default -> PluginState.UNINSTALLED;
        };
    }

    // ---------------------------------------------------------------- operations

    @Override
    public CompletionStage<PluginInfo> install(Path jar) {
        return submit(() -> {
            Bundle bundle = operations.placeInPlugins(jar);
            operations.awaitStartedByFileInstall(bundle);
            return recorded(bundle, () -> startAsTheOnlySkin(bundle, "Installed " + PluginOperations.name(bundle)
                    + " into the plugins folder, but it cannot start: "));
        });
    }

    @Override
    public CompletionStage<PluginInfo> start(String plugin) {
        return onBundle(plugin, bundle -> startAsTheOnlySkin(bundle,
                "Could not start " + PluginOperations.name(bundle) + ": "));
    }

    @Override
    public CompletionStage<PluginInfo> stop(String plugin) {
        return onBundle(plugin, bundle -> {
            refuseCore(bundle, "stopping it would take the client down");
            operations.stop(bundle);
            remember(bundle, BundleChoices.Choice.STOPPED);
        });
    }

    @Override
    public CompletionStage<PluginInfo> update(String plugin) {
        return onBundle(plugin, bundle -> {
            refuseCore(bundle, "it is updated with the installation");
            operations.update(bundle);
        });
    }

    @Override
    public CompletionStage<PluginInfo> uninstall(String plugin) {
        return submit(() -> {
            Bundle bundle = PluginNames.resolve(plugin, context.getBundles());
            refuseCore(bundle, "the client cannot work without it");
            PluginInfo before = info(bundle);
            // Decided before: an uninstalled bundle has no origin any more.
            boolean shipped = classifier.origin(bundle) == PluginOrigin.BUNDLE_FOLDER;
            recorded(bundle, () -> operations.uninstall(bundle));
            if (shipped) {
                choices.remember(bundle.getSymbolicName(), BundleChoices.Choice.UNINSTALLED);
            }
            return before.withState(PluginState.UNINSTALLED);
        });
    }

    private void startAsTheOnlySkin(Bundle bundle, String failure) {
        operations.start(bundle, failure);
        remember(bundle, BundleChoices.Choice.STARTED);
        if (classifier.role(bundle) == PluginRole.UI_SKIN) {
            for (Bundle stopped : operations.stopOtherSkins(bundle)) {
                remember(stopped, BundleChoices.Choice.STOPPED);
            }
        }
    }

    /** Only the shipped bundles need remembering: the launcher would otherwise start them as shipped. */
    private void remember(Bundle bundle, BundleChoices.Choice choice) {
        if (classifier.origin(bundle) == PluginOrigin.BUNDLE_FOLDER) {
            choices.remember(bundle.getSymbolicName(), choice);
        }
    }

    private void refuseCore(Bundle bundle, String why) {
        if (classifier.role(bundle) == PluginRole.CORE) {
            throw new PluginException("Refused: " + PluginOperations.name(bundle) + " is part of the client's core ("
                    + why + ")");
        }
    }

    /** An operation on a named bundle; the outcome is the bundle as it is afterwards. */
    private interface BundleOperation {
        void apply(Bundle bundle) throws InterruptedException;
    }

    private CompletionStage<PluginInfo> onBundle(String plugin, BundleOperation operation) {
        return submit(() -> {
            Bundle bundle = PluginNames.resolve(plugin, context.getBundles());
            return recorded(bundle, () -> operation.apply(bundle));
        });
    }

    /** Runs an operation, remembering its failure as a problem of the bundle until one succeeds. */
    private PluginInfo recorded(Bundle bundle, Step step) throws InterruptedException {
        long id = bundle.getBundleId();
        try {
            step.run();
            failedOperations.remove(id);
        } catch (PluginException e) {
            failedOperations.put(id, e.getMessage());
            throw e;
        } finally {
            stale.set(true);
        }
        return info(bundle);
    }

    private interface Step {
        void run() throws InterruptedException;
    }

    private CompletionStage<PluginInfo> submit(Callable<PluginInfo> task) {
        CompletableFuture<PluginInfo> outcome = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    outcome.complete(task.call());
                } catch (PluginException e) {
                    outcome.completeExceptionally(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcome.completeExceptionally(new PluginException("The plugin manager stopped meanwhile", e));
                } catch (Exception | LinkageError e) {
                    LOG.log(Level.ERROR, "A plugin operation failed unexpectedly", e);
                    outcome.completeExceptionally(new PluginException("Failed: " + CallbackRecords.summary(e), e));
                }
            });
        } catch (RejectedExecutionException e) {
            outcome.completeExceptionally(new PluginException("The plugin manager is stopping", e));
        }
        return outcome;
    }

    // ---------------------------------------------------------------- CallbackMonitor

    @Override
    public void failed(Object callback, String callbackName, Throwable failure) {
        callbacks.failed(callback, callbackName, failure);
    }

    @Override
    public Call started(Object callback, String callbackName) {
        return callbacks.started(callback, callbackName);
    }

    private static CallbackRecords.Owner ownerOf(Object callback) {
        Bundle bundle = FrameworkUtil.getBundle(callback.getClass());
        return bundle == null ? new CallbackRecords.Owner(-1, callback.getClass().getName())
                : new CallbackRecords.Owner(bundle.getBundleId(), PluginOperations.name(bundle));
    }
}
