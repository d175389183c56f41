package org.switchboard.connection.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One IRC network, configured as a factory configuration of PID {@code org.switchboard.network}.
 *
 * <p>Property names follow the DS mapping ({@code _} becomes {@code .}). Secrets use names starting with a dot
 * ({@code .serverPassword}, {@code .sasl.password}...): DS keeps such properties private to the component, so
 * they never become service properties that any bundle could read.
 */
@ObjectClassDefinition(id = "org.switchboard.network", name = "Switchboard IRC network",
        description = "One IRC network the client connects to. Several can be configured; each gets its own "
                + "connection service and threads.")
public @interface NetworkConfig {

    @AttributeDefinition(name = "Network name", description = "Unique name, shown in the buffer list; "
            + "published as the irc.network service property")
    String irc_network();

    @AttributeDefinition(name = "Servers", description = "Tried in turn: host:port for plaintext, +host:port or "
            + "host:+port for TLS, or irc://host:port / ircs://host:port URLs")
    String[] servers();

    @AttributeDefinition(name = "Nick")
    String nick();

    @AttributeDefinition(name = "Alternate nicks", description = "Tried in order when the nick is taken")
    String[] alternateNicks() default {};

    @AttributeDefinition(name = "User name", description = "The USER name (ident); the nick when empty")
    String userName() default "";

    @AttributeDefinition(name = "Real name")
    String realName() default "Switchboard user";

    @AttributeDefinition(name = "Server password", type = AttributeType.PASSWORD, required = false)
    String _serverPassword() default "";

    @AttributeDefinition(name = "SASL mechanism", options = {
        @Option(value = "NONE", label = "None"), @Option(value = "PLAIN", label = "PLAIN (user and password)"),
        @Option(value = "EXTERNAL", label = "EXTERNAL (TLS client certificate)"),
        @Option(value = "SCRAM-SHA-256", label = "SCRAM-SHA-256")})
    String sasl_mechanism() default "NONE";

    @AttributeDefinition(name = "SASL user", required = false)
    String sasl_user() default "";

    @AttributeDefinition(name = "SASL password", type = AttributeType.PASSWORD, required = false)
    String _sasl_password() default "";

    @AttributeDefinition(name = "Allow SASL PLAIN without TLS", description = "Sends the password readable by "
            + "anyone on the path; off by default")
    boolean sasl_allowPlaintext() default false;

    @AttributeDefinition(name = "Require SASL", description = "Disconnect when authentication fails rather than "
            + "continue unauthenticated")
    boolean sasl_required() default true;

    @AttributeDefinition(name = "Autojoin channels", description = "One per entry: #channel or '#channel key'")
    String[] autojoin() default {};

    @AttributeDefinition(name = "Fallback encoding", description = "For incoming lines that are not UTF-8")
    String encoding_fallback() default "windows-1252";

    @AttributeDefinition(name = "Connect automatically")
    boolean autoConnect() default true;

    @AttributeDefinition(name = "Skip TLS certificate verification (insecure)", description = "Accepts any "
            + "certificate: anyone on the path can read and change the traffic")
    boolean tls_insecureSkipVerify() default false;

    @AttributeDefinition(name = "Pinned certificate fingerprints", description = "SHA-256 fingerprints (hex, "
            + "colons optional); when set, only a server certificate with one of them is accepted")
    String[] tls_pinnedFingerprints() default {};

    @AttributeDefinition(name = "Trust store", description = "PKCS#12 or JKS file of trusted CAs used instead "
            + "of the JDK's; empty for the JDK trust store", required = false)
    String tls_trustStore() default "";

    @AttributeDefinition(name = "Trust store password", type = AttributeType.PASSWORD, required = false)
    String _tls_trustStorePassword() default "";

    @AttributeDefinition(name = "Client certificate key store", description = "PKCS#12 file with the client "
            + "certificate and key for CertFP / SASL EXTERNAL", required = false)
    String tls_clientKeyStore() default "";

    @AttributeDefinition(name = "Client key store password", type = AttributeType.PASSWORD, required = false)
    String _tls_clientKeyStorePassword() default "";

    @AttributeDefinition(name = "Flood burst", description = "Lines sent at once before pacing starts")
    int flood_burst() default 8;

    @AttributeDefinition(name = "Flood interval (ms)", description = "One more line per interval after the burst")
    int flood_intervalMillis() default 2000;

    @AttributeDefinition(name = "Send queue capacity", description = "Lines held while disconnected or paced; "
            + "more are refused")
    int sendQueue_capacity() default 500;

    @AttributeDefinition(name = "First reconnect delay (ms)")
    int reconnect_minDelayMillis() default 2000;

    @AttributeDefinition(name = "Longest reconnect delay (ms)")
    int reconnect_maxDelayMillis() default 60000;

    @AttributeDefinition(name = "Connect timeout (ms)")
    int connectTimeoutMillis() default 15000;

    @AttributeDefinition(name = "Wait for the end of the MOTD (ms)", description = "Channels are joined and queued "
            + "lines sent once the server ends its message of the day; a server that never does is given this long "
            + "after the welcome (counted at the next line it sends)")
    int motdWaitMillis() default 10000;

    @AttributeDefinition(name = "Quit message")
    String quitMessage() default "Switchboard";
}
