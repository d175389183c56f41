package org.switchboard.feature.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Member;
import org.switchboard.api.session.Session;

/** A session of named buffers without scrollback; records the queries opened. */
final class FakeSession implements Session {

    final List<Buffer> buffers = new ArrayList<>();
    final List<String> openedQueries = new ArrayList<>();

    void add(String network, String name, BufferType type) {
        buffers.add(new SimpleBuffer(buffers.size() + 1, network, name, type));
    }

    @Override
    public List<Buffer> buffers() {
        return List.copyOf(buffers);
    }

    @Override
    public Optional<Buffer> find(String network, String name) {
        return buffers.stream().filter(b -> b.network().equals(network) && b.name().equalsIgnoreCase(name))
                .findFirst();
    }

    @Override
    public Optional<Buffer> byId(long id) {
        return buffers.stream().filter(b -> b.id() == id).findFirst();
    }

    @Override
    public Buffer openQuery(String network, String nick) {
        openedQueries.add(network + "/" + nick);
        return find(network, nick).orElseGet(() -> {
            add(network, nick, BufferType.QUERY);
            return buffers.get(buffers.size() - 1);
        });
    }

    @Override
    public void close(long bufferId) {
        buffers.removeIf(b -> b.id() == bufferId);
    }

    @Override
    public void markRead(long bufferId) {
    }

    @Override
    public void appendInfo(long bufferId, LineKind kind, String text) {
    }

    private record SimpleBuffer(long id, String network, String name, BufferType type) implements Buffer {
        @Override
        public String topic() {
            return "";
        }

        @Override
        public String topicSetBy() {
            return null;
        }

        @Override
        public long topicTime() {
            return 0;
        }

        @Override
        public String modes() {
            return "";
        }

        @Override
        public boolean active() {
            return true;
        }

        @Override
        public long firstLine() {
            return 0;
        }

        @Override
        public long endLine() {
            return 0;
        }

        @Override
        public List<BufferLine> lines(long from, long to) {
            return List.of();
        }

        @Override
        public List<Member> members() {
            return List.of();
        }

        @Override
        public int memberCount() {
            return 0;
        }

        @Override
        public int unreadCount() {
            return 0;
        }

        @Override
        public int highlightCount() {
            return 0;
        }
    }
}
