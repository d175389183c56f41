package org.switchboard.api.command;

/**
 * What a registered command says about itself.
 *
 * @param name        the command name, lower-case, without the slash
 * @param usage       the usage line ({@code /join #channel [key]}), or the empty string
 * @param description one sentence saying what it does, or the empty string
 */
public record CommandInfo(String name, String usage, String description) {
}
