package org.switchboard.feature.notify;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Session;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.api.session.SessionListener;
import org.switchboard.api.ui.UiContext;
import org.switchboard.api.ui.UiContribution;
import org.switchboard.api.ui.UiNavigation;

/**
 * Desktop notifications for highlights (the own nick, the session's highlight words, private messages). Session
 * events arrive on reader threads at flood rate: a {@code HIGHLIGHT} is handed to the component's one thread
 * ({@value #THREAD_NAME}), every other event is ignored at once. That thread filters and rate-limits
 * ({@link HighlightNotifier}) and shows what is left in the system tray; a click shows the line through the skin's
 * {@link UiNavigation}. The menu action mutes or unmutes the network on display, stored in this component's
 * configuration. Stopping the bundle ends the thread and removes the tray icon.
 *
 * <p>Immediate, like the skins: it holds the session and is one of the session's listeners. Activated on its own,
 * it is there before the session binds its listeners; activated by that binding, the session's activation would need
 * this component and this component the session, which SCR refuses.
 */
@Component(immediate = true, service = { SessionListener.class, UiContribution.class },
        configurationPid = HighlightNotifications.PID,
        property = UiContribution.MENU_PROPERTY + "=" + UiContribution.DEFAULT_MENU)
@Designate(ocd = HighlightNotifications.Config.class)
public final class HighlightNotifications implements SessionListener, UiContribution {

    public static final String PID = "org.switchboard.feature.notify";
    static final String THREAD_NAME = "switchboard-notify";
    private static final System.Logger LOG = System.getLogger(HighlightNotifications.class.getName());

    @ObjectClassDefinition(name = "Switchboard notifications", description = "Desktop notifications for highlights")
    public @interface Config {
        @AttributeDefinition(name = "Enabled", description = "Show a desktop notification for highlights")
        boolean enabled() default true;

        @AttributeDefinition(name = "Quiet when away", description = "No notifications from a network where you are marked away")
        boolean quietWhenAway() default true;

        @AttributeDefinition(name = "Muted networks", description = "Networks whose highlights never notify")
        String[] mutedNetworks() default {};

        @AttributeDefinition(name = "Interval (seconds)", description = "At most one notification per interval; "
                + "highlights within it are summed up in the next one", min = "1")
        int intervalSeconds() default 5;
    }

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock = Clock.systemUTC();
    private final DesktopNotifier desktop;
    private final HighlightNotifier notifier;
    /** Worker thread only. */
    private ScheduledFuture<?> pendingFlush;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UiNavigation navigation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configurationAdmin;

    @Activate
    public HighlightNotifications(@Reference(name = "session") Session session,
            @Reference(name = "protocol") IrcProtocol protocol, Config config) {
        this.desktop = new TrayNotifier(this::open);
        this.notifier = new HighlightNotifier(session, protocol, desktop, clock, this::focusedBuffer,
                settings(config));
    }

    static HighlightNotifier.Settings settings(Config config) {
        return new HighlightNotifier.Settings(config.enabled(), config.quietWhenAway(),
                Set.copyOf(Arrays.asList(config.mutedNetworks())), Math.max(1, config.intervalSeconds()) * 1000L);
    }

    @Modified
    void modified(Config config) {
        notifier.configure(settings(config));
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, THREAD_NAME + " did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        desktop.close();
    }

    @Override
    public void sessionChanged(SessionEvent event) {
        if (event.type() != SessionEvent.Type.HIGHLIGHT) {
            return;
        }
        try {
            worker.execute(() -> scheduleFlush(notifier.highlighted(event.bufferId(), event.line())));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "Notifications are stopping; highlight not shown");
        }
    }

    /** Worker thread: makes sure held-back highlights are shown when they are due. */
    private void scheduleFlush(long dueAt) {
        if (dueAt < 0 || pendingFlush != null) {
            return;
        }
        long delay = Math.max(0, dueAt - clock.millis());
        pendingFlush = worker.schedule(() -> {
            pendingFlush = null;
            scheduleFlush(notifier.flush());
        }, delay, TimeUnit.MILLISECONDS);
    }

    private long focusedBuffer() {
        UiNavigation current = navigation;
        return current == null ? -1 : current.focusedBuffer();
    }

    /** A click on a notice: show its line. */
    private void open(Notice notice) {
        UiNavigation current = navigation;
        if (current != null) {
            current.show(notice.bufferId(), notice.line());
        }
    }

    // --- the menu action: mute or unmute the network on display ---

    @Override
    public String label(UiContext context) {
        Optional<String> network = context.network();
        if (network.isEmpty()) {
            return "Mute notifications from this network";
        }
        boolean muted = notifier.settings().mutedNetworks().contains(network.get());
        return (muted ? "Unmute" : "Mute") + " notifications from " + network.get();
    }

    @Override
    public boolean enabled(UiContext context) {
        return context.network().isPresent() && configurationAdmin != null;
    }

    @Override
    public void perform(UiContext context) {
        ConfigurationAdmin admin = configurationAdmin;
        Optional<String> network = context.network();
        if (admin == null || network.isEmpty()) {
            return;
        }
        try {
            worker.execute(() -> toggleMute(admin, network.get()));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "Notifications are stopping; mute not changed");
        }
    }

    /** Stores the network in (or takes it out of) the muted list; the configuration comes back through @Modified. */
    private void toggleMute(ConfigurationAdmin admin, String network) {
        try {
            Configuration configuration = admin.getConfiguration(PID, null);
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            Set<String> muted = new LinkedHashSet<>(notifier.settings().mutedNetworks());
            if (!muted.remove(network)) {
                muted.add(network);
            }
            properties.put("mutedNetworks", muted.toArray(String[]::new));
            configuration.update(properties);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not store the muted networks", e);
        }
    }
}
