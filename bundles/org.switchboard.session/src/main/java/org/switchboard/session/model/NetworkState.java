package org.switchboard.session.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.Isupport;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.SessionEvent;

/**
 * One network's buffers and users. The object itself is the lock: every mutation of its buffers' membership,
 * names and topics happens while holding it, which in practice is the connection's reader thread.
 */
public final class NetworkState {

    private static final Isupport.Prefix DEFAULT_PREFIX = new Isupport.Prefix("ov", "@+");

    private final SessionModel model;
    private final String name;
    private final BufferState server;
    /** Folded buffer name to buffer, in the order they were opened; the server buffer is not in it. */
    private final Map<String, BufferState> buffers = new LinkedHashMap<>();
    private final Map<String, UserState> users = new HashMap<>();
    private volatile CaseMapping caseMapping = CaseMapping.RFC1459;
    private volatile Isupport.Prefix prefix = DEFAULT_PREFIX;
    private volatile String ownNick;
    /** What the server last said about our away state on the current link. */
    private volatile boolean ownAway;
    /** The buffer {@link #getOrCreate} found last, by the exact name asked for; guarded by this. */
    private String lastName;
    private BufferState lastFound;

    NetworkState(SessionModel model, String name) {
        this.model = model;
        this.name = name;
        this.server = new BufferState(model.nextId(), this, BufferType.SERVER, name, model.scrollbackLimit());
    }

    public String name() {
        return name;
    }

    SessionModel model() {
        return model;
    }

    public BufferState server() {
        return server;
    }

    public CaseMapping caseMapping() {
        return caseMapping;
    }

    public Isupport.Prefix prefix() {
        return prefix;
    }

    public String ownNick() {
        return ownNick;
    }

    public synchronized void setOwnNick(String nick) {
        this.ownNick = nick;
    }

    public boolean ownAway() {
        return ownAway;
    }

    public void setOwnAway(boolean away) {
        this.ownAway = away;
    }

    public boolean isOwnNick(String nick) {
        String own = ownNick;
        return own != null && nick != null && caseMapping.equals(own, nick);
    }

    /**
     * Takes over what the server announced. A new case mapping re-keys every map, since the folded keys were
     * computed under the old one; a new prefix list re-sorts the member lists.
     */
    public void updateIsupport(CaseMapping newMapping, Isupport.Prefix newPrefix) {
        // Called for every message: the connection hands out the same objects until the next 005, so an identity
        // check without the lock settles nearly every call.
        if ((newPrefix == null || newPrefix == prefix) && (newMapping == null || newMapping == caseMapping)) {
            return;
        }
        synchronized (this) {
            applyIsupport(newMapping, newPrefix);
        }
    }

    private void applyIsupport(CaseMapping newMapping, Isupport.Prefix newPrefix) {
        if (newPrefix != null && newPrefix != prefix) {
            boolean changed = !newPrefix.equals(prefix);
            prefix = newPrefix;
            if (changed) {
                for (BufferState buffer : buffers.values()) {
                    buffer.membersChanged();
                }
            }
        }
        if (newMapping != null && newMapping != caseMapping) {
            caseMapping = newMapping;
            lastFound = null;
            rekey(buffers, b -> b.name());
            rekey(users, u -> u.nick);
            for (BufferState buffer : buffers.values()) {
                rekey(buffer.memberMap(), m -> m.user.nick);
                buffer.membersChanged();
            }
        }
    }

    private <V> void rekey(Map<String, V> map, java.util.function.Function<V, String> nameOf) {
        List<V> values = new ArrayList<>(map.values());
        map.clear();
        for (V value : values) {
            map.putIfAbsent(caseMapping.fold(nameOf.apply(value)), value);
        }
    }

    public String fold(String text) {
        return caseMapping.fold(text);
    }

    // --- buffers ---

    /** The buffer named {@code bufferName}: the server buffer for the network's own name, else a channel/query. */
    public synchronized BufferState find(String bufferName) {
        BufferState found = buffers.get(fold(bufferName));
        if (found == null && name.equals(bufferName)) {
            return server;
        }
        return found;
    }

    public synchronized BufferState findChannelOrQuery(String bufferName) {
        return buffers.get(fold(bufferName));
    }

