package org.switchboard.api.irc;

/**
 * One mode change out of a MODE line.
 *
 * @param adding   true for {@code +}, false for {@code -}
 * @param mode     the mode letter
 * @param argument the argument, or {@code null} when the mode takes none (or a list query has none)
 */
public record ModeChange(boolean adding, char mode, String argument) {
}
