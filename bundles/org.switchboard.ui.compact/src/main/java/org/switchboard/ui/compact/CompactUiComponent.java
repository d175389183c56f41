package org.switchboard.ui.compact;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import javax.swing.SwingUtilities;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.switchboard.api.command.CommandDispatcher;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Session;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.api.session.SessionListener;
import org.switchboard.api.ui.FrameNavigation;
import org.switchboard.api.ui.MenuContributions;
import org.switchboard.api.ui.UiContribution;
import org.switchboard.api.ui.UiNavigation;
import org.switchboard.api.ui.WindowRelease;
import org.switchboard.ui.compact.contrib.ActionsButton;
import org.switchboard.ui.compact.view.CompactWindow;
import org.switchboard.ui.compact.view.Pending;

/**
 * The compact skin's lifecycle. Activation schedules the window on the event thread and returns; session events
 * are only noted in {@link Pending} and pulled by the window's timer. Deactivation disposes the window and stops
 * the input thread; the session (and every connection) carries on, which is what makes a live swap free. Features'
 * actions ({@link UiContribution}) show behind a button in the top bar; features reach the window through the
 * {@link UiNavigation} service this component offers while its window is open (see {@link FrameNavigation}).
 */
@Component(immediate = true, service = SessionListener.class)
public final class CompactUiComponent implements SessionListener {

    private static final System.Logger LOG = System.getLogger(CompactUiComponent.class.getName());

    private final Pending pending = new Pending();
    private final ExecutorService input = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "switchboard-compact-input");
        thread.setDaemon(true);
        return thread;
    });
    private final BundleContext context;
    private volatile boolean active = true;
    private final MenuContributions contributions = new MenuContributions(this::contributionsChanged);
    private final FrameNavigation navigation = new FrameNavigation();
    /** Event thread only, as the button. */
    private CompactWindow window;
    private ActionsButton actions;

    @Activate
    public CompactUiComponent(@Reference Session session, @Reference CommandDispatcher dispatcher,
            @Reference IrcProtocol protocol, BundleContext context) {
        this.context = context;
        // Loading the chat font is slow the first time; it overlaps with the look and feel set-up on the event
        // thread, so that the window shows the session sooner after a swap.
        inBackground(CompactWindow::loadFonts);
        SwingUtilities.invokeLater(() -> open(session, dispatcher, protocol));
    }

    private void open(Session session, CommandDispatcher dispatcher, IrcProtocol protocol) {
        if (!active) {
            return;
        }
        try {
            CompactWindow.installTheme();
            CompactWindow created = new CompactWindow(session, dispatcher, protocol, pending, this::inBackground,
                    this::quit);
            window = created;
            actions = new ActionsButton(contributions, navigation::context);
            created.addBarAction(actions);
            navigation.attach(created);
            created.open();
            inBackground(() -> navigation.offer(context));
        } catch (RuntimeException | LinkageError e) {
            // After a stop during construction the bundle's classes may be gone; only a live failure is an error.
            LOG.log(active ? Level.ERROR : Level.DEBUG, "Could not open the compact window", e);
        }
    }

    /** How long stopping waits for the event thread to take the window down (see {@link WindowRelease}). */
    private static final java.time.Duration RELEASE_TIMEOUT = java.time.Duration.ofSeconds(5);

    @Deactivate
    void deactivate() {
        active = false;
        navigation.close();
        input.shutdown();
        WindowRelease.onEventThread(() -> {
            navigation.detach();
            actions = null;
            if (window != null) {
                window.dispose();
                window = null;
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

    private void contributionsChanged() {
        SwingUtilities.invokeLater(() -> {
            if (actions != null) {
                actions.update();
            }
        });
    }

    @Override
    public void sessionChanged(SessionEvent event) {
        pending.note(event);
    }

    private void inBackground(Runnable task) {
        try {
            input.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Compact UI background task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "Compact UI is stopping; task dropped");
        }
    }

    /** Closing the window ends the client, as with any desktop application. */
    private void quit() {
        new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.log(Level.ERROR, "Could not stop the framework", e);
            }
        }, "switchboard-shutdown").start();
    }
}
