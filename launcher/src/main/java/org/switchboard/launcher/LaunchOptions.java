package org.switchboard.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line asked for.
 *
 * @param help     print usage and exit
 * @param version  print the version and exit
 * @param headless do not start user-interface bundles
 * @param console  run the Gogo shell on the terminal
 * @param profile  folder for every setting, log and cache, or null for the XDG folders
 * @param nick     nick for networks given on the command line, or null
 * @param urls     irc:// and ircs:// URLs to connect to at start, validated
 * @param demo     start the built-in loopback demo network and connect to it
 * @param installDesktopEntry add Switchboard to the desktop's application menu (and as a handler of irc:// links)
 *                 and exit
 */
public record LaunchOptions(boolean help, boolean version, boolean headless, boolean console, Path profile,
        String nick, List<String> urls, boolean demo, boolean installDesktopEntry) {

    public LaunchOptions {
        urls = List.copyOf(urls);
    }
}
