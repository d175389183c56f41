package org.switchboard.session.model;

/** One user's membership of one channel. Guarded by the network. */
final class MemberEntry {
    final UserState user;
    /** Membership symbols, highest rank first. */
    String prefixes;

    MemberEntry(UserState user, String prefixes) {
        this.user = user;
        this.prefixes = prefixes;
    }
}