    public synchronized BufferState getOrCreate(BufferType type, String bufferName) {
        // a flood asks for the same channel line after line: no folding and hashing for that
        BufferState last = lastFound;
        if (last != null && last.type() == type && (bufferName == lastName || bufferName.equals(lastName))) {
            return last;
        }
        BufferState buffer = findOrCreate(type, bufferName);
        lastName = bufferName;
        lastFound = buffer;
        return buffer;
    }

    private BufferState findOrCreate(BufferType type, String bufferName) {
        String key = fold(bufferName);
        BufferState buffer = buffers.get(key);
        if (buffer == null) {
            buffer = new BufferState(model.nextId(), this, type, bufferName, model.scrollbackLimit());
            LineStore store = model.lineStore();
            if (store != null) {
                // The end of the previous conversation, from the disk log, so a restart does not start blank.
                for (BufferLine line : store.restore(name, bufferName, type)) {
                    buffer.restore(line);
                }
            }
            buffers.put(key, buffer);
            model.bufferAdded(buffer);
        }
        return buffer;
    }

    public synchronized boolean remove(BufferState buffer) {
        lastFound = null;
        if (buffer == server || buffers.remove(fold(buffer.name())) == null) {
            return false;
        }
        model.removed(buffer);
        model.fire(SessionEvent.Type.BUFFER_REMOVED, buffer.id());
        return true;
    }

    public synchronized void renameBuffer(BufferState buffer, String newName) {
        lastFound = null;
        buffers.remove(fold(buffer.name()));
        buffer.rename(newName);
        BufferState clash = buffers.put(fold(newName), buffer);
        if (clash != null && clash != buffer) {
            // A query with the new nick existed already; keep it reachable rather than lose its scrollback.
            buffers.put(fold(buffer.name()) + "\u0000" + clash.id(), clash);
        }
        model.fire(SessionEvent.Type.BUFFER_STATE_CHANGED, buffer.id());
    }

    /** The server buffer first, then the others in the order they were opened. */
    public synchronized List<BufferState> buffers() {
        List<BufferState> result = new ArrayList<>(buffers.size() + 1);
        result.add(server);
        result.addAll(buffers.values());
        return result;
    }

    // --- users ---

    public synchronized UserState user(String nick) {
        return users.computeIfAbsent(fold(nick), k -> new UserState(nick));
    }

    public synchronized UserState existingUser(String nick) {
        return users.get(fold(nick));
    }

    /** Forgets users that share no channel with us any more. */
    synchronized void forgetIfUnseen(UserState user) {
        for (BufferState buffer : buffers.values()) {
            if (buffer.memberMap().containsKey(fold(user.nick))) {
                return;
            }
        }
        users.remove(fold(user.nick));
    }

    /** Renames a user everywhere: the user table, every channel's member map and a query buffer. */
    public synchronized List<BufferState> renameUser(String oldNick, String newNick) {
        List<BufferState> touched = new ArrayList<>();
        UserState user = users.remove(fold(oldNick));
        if (user != null) {
            user.nick = newNick;
            users.put(fold(newNick), user);
        }
        for (BufferState buffer : buffers.values()) {
            if (buffer.type() == BufferType.CHANNEL) {
                MemberEntry entry = buffer.memberMap().remove(fold(oldNick));
                if (entry != null) {
                    buffer.memberMap().put(fold(newNick), entry);
                    buffer.membersChanged();
                    touched.add(buffer);
                }
            }
        }
        BufferState query = buffers.get(fold(oldNick));
        if (query != null && query.type() == BufferType.QUERY) {
            renameBuffer(query, newNick);
            touched.add(query);
        }
        return touched;
    }

    /** Channels {@code nick} is a member of. */
    public synchronized List<BufferState> channelsOf(String nick) {
        String key = fold(nick);
        List<BufferState> result = new ArrayList<>();
        for (BufferState buffer : buffers.values()) {
            if (buffer.type() == BufferType.CHANNEL && buffer.memberMap().containsKey(key)) {
                result.add(buffer);
            }
        }
        return result;
    }

    // --- membership ---

    public synchronized void addMember(BufferState channel, String nick, String prefixes) {
        UserState user = user(nick);
        MemberEntry entry = channel.memberMap().get(fold(nick));
        if (entry == null) {
            channel.memberMap().put(fold(nick), new MemberEntry(user, prefixes));
        } else {
            entry.prefixes = prefixes;
        }
        channel.membersChanged();
    }

