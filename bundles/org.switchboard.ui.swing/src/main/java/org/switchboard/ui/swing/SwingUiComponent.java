package org.switchboard.ui.swing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.switchboard.api.command.CommandDispatcher;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Session;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.api.session.SessionListener;
import org.switchboard.api.ui.FrameNavigation;
import org.switchboard.api.ui.MenuContributions;
import org.switchboard.api.ui.UiContribution;
import org.switchboard.api.ui.UiNavigation;
import org.switchboard.api.ui.WindowRelease;
import org.switchboard.ui.swing.contrib.ContributedMenus;
import org.switchboard.ui.swing.update.ChangeTracker;
import org.switchboard.ui.swing.networks.NetworkStore;
import org.switchboard.ui.swing.settings.SessionSettingsStore;
import org.switchboard.ui.swing.window.MainWindow;
import org.switchboard.ui.swing.window.UiServices;
import org.switchboard.ui.swing.window.Themes;

/**
 * The Swing skin. Activation only schedules the window on the event thread; every session change is merely
 * noted (see {@link ChangeTracker}) and picked up by the window's refresh timer. Deactivation disposes the
 * window, stops its timer and the input thread; the session keeps running, so the UI can come back later.
 * Features' menu actions ({@link UiContribution}) come and go in the menu bar while the window is open, and
 * features reach the window through the {@link UiNavigation} service this component offers while its window
 * is open (see {@link FrameNavigation}).
 */
@Component(immediate = true, service = SessionListener.class,
        configurationPid = SwingUiComponent.PID)
@Designate(ocd = SwingUiComponent.Config.class)
public final class SwingUiComponent implements SessionListener {

    public static final String PID = "org.switchboard.ui.swing";
    /** Service property of the launcher's startup frame offer (a {@code Supplier<JFrame>}). */
    static final String STARTUP_FRAME_PROPERTY = "switchboard.startup.frame";
    private static final System.Logger LOG = System.getLogger(SwingUiComponent.class.getName());

    @ObjectClassDefinition(name = "Switchboard Swing UI")
    public @interface Config {
        @AttributeDefinition(name = "Theme", options = { @Option(value = "light", label = "Light"),
            @Option(value = "dark", label = "Dark") })
        String theme() default "light";
    }

