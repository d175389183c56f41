package org.switchboard.session.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.switchboard.api.plugins.CallbackMonitor;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.api.session.SessionListener;

/** Every network's state and the listeners told about changes. Plain Java, so it is tested without OSGi. */
public final class SessionModel {

    private final AtomicLong ids = new AtomicLong(1);
    private final Map<String, NetworkState> networks = new LinkedHashMap<>();
    private final Map<Long, BufferState> byId = new ConcurrentHashMap<>();
    /**
     * Copied on every change, which is rare; an array rather than a {@code CopyOnWriteArrayList} because events
     * fire for every line of a flood, and iterating the list allocates an iterator each time.
     */
    private volatile SessionListener[] listeners = new SessionListener[0];
    private volatile int scrollbackLimit;
    private volatile LineStore lineStore;
    private final CallbackMonitor callbacks;

    /** @param callbacks told about listeners that throw */
    public SessionModel(int scrollbackLimit, CallbackMonitor callbacks) {
        this.scrollbackLimit = scrollbackLimit;
        this.callbacks = callbacks;
    }

    int scrollbackLimit() {
        return scrollbackLimit;
    }

    /** Applies to buffers opened from now on. */
    public void setScrollbackLimit(int limit) {
        this.scrollbackLimit = limit;
    }

    /** Sets (or with null, removes) the store that logs lines and restores them into new buffers. */
    public void setLineStore(LineStore store) {
        this.lineStore = store;
    }

    LineStore lineStore() {
        return lineStore;
    }

    long nextId() {
        return ids.getAndIncrement();
    }

    public synchronized void addListener(SessionListener listener) {
        SessionListener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
        grown[grown.length - 1] = listener;
        listeners = grown;
    }

    public synchronized void removeListener(SessionListener listener) {
        List<SessionListener> kept = new ArrayList<>(Arrays.asList(listeners));
        if (kept.remove(listener)) {
            listeners = kept.toArray(SessionListener[]::new);
        }
    }

    /** The network of that name, created with its server buffer on first use. */
    public NetworkState network(String name) {
        NetworkState network;
        boolean created = false;
        synchronized (networks) {
            network = networks.get(name);
            if (network == null) {
                network = new NetworkState(this, name);
                networks.put(name, network);
                created = true;
            }
        }
        if (created) {
            bufferAdded(network.server());
        }
        return network;
    }

    public Optional<NetworkState> existingNetwork(String name) {
        synchronized (networks) {
            return Optional.ofNullable(networks.get(name));
        }
    }

    public List<NetworkState> networks() {
        synchronized (networks) {
            return new ArrayList<>(networks.values());
        }
    }

    void bufferAdded(BufferState buffer) {
        byId.put(buffer.id(), buffer);
        fire(SessionEvent.Type.BUFFER_ADDED, buffer.id());
    }

    public Optional<BufferState> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<BufferState> buffers() {
        List<BufferState> all = new ArrayList<>();
        for (NetworkState network : networks()) {
            all.addAll(network.buffers());
        }
        return all;
    }

    public Optional<BufferState> find(String network, String name) {
        if (network == null || name == null) {
            return Optional.empty();
        }
        return existingNetwork(network).map(n -> n.find(name));
    }

    public void removed(BufferState buffer) {
        byId.remove(buffer.id());
    }

    /** Tells every listener; a failing listener is logged and does not stop the others. */
    public void fire(SessionEvent.Type type, long bufferId) {
        fire(type, bufferId, -1);
    }

    /** Tells every listener about an event concerning one line of a buffer. */
    public void fire(SessionEvent.Type type, long bufferId, long line) {
        if (listeners.length > 0) {
            fire(new SessionEvent(type, bufferId, line));
        }
    }

    /** Tells every listener about an event made once and fired often (a buffer's "lines added"). */
    public void fire(SessionEvent event) {
        for (SessionListener listener : listeners) {
            try {
                listener.sessionChanged(event);
            } catch (Throwable e) {
                // a plugin's NoClassDefFoundError or AssertionError must not keep the UI (a listener after it) or
                // the rest of the message's routing from its turn; only a broken VM is let through
                if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
                    throw fatal;
                }
                callbacks.failed(listener, "SessionListener " + event.type(), e);
            }
        }
    }
}