    public synchronized boolean removeMember(BufferState channel, String nick) {
        MemberEntry removed = channel.memberMap().remove(fold(nick));
        if (removed == null) {
            return false;
        }
        channel.membersChanged();
        forgetIfUnseen(removed.user);
        return true;
    }

    public synchronized boolean isMember(BufferState channel, String nick) {
        return channel.memberMap().containsKey(fold(nick));
    }

    /** Adds or removes one membership mode; returns false when the nick is not in the channel. */
    public synchronized boolean changePrefix(BufferState channel, String nick, char symbol, boolean adding) {
        MemberEntry entry = channel.memberMap().get(fold(nick));
        if (entry == null) {
            return false;
        }
        String current = entry.prefixes;
        boolean has = current.indexOf(symbol) >= 0;
        if (adding == has) {
            return true;
        }
        StringBuilder next = new StringBuilder();
        String order = prefix.symbols();
        for (int i = 0; i < order.length(); i++) {
            char c = order.charAt(i);
            if (c == symbol ? adding : current.indexOf(c) >= 0) {
                next.append(c);
            }
        }
        entry.prefixes = next.toString();
        channel.membersChanged();
        return true;
    }

    /** Starts or continues a NAMES burst for a channel: the entries are collected, not applied. */
    public synchronized void addPendingName(BufferState channel, String nick, String prefixes, String user,
            String host) {
        if (channel.pendingNames == null) {
            channel.pendingNames = new HashMap<>();
        }
        UserState state = user(nick);
        if (user != null) {
            state.user = user;
        }
        if (host != null) {
            state.host = host;
        }
        channel.pendingNames.put(fold(nick), new MemberEntry(state, prefixes));
    }

    /** Ends a NAMES burst: the collected list replaces the members. Returns false when there was no burst. */
    public synchronized boolean applyPendingNames(BufferState channel) {
        Map<String, MemberEntry> pending = channel.pendingNames;
        if (pending == null) {
            return false;
        }
        channel.pendingNames = null;
        List<MemberEntry> old = new ArrayList<>(channel.memberMap().values());
        channel.memberMap().clear();
        channel.memberMap().putAll(pending);
        for (MemberEntry entry : old) {
            forgetIfUnseen(entry.user);
        }
        channel.membersChanged();
        return true;
    }

    /** Empties every channel's member list and forgets all users, for a link that went down. */
    public synchronized void clearAllMembers() {
        for (BufferState buffer : buffers.values()) {
            if (!buffer.memberMap().isEmpty() || buffer.pendingNames != null) {
                buffer.clearMembers();
                model.fire(SessionEvent.Type.MEMBERS_CHANGED, buffer.id());
            }
        }
        users.clear();
    }

    public void fire(SessionEvent.Type type, BufferState buffer) {
        model.fire(type, buffer.id());
    }

    /** Sets the away flag etc. of a user; a helper to keep field access inside the package. */
    public synchronized UserUpdate update(String nick) {
        UserState user = users.get(fold(nick));
        return user == null ? null : new UserUpdate(user);
    }

    /** Mutator for one user's details, used under the network lock. */
    public static final class UserUpdate {
        private final UserState user;

        UserUpdate(UserState user) {
            this.user = user;
        }

        public UserUpdate away(boolean away) {
            user.away = away;
            return this;
        }

        public UserUpdate account(String account) {
            user.account = account;
            return this;
        }

        public UserUpdate userAndHost(String userName, String host) {
            if (userName != null) {
                user.user = userName;
            }
            if (host != null) {
                user.host = host;
            }
            return this;
        }

        public UserUpdate realName(String realName) {
            user.realName = realName;
            return this;
        }
    }

    /** Marks the channels a user's details appear in as changed and returns them. */
    public synchronized List<BufferState> userChanged(String nick) {
        List<BufferState> channels = channelsOf(nick);
        for (BufferState channel : channels) {
            channel.membersChanged();
        }
        return channels;
    }

    /** Runs {@code action} for every buffer, the server buffer first; the action may open buffers. */
    public synchronized void forEachBuffer(java.util.function.Consumer<BufferState> action) {
        for (BufferState buffer : buffers()) {
            action.accept(buffer);
        }
    }
}
