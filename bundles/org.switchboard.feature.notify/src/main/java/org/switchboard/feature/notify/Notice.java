package org.switchboard.feature.notify;

/**
 * One desktop notification: plain text only, and where a click on it leads.
 *
 * @param title    the heading, plain text
 * @param text     the body, plain text
 * @param bufferId the buffer of the newest highlight it stands for
 * @param line     that highlight's sequence number in the buffer
 */
record Notice(String title, String text, long bufferId, long line) {
}
