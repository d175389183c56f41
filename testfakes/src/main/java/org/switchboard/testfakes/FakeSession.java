package org.switchboard.testfakes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Session;

/**
 * A session of {@link FakeBuffer}s the test adds; it records the queries opened, read marks and info lines, and knows
 * on which networks the user is away.
 */
public final class FakeSession implements Session {

    public final List<FakeBuffer> buffers = new ArrayList<>();
    public final Set<String> awayOn = new HashSet<>();
    public final List<String> info = new ArrayList<>();
    /** {@code network/nick} of every {@link #openQuery} call. */
    public final List<String> openedQueries = new ArrayList<>();
    private long nextId = 1;

    public FakeBuffer add(String network, String name, BufferType type) {
        FakeBuffer buffer = new FakeBuffer(nextId++, network, name, type);
        buffers.add(buffer);
        return buffer;
    }

    @Override
    public List<Buffer> buffers() {
        return List.copyOf(buffers);
    }

    @Override
    public Optional<Buffer> find(String network, String name) {
        return buffers.stream().filter(b -> b.network().equals(network) && b.name().equalsIgnoreCase(name))
                .map(Buffer.class::cast).findFirst();
    }

    @Override
    public Optional<Buffer> byId(long id) {
        return buffers.stream().filter(b -> b.id() == id).map(Buffer.class::cast).findFirst();
    }

    @Override
    public Buffer openQuery(String network, String nick) {
        openedQueries.add(network + "/" + nick);
        return find(network, nick).orElseGet(() -> add(network, nick, BufferType.QUERY));
    }

    @Override
    public void close(long bufferId) {
        buffers.removeIf(b -> b.id() == bufferId);
    }

    @Override
    public void markRead(long bufferId) {
        byId(bufferId).map(FakeBuffer.class::cast).ifPresent(b -> {
            b.unread = 0;
            b.highlights = 0;
        });
    }

    @Override
    public void appendInfo(long bufferId, LineKind kind, String text) {
        info.add(text);
    }

    @Override
    public boolean away(String network) {
        return awayOn.contains(network);
    }
}
