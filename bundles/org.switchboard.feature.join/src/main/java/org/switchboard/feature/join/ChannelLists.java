package org.switchboard.feature.join;

import java.awt.EventQueue;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.switchboard.api.command.CommandDispatcher;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.connection.IrcMessageListener;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.ui.UiContext;
import org.switchboard.api.ui.UiContribution;
import org.switchboard.api.ui.UiNavigation;
import org.switchboard.api.ui.WindowRelease;

/**
 * The channel list dialogs, one per network, and the "Channel list…" menu action. While a skin runs (a
 * {@link UiNavigation} is there to own the dialogs) this component registers the {@link ListReplies} listener for
 * 321/322/323 and claims those replies ({@value IrcMessageListener#CLAIMS_PROPERTY}), so the session keeps them
 * out of the server buffer; without a skin (headless) it registers nothing and the replies are shown as text in
 * the server buffer as before. Only a /list the user typed (or the dialog's Refresh) fills a dialog: replies
 * nobody asked for, and those still coming after the dialog was closed, are dropped. Joining from the dialog and
 * the menu action go through the command registry, like typed input. Stopping the bundle closes the dialogs and
 * withdraws the listener and the action.
 */
@Component(service = { ChannelLists.class, UiContribution.class },
        property = UiContribution.MENU_PROPERTY + "=" + UiContribution.DEFAULT_MENU)
public final class ChannelLists implements UiContribution {

    static final String THREAD_NAME = "switchboard-channel-list";
    private static final System.Logger LOG = System.getLogger(ChannelLists.class.getName());

    private final IrcProtocol protocol;
    private final BundleContext context;
    private final Map<String, ChannelListing> listings = new ConcurrentHashMap<>();
    /** Runs commands for the dialog and the menu: the dispatcher must not be called on the event thread. */
    private final ExecutorService commands = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });
    /** Event thread only. */
    private final Map<String, ChannelListDialog> dialogs = new HashMap<>();
    private volatile UiNavigation navigation;
    /**
     * Optional and dynamic: the dispatcher binds this bundle's commands, and one of them needs this component, so a
     * mandatory reference would be circular (see the plugin guide).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CommandDispatcher dispatcher;
    /** Guarded by this. */
    private ServiceRegistration<IrcMessageListener> replies;
    private boolean active = true;

    @Activate
    public ChannelLists(@Reference(name = "protocol") IrcProtocol protocol, BundleContext context) {
        this.protocol = protocol;
        this.context = context;
    }

    /** Without OSGi, for tests: the dispatcher is given. */
    ChannelLists(IrcProtocol protocol, CommandDispatcher dispatcher, BundleContext context) {
        this(protocol, context);
        this.dispatcher = dispatcher;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindNavigation(UiNavigation skin) {
        navigation = skin;
        if (active && replies == null) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(IrcMessageListener.COMMAND_PROPERTY, ListReplies.COMMANDS);
            properties.put(IrcMessageListener.CLAIMS_PROPERTY, ListReplies.CLAIMED);
            replies = context.registerService(IrcMessageListener.class,
                    new ListReplies(protocol, this::listing), properties);
        }
    }

    synchronized void unbindNavigation(UiNavigation skin) {
        if (navigation != skin) {
            return;
        }
        navigation = null;
        withdrawReplies();
        EventQueue.invokeLater(this::closeDialogs);
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            active = false;
            withdrawReplies();
            commands.shutdownNow();
        }
        // Outside the lock: the event thread may need it on its way to closing the dialogs.
        WindowRelease.onEventThread(this::closeDialogs, Duration.ofSeconds(5));
    }

    private void withdrawReplies() {
        if (replies != null) {
            try {
                replies.unregister();
            } catch (IllegalStateException e) {
                LOG.log(System.Logger.Level.DEBUG, "Channel list replies already withdrawn");
            }
            replies = null;
        }
    }

    /** True while channel list replies go to a dialog rather than to the server buffer. */
    synchronized boolean showsDialogs() {
        return replies != null;
    }

    ChannelListing listing(String network) {
        return listings.computeIfAbsent(network, n -> new ChannelListing());
    }

    /**
     * /list typed in a buffer of this connection: sends LIST (with the conditions the server can apply) and, while a
     * skin runs, opens the network's dialog with the filter.
     */
    void request(CommandInvocation invocation, IrcConnection connection, ChannelFilter filter) {
        String network = connection.network();
        boolean inDialog = showsDialogs();
        if (inDialog) {
            ChannelListing listing = listing(network);
            listing.begin(connection.isupport().caseMapping());
            EventQueue.invokeLater(() -> {
                ChannelListDialog shown = dialog(network, listing);
                if (shown != null) {
                    shown.setFilter(filter);
                    shown.follow();
                    shown.toFront();
                } else {
                    listing.cancel(); // the skin went away meanwhile: nobody would take the rows
                }
            });
        }
        IrcMessage list = filter.listCommand(connection.isupport().token("ELIST"));
        if (!connection.send(list)) {
            if (inDialog) {
                listing(network).notSent();
            }
            invocation.error("Could not send LIST: the connection refused it");
        } else if (!inDialog) {
            invocation.reply("No window to show the channel list in: the server's answer follows in the server buffer");
        }
    }

    /** The network's dialog, opened if needed; null when no skin is there to own it. Event thread. */
    private ChannelListDialog dialog(String network, ChannelListing listing) {
        ChannelListDialog existing = dialogs.get(network);
        if (existing != null) {
            return existing;
        }
        UiNavigation skin = navigation;
        if (skin == null || !showsDialogs()) {
            return null;
        }
        ChannelListDialog created = new ChannelListDialog(skin.context().window(), network, listing, protocol,
                channels -> run(network, "/join " + String.join(",", channels)),
                arguments -> run(network, ("/list " + arguments).strip()),
                () -> {
                    dialogs.remove(network);
                    // the rest of the server's answer is for nobody now
                    listing.cancel();
                });
        dialogs.put(network, created);
        return created;
    }

    private void closeDialogs() {
        for (ChannelListDialog dialog : List.copyOf(dialogs.values())) {
            dialog.dispose();
        }
        dialogs.clear();
        listings.values().forEach(ChannelListing::cancel);
    }

    /** Runs a command in the network's server buffer, off the event thread, as if typed there. */
    private void run(String network, String input) {
        runIn(network, network, input);
    }

    // --- the menu action ---

    @Override
    public String label(UiContext context) {
        return "Channel list\u2026";
    }

    @Override
    public boolean enabled(UiContext context) {
        return context.buffer().isPresent();
    }

    @Override
    public void perform(UiContext context) {
        context.buffer().ifPresent(buffer -> runIn(buffer.network(), buffer.name(), "/list"));
    }

    private void runIn(String network, String buffer, String input) {
        try {
            commands.execute(() -> {
                CommandDispatcher current = dispatcher;
                if (current != null) {
                    current.execute(network, buffer, input);
                } else {
                    LOG.log(System.Logger.Level.WARNING, "No command dispatcher (is the session running?); not run: "
                            + input);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "Channel list stopping; not run: " + input);
        }
    }
}
