package org.switchboard.keepalive.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.switchboard.api.connection.ConnectionListener;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.connection.IrcMessageListener;
import org.switchboard.api.irc.IrcMessage;

/**
 * Lag probes and dead-link detection for every connection ({@link LinkWatch} does the thinking). It learns about
 * connections from their own callbacks (state changes, every received message); the lag goes back through
 * {@link IrcConnection#reportLag} and a dead link is recycled with {@link IrcConnection#reconnect}. It also
 * tracks the connection services, only to learn the state of a connection that changed state before this
 * listener was bound (a registration already under way at start-up would otherwise never be timed).
 */
@Component(configurationPid = "org.switchboard.keepalive",
        service = {IrcMessageListener.class, ConnectionListener.class})
@Designate(ocd = KeepaliveConfig.class)
public class LinkMonitor implements IrcMessageListener, ConnectionListener {

    // Exists before activation: DS binds the connection references before it calls activate.
    private final LinkWatch watch = new LinkWatch(30, 180, 60, System::nanoTime);
    private ScheduledExecutorService timer;

    @Activate
    void activate(KeepaliveConfig config) {
        modified(config);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-keepalive");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** A changed configuration must not forget the links being watched, so no reactivation. */
    @Modified
    void modified(KeepaliveConfig config) {
        watch.configure(config.probeAfterIdleSeconds(), config.deadAfterSeconds(),
                config.registrationTimeoutSeconds());
        watch.checkLagEvery(config.lagCheckSeconds());
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void tick() {
        try {
            watch.tick();
        } catch (RuntimeException e) {
            // a failing tick must not cancel the schedule
            System.getLogger(LinkMonitor.class.getName()).log(System.Logger.Level.WARNING, "Keepalive tick failed", e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConnection(IrcConnection connection) {
        watch.stateChanged(connection, connection.state());
    }

    void removeConnection(IrcConnection connection) {
        watch.stateChanged(connection, ConnectionState.DISCONNECTED);
    }

    @Override
    public void onMessage(IrcConnection connection, IrcMessage message) {
        watch.received(connection, message);
    }

    @Override
    public void stateChanged(IrcConnection connection, ConnectionState previous, ConnectionState current,
            String detail) {
        watch.stateChanged(connection, current);
    }
}
