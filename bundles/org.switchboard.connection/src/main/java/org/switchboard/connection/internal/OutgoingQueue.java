package org.switchboard.connection.internal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.switchboard.api.irc.IrcMessage;

/**
 * What the writer sends, in two bounded lanes. The control lane (registration, CAP, SASL, PONG, QUIT) belongs
 * to the current link and is emptied when the link drops. The user lane outlives links: lines typed while
 * disconnected or registering wait there and flow once the link is {@linkplain #openUserLane open} again, after
 * registration. Control lines go first, so a PONG is not stuck behind a paced paste.
 */
final class OutgoingQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final Deque<IrcMessage> control = new ArrayDeque<>();
    private final Deque<IrcMessage> user = new ArrayDeque<>();
    private final int controlCapacity;
    private final int userCapacity;
    private boolean userOpen;

    OutgoingQueue(int controlCapacity, int userCapacity) {
        this.controlCapacity = controlCapacity;
        this.userCapacity = userCapacity;
    }

    boolean offerControl(IrcMessage message) {
        lock.lock();
        try {
            if (control.size() >= controlCapacity) {
                return false;
            }
            control.add(message);
            available.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Adds all or nothing (the parts of one split message stay together). */
    boolean offerUser(Collection<IrcMessage> messages) {
        lock.lock();
        try {
            if (user.size() + messages.size() > userCapacity) {
                return false;
            }
            user.addAll(messages);
            available.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Lets user lines flow (after registration). */
    void openUserLane() {
        lock.lock();
        try {
            userOpen = true;
            available.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A link ended: its control lines are meaningless now; user lines wait for the next registration. */
    void linkEnded() {
        lock.lock();
        try {
            userOpen = false;
            control.clear();
        } finally {
            lock.unlock();
        }
    }

    int userSize() {
        lock.lock();
        try {
            return user.size();
        } finally {
            lock.unlock();
        }
    }

    /** A line taken for writing, and the lane it came from. */
    record Taken(IrcMessage message, boolean user) {
    }

    /** Puts a user line whose write failed back in front, so the next link sends it. */
    void giveBack(Taken taken) {
        if (!taken.user()) {
            return;
        }
        lock.lock();
        try {
            user.addFirst(taken.message());
        } finally {
            lock.unlock();
        }
    }

    /** The next line to write, waiting up to {@code timeoutMillis}; null on timeout. */
    Taken poll(long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lockInterruptibly();
        try {
            while (true) {
                IrcMessage next = control.poll();
                if (next != null) {
                    return new Taken(next, false);
                }
                if (userOpen && !user.isEmpty()) {
                    return new Taken(user.poll(), true);
                }
                if (nanos <= 0) {
                    return null;
                }
                nanos = available.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
