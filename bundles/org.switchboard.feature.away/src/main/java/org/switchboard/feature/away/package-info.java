/**
 * Away status as a hot-pluggable feature: the bundle asks for the IRCv3 away-notify capability while it runs, so
 * starting it negotiates the capability mid-session and stopping it releases it.
 */
package org.switchboard.feature.away;
