/**
 * Connections to IRC networks (private to the bundle).
 *
 * <h2>Configuration</h2>
 * One factory configuration of PID {@code org.switchboard.network} per network, described by
 * {@link org.switchboard.connection.internal.NetworkConfig} (metatype generated from it). Main keys:
 * {@code irc.network} (name, also the service property), {@code servers} (array; {@code host:port},
 * {@code +host:port} or {@code host:+port} for TLS, or {@code irc://} / {@code ircs://} URLs; tried in turn),
 * {@code nick}, {@code alternateNicks}, {@code userName}, {@code realName}, {@code .serverPassword},
 * {@code sasl.mechanism} (NONE, PLAIN, EXTERNAL, SCRAM-SHA-256), {@code sasl.user}, {@code .sasl.password},
 * {@code sasl.allowPlaintext} (false), {@code sasl.required} (true), {@code autojoin} ({@code "#chan"} or
 * {@code "#chan key"}), {@code encoding.fallback} (windows-1252), {@code autoConnect} (true),
 * {@code tls.insecureSkipVerify} (false), {@code tls.pinnedFingerprints}, {@code tls.trustStore},
 * {@code tls.clientKeyStore} (CertFP / SASL EXTERNAL), {@code flood.burst} (8), {@code flood.intervalMillis}
 * (2000), {@code sendQueue.capacity} (500), {@code reconnect.minDelayMillis} (2000),
 * {@code reconnect.maxDelayMillis} (60000), {@code connectTimeoutMillis}, {@code motdWaitMillis} (10000), {@code quitMessage}. Secrets start
 * with a dot so DS keeps them out of the service properties.
 *
 * <h2>Threads</h2>
 * Per connection, {@code switchboard-reader-<network>} connects, reads, decodes and dispatches to the whiteboard
 * listeners on its own thread (so a slow consumer slows the socket, never the heap) and waits out the back-off;
 * {@code switchboard-writer-<network>} exists per link and paces output through a token bucket.
 *
 * <h2>TLS</h2>
 * An {@link javax.net.ssl.SSLSocket} layered on the {@link java.nio.channels.SocketChannel}'s socket; host name
 * verification ("HTTPS" endpoint identification) and the JDK (or configured) trust store by default; pins
 * replace CA checks; refusals name the problem and the SHA-256 fingerprint. STS policies are kept per host in
 * the bundle's data area. A link under {@code tls.insecureSkipVerify} is encrypted but not secure: its state says
 * "certificate NOT verified", SASL PLAIN is not sent over it and no STS policy learned over it is stored.
 *
 * <h2>Network files</h2>
 * {@link org.switchboard.connection.internal.NetworkFileFolders} has FileInstall watch the installation's
 * {@code conf/} and the profile's {@code config/conf/} for {@code org.switchboard.network-NAME.cfg} / {@code .config}
 * files, which become (and go with) the factory configurations NAME.
 *
 * <h2>Command line</h2>
 * {@link org.switchboard.connection.internal.CommandLineNetworks} turns the framework properties
 * {@code switchboard.connect} and {@code switchboard.nick} into transient network configurations.
 */
package org.switchboard.connection.internal;