    private final ChangeTracker changes = new ChangeTracker();
    private final ExecutorService input = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "switchboard-ui-input");
        thread.setDaemon(true);
        return thread;
    });
    private final BundleContext context;
    private volatile MainWindow window;
    private volatile boolean active = true;
    private final Map<String, IrcConnection> connections = new ConcurrentHashMap<>();
    private final MenuContributions contributions = new MenuContributions(this::contributionsChanged);
    private final FrameNavigation navigation = new FrameNavigation();
    /** Event thread only, as the window. */
    private ContributedMenus menus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configurationAdmin;

    @Activate
    public SwingUiComponent(@Reference(name = "session") Session session,
            @Reference(name = "dispatcher") CommandDispatcher dispatcher,
            @Reference(name = "protocol") IrcProtocol protocol, BundleContext context, Config config) {
        this.context = context;
        boolean dark = "dark".equalsIgnoreCase(config.theme());
        SwingUtilities.invokeLater(() -> openWindow(session, dispatcher, protocol, dark));
    }

    /** Builds and shows the window; on the event thread. */
    private void openWindow(Session session, CommandDispatcher dispatcher, IrcProtocol protocol, boolean dark) {
        if (!active) {
            return;
        }
        try {
            Themes.apply(dark);
            UiServices services = new UiServices(session, dispatcher, protocol,
                    network -> Optional.ofNullable(connections.get(network)),
                    () -> Optional.ofNullable(configurationAdmin).map(NetworkStore::new), this::rememberTheme,
                    () -> Optional.ofNullable(configurationAdmin).map(SessionSettingsStore::new));
            MainWindow created = new MainWindow(services, changes, this::runInBackground, this::quit, dark,
                    stateFile(context), claimStartupFrame(context));
            if (!active) {
                // Deactivated while the window was being built: its dispose call has already run.
                created.dispose();
                return;
            }
            window = created;
            menus = new ContributedMenus(created.frame().getJMenuBar(), contributions, navigation::context);
            menus.rebuild();
            navigation.attach(created);
            created.open();
            runInBackground(() -> navigation.offer(context));
        } catch (RuntimeException | LinkageError e) {
            if (active) {
                LOG.log(System.Logger.Level.ERROR, "Could not open the main window", e);
            } else {
                // The bundle stopped (and its class loader went away) while the window was being built.
                LOG.log(System.Logger.Level.DEBUG, "Main window not opened: the UI stopped meanwhile", e);
            }
        }
    }

    /**
     * The empty main frame the launcher showed while the framework started, if it is still there to take (only the
     * first window after start-up gets it); null otherwise. A {@link Supplier} service, so that nothing of the
     * launcher's needs importing. Event thread.
     */
    @SuppressWarnings("rawtypes")
    static JFrame claimStartupFrame(BundleContext context) {
        try {
            for (ServiceReference<Supplier> offer : context.getServiceReferences(Supplier.class,
                    "(" + STARTUP_FRAME_PROPERTY + "=true)")) {
                Supplier<?> supplier = context.getService(offer);
                try {
                    if (supplier != null && supplier.get() instanceof JFrame frame) {
                        return frame;
                    }
                } finally {
                    context.ungetService(offer);
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            // No frame to take: the window opens a frame of its own.
        }
        return null;
    }

    /** The window state file in the profile's config folder (set by the launcher), or null outside a profile. */
    private static Path stateFile(BundleContext context) {
        String config = context.getProperty("switchboard.config.dir");
        return config == null || config.isBlank() ? null : Path.of(config, "ui", "window.properties");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConnection(IrcConnection connection) {
        connections.put(connection.network(), connection);
    }

    void unbindConnection(IrcConnection connection) {
        connections.remove(connection.network(), connection);
    }

    /** A theme chosen in ConfigAdmin (or by our own menu, stored there) applies to the open window. */
    @Modified
    void modified(Config config) {
        boolean dark = "dark".equalsIgnoreCase(config.theme());
        SwingUtilities.invokeLater(() -> {
            MainWindow current = window;
            if (current != null) {
                current.applyTheme(dark);
            }
        });
    }

    private void rememberTheme(boolean dark) {
        ConfigurationAdmin admin = configurationAdmin;
        if (admin == null) {
            return;
        }
        runInBackground(() -> {
            try {
                Configuration configuration = admin.getConfiguration(PID, null);
                Dictionary<String, Object> properties = configuration.getProperties();
                if (properties == null) {
                    properties = new Hashtable<>();
                }
                properties.put("theme", dark ? "dark" : "light");
                configuration.update(properties);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not store the theme", e);
            }
        });
    }

    /** How long stopping waits for the event thread to take the window down (see {@link WindowRelease}). */
    private static final java.time.Duration RELEASE_TIMEOUT = java.time.Duration.ofSeconds(5);

    @Deactivate
    void deactivate() {
        active = false;
        navigation.close();
        input.shutdown();
        WindowRelease.onEventThread(() -> {
            MainWindow current = window;
            window = null;
            menus = null;
            navigation.detach();
            if (current != null) {
                current.dispose();
            }
        }, RELEASE_TIMEOUT);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindContribution(UiContribution contribution, Map<String, Object> properties) {
        contributions.add(contribution, properties);
    }

    void unbindContribution(UiContribution contribution) {
        contributions.remove(contribution);
    }

    /** A feature came or went: the menu bar follows on the event thread. */
    private void contributionsChanged() {
        SwingUtilities.invokeLater(() -> {
            if (menus != null) {
                menus.rebuild();
            }
        });
    }

    @Override
    public void sessionChanged(SessionEvent event) {
        changes.sessionChanged(event);
    }

    private void runInBackground(Runnable task) {
        try {
            input.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Background task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "UI is shutting down; task dropped");
        }
    }

    /** Closing the window quits the client: stopping the framework deactivates every component cleanly. */
    private void quit() {
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.log(System.Logger.Level.ERROR, "Could not stop the framework", e);
            }
        }, "switchboard-shutdown");
        stopper.start();
    }
}
