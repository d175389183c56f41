package org.switchboard.keepalive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;

/** Probing and dead-link decisions on a fake clock. */
class LinkWatchTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(1000));
    private final LinkWatch watch = new LinkWatch(30, 180, 60, now::get);
    private final FakeConnection connection = new FakeConnection();

    private void advanceSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void idleLinkIsProbedAndTheLagReported() {
        watch.stateChanged(connection, ConnectionState.CONNECTED);
        advanceSeconds(29);
        watch.tick();
        assertEquals(List.of(), connection.sent);
        advanceSeconds(1);
        watch.tick();
        assertEquals(1, connection.sent.size());
        IrcMessage ping = connection.sent.get(0);
        assertEquals("PING", ping.command());
        assertTrue(ping.param(0).startsWith(LinkWatch.TOKEN_PREFIX));
        watch.tick();
        assertEquals(1, connection.sent.size(), "one probe at a time");

        advanceMillis(120);
        watch.received(connection, new IrcMessage(null, "srv", "PONG", List.of("srv", "unrelated")));
        assertEquals(List.of(), connection.lags);
        watch.received(connection, new IrcMessage(null, "srv", "PONG", List.of("srv", ping.param(0))));
        assertEquals(List.of(120L), connection.lags);
    }

    @Test
    void trafficKeepsTheLinkFromBeingProbed() {
        watch.stateChanged(connection, ConnectionState.CONNECTED);
        for (int i = 0; i < 10; i++) {
            advanceSeconds(20);
            watch.received(connection, IrcMessage.of("PRIVMSG", "#c", "chatter"));
            watch.tick();
        }
        assertEquals(List.of(), connection.sent);
        assertEquals(List.of(), connection.reconnects);
    }

    @Test
    void unansweredProbeShowsGrowingLagThenTheSilentLinkIsRecycled() {
        watch.stateChanged(connection, ConnectionState.CONNECTED);
        advanceSeconds(30);
        watch.tick();
        assertEquals(1, connection.sent.size());
        advanceSeconds(5);
        watch.tick();
        assertEquals(List.of(5000L), connection.lags);
        advanceSeconds(144);
        watch.tick();
        assertEquals(List.of(), connection.reconnects);
        advanceSeconds(1);
        watch.tick();
        assertEquals(1, connection.reconnects.size());
        assertTrue(connection.reconnects.get(0).contains("180 s"), connection.reconnects.get(0));
        assertEquals(0, watch.watched());
        advanceSeconds(500);
        watch.tick();
        assertEquals(1, connection.reconnects.size(), "recycled once, then watched again only when connected");
    }

    @Test
    void aLinkFoundSilentPastTheDeadLimitByALateTickIsProbedBeforeItIsDropped() {
        watch.stateChanged(connection, ConnectionState.CONNECTED);
        // no tick for 200 s (a suspended laptop): the first tick after it probes instead of dropping the link
        advanceSeconds(200);
        watch.tick();
        assertEquals(List.of(), connection.reconnects);
        assertEquals(1, connection.sent.size());
        assertEquals("PING", connection.sent.get(0).command());
        // the probe gets what the limits give it, 180 - 30 s
        advanceSeconds(149);
        watch.tick();
        assertEquals(List.of(), connection.reconnects);
        advanceSeconds(1);
        watch.tick();
        assertEquals(1, connection.reconnects.size());
    }

    @Test
    void anAnswerToTheLateProbeKeepsTheLink() {
        watch.stateChanged(connection, ConnectionState.CONNECTED);
        advanceSeconds(200);
        watch.tick();
        IrcMessage ping = connection.sent.get(0);
        advanceMillis(40);
        watch.received(connection, new IrcMessage(null, "srv", "PONG", List.of("srv", ping.param(0))));
        advanceSeconds(200);
        watch.tick();
        assertEquals(List.of(), connection.reconnects);
        assertEquals(List.of(40L), connection.lags);
    }

    @Test
    void linksThatAreNotConnectedAreLeftAlone() {
        watch.stateChanged(connection, ConnectionState.CONNECTED);
        watch.stateChanged(connection, ConnectionState.WAITING_TO_RECONNECT);
        advanceSeconds(1000);
        watch.tick();
        watch.received(connection, IrcMessage.of("PONG", "x"));
        assertEquals(List.of(), connection.sent);
        assertEquals(List.of(), connection.reconnects);
        assertEquals(0, watch.watched());
    }

    @Test
    void registrationThatNeverCompletesIsRecycled() {
        connection.state = ConnectionState.REGISTERING;
        watch.stateChanged(connection, ConnectionState.REGISTERING);
        advanceSeconds(59);
        watch.tick();
        assertEquals(List.of(), connection.reconnects);
        advanceSeconds(1);
        watch.tick();
        assertEquals(1, connection.reconnects.size());
        assertTrue(connection.reconnects.get(0).contains("did not complete registration within 60 s"),
                connection.reconnects.get(0));
        advanceSeconds(120);
        watch.tick();
        assertEquals(1, connection.reconnects.size(), "one reconnect per stalled registration");
    }

    @Test
    void completedRegistrationIsNotRecycled() {
        connection.state = ConnectionState.REGISTERING;
        watch.stateChanged(connection, ConnectionState.REGISTERING);
        advanceSeconds(10);
        connection.state = ConnectionState.CONNECTED;
        watch.stateChanged(connection, ConnectionState.CONNECTED);
        watch.received(connection, IrcMessage.of("NOTICE", "*", "traffic"));
        advanceSeconds(25);
        watch.received(connection, IrcMessage.of("NOTICE", "*", "traffic"));
        advanceSeconds(25);
        watch.tick();
        assertEquals(List.of(), connection.reconnects);
    }

    @Test
    void withALagCheckPeriodABusyLinkIsMeasuredAtOnceAndThenAtThatPeriod() {
        watch.checkLagEvery(60);
        watch.stateChanged(connection, ConnectionState.CONNECTED);
        watch.tick();
        assertEquals(1, connection.sent.size(), "measured as soon as it is registered");
        advanceMillis(80);
        watch.received(connection, new IrcMessage(null, "srv", "PONG", List.of("srv", connection.sent.get(0).param(0))));
        assertEquals(List.of(80L), connection.lags);
        for (int i = 0; i < 5; i++) {
            advanceSeconds(10);
            watch.received(connection, IrcMessage.of("PRIVMSG", "#c", "chatter"));
            watch.tick();
        }
        assertEquals(1, connection.sent.size(), "not again within the period");
        advanceSeconds(10);
        watch.received(connection, IrcMessage.of("PRIVMSG", "#c", "chatter"));
        watch.tick();
        assertEquals(2, connection.sent.size(), "60 s later, although the link is busy");
        assertEquals(List.of(), connection.reconnects);
    }
}
