package org.switchboard.feature.away;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Member;
import org.switchboard.api.session.Session;

/** A session holding fixed buffers; only what /aways reads is real. */
final class FakeSession implements Session {

    final List<Buffer> buffers = new ArrayList<>();

    FakeSession withBuffer(String network, String name, BufferType type, Member... members) {
        List<Member> memberList = List.of(members);
        buffers.add((Buffer) Proxy.newProxyInstance(Buffer.class.getClassLoader(), new Class<?>[] { Buffer.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "network" -> network;
                    case "name" -> name;
                    case "type" -> type;
                    case "members" -> memberList;
                    case "memberCount" -> memberList.size();
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
        return this;
    }

    static Member member(String nick, boolean away) {
        return new Member(nick, "", "u", "h", null, null, away);
    }

    @Override
    public List<Buffer> buffers() {
        return buffers;
    }

    @Override
    public Optional<Buffer> find(String network, String name) {
        return buffers.stream().filter(b -> b.network().equals(network) && b.name().equalsIgnoreCase(name))
                .findFirst();
    }

    @Override
    public Optional<Buffer> byId(long id) {
        return Optional.empty();
    }

    @Override
    public Buffer openQuery(String network, String nick) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close(long bufferId) {
    }

    @Override
    public void markRead(long bufferId) {
    }

    @Override
    public void appendInfo(long bufferId, LineKind kind, String text) {
    }

    @Override
    public boolean away(String network) {
        return false;
    }
}
