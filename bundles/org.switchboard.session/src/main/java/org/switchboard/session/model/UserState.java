package org.switchboard.session.model;

/** What is known about one user on a network, shared by every channel the user is in. Guarded by the network. */
final class UserState {
    String nick;
    String user;
    String host;
    String account;
    String realName;
    boolean away;

    UserState(String nick) {
        this.nick = nick;
    }
}
