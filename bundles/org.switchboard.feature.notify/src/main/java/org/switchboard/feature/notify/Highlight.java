package org.switchboard.feature.notify;

/**
 * A highlighted line as the notification shows it.
 *
 * @param bufferId where it is
 * @param line     its sequence number in the buffer
 * @param place    the buffer and network, plain text ({@code #chan — libera})
 * @param buffer   the buffer's name, plain text
 * @param message  who said what, plain text ({@code <ann> me: lunch?})
 */
record Highlight(long bufferId, long line, String place, String buffer, String message) {
}
