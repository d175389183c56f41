package org.switchboard.api.session;

/** What a scrollback line records; decides how a UI draws it. */
public enum LineKind {
    MESSAGE, ACTION, NOTICE, JOIN, PART, QUIT, KICK, NICK, MODE, TOPIC, MOTD, INFO, ERROR
}
