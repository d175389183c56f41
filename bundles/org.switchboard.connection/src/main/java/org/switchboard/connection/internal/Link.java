package org.switchboard.connection.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One TCP link to a server: a blocking {@link SocketChannel}, with TLS layered on the channel's socket when the
 * server wants it.
 *
 * <p>Why an {@link SSLSocket} over the channel's socket rather than an {@code SSLEngine}: both keep the
 * SocketChannel underneath (so closing the channel from any thread wakes a blocked reader), but the layered
 * socket gives the JDK's own, well-tested handshake, renegotiation and close_notify handling in blocking mode
 * with no wrap/unwrap loop of ours. The reader then reads through the SSL socket's stream.
 */
final class Link implements AutoCloseable {

    static final int RECEIVE_BUFFER_BYTES = 128 * 1024;

    private final SocketChannel channel;
    private final SSLSocket ssl;
    private final InputStream sslIn;
    private final OutputStream sslOut;
    private final ServerAddress server;
    private final boolean certificateVerified;

    private Link(SocketChannel channel, SSLSocket ssl, ServerAddress server, boolean certificateVerified)
            throws IOException {
        this.channel = channel;
        this.ssl = ssl;
        this.server = server;
        this.certificateVerified = certificateVerified;
        this.sslIn = ssl == null ? null : ssl.getInputStream();
        this.sslOut = ssl == null ? null : ssl.getOutputStream();
    }

    /**
     * Resolves, connects {@code channel} (fresh, so that another thread can close it to abort) and, for TLS
     * servers, completes the handshake, verifying the certificate. Closes the channel on failure.
     *
     * @param tlsVerifies whether {@code tls} checks the server's certificate (false under
     *                    {@code tls.insecureSkipVerify}); decides {@link #secure()}
     *
     * @throws java.net.UnknownHostException when the name does not resolve
     * @throws IOException                   on refusal, timeout or handshake failure
     */
    static Link open(SocketChannel channel, ServerAddress server, SSLContext tls, boolean tlsVerifies,
            int timeoutMillis) throws IOException {
        try {
            InetAddress address = InetAddress.getByName(server.host());
            channel.configureBlocking(true);
            channel.socket().setTcpNoDelay(true);
            channel.socket().setKeepAlive(true);
            // A fixed window (no autotuning up to tens of MB): IRC needs little bandwidth, and a reader that
            // stops reading should stop the server quickly instead of letting the kernel buffer a flood.
            channel.socket().setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
            channel.socket().connect(new InetSocketAddress(address, server.port()), timeoutMillis);
            if (!server.tls()) {
                return new Link(channel, null, server, false);
            }
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory()
                    .createSocket(channel.socket(), server.host(), server.port(), true);
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            SNIHostName serverName = serverNameIndication(server.host());
            if (serverName != null) {
                parameters.setServerNames(List.of(serverName));
            }
            ssl.setSSLParameters(parameters);
            ssl.setUseClientMode(true);
            ssl.setSoTimeout(timeoutMillis);
            ssl.startHandshake();
            ssl.setSoTimeout(0);
            return new Link(channel, ssl, server, tlsVerifies);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The SNI name for {@code host}, or null for an IP address. Set explicitly because the JDK leaves SNI out for
     * names without a dot ({@code localhost}, intranet names), and servers use it to pick a certificate and to
     * decide whether to announce an STS persistence policy.
     */
    static SNIHostName serverNameIndication(String host) {
        if (host.indexOf(':') >= 0 || host.matches("[0-9.]+")) {
            return null;
        }
        try {
            return new SNIHostName(host);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The TLS context for a network: its trust decision and, for CertFP, its client certificate. */
    static SSLContext tlsContext(NetworkSettings settings) throws GeneralSecurityException, IOException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(settings.trustStore == null ? null
                : loadStore(settings.trustStore, settings.trustStorePassword));
        X509ExtendedTrustManager jdk = null;
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                jdk = x;
            }
        }
        if (jdk == null) {
            throw new GeneralSecurityException("the JDK offers no X509ExtendedTrustManager");
        }
        KeyManager[] keyManagers = null;
        if (settings.clientKeyStore != null) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            char[] password = settings.clientKeyStorePassword == null ? new char[0]
                    : settings.clientKeyStorePassword.toCharArray();
            kmf.init(loadStore(settings.clientKeyStore, settings.clientKeyStorePassword), password);
            keyManagers = kmf.getKeyManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, new TrustManager[] {
            new CertificateChecker(jdk, settings.pinnedFingerprints, settings.tlsInsecureSkipVerify) }, null);
        return context;
    }

    private static KeyStore loadStore(String path, String password) throws GeneralSecurityException, IOException {
        return KeyStore.getInstance(new java.io.File(path), password == null ? null : password.toCharArray());
    }

    ServerAddress server() {
        return server;
    }

    /** TLS, whether or not the certificate was checked. */
    boolean encrypted() {
        return ssl != null;
    }

    /**
     * TLS with the server's certificate verified (trust store or pin): only then is the other end known to be the
     * server, and only then may credentials that a listener could reuse (SASL PLAIN) go over the link.
     */
    boolean secure() {
        return ssl != null && certificateVerified;
    }

    /** Blocking read into a heap buffer; -1 at end of stream. */
    /**
     * A buffer for {@link #read}. Plain links read into native memory, which the channel fills without the JDK's
     * intermediate copy for heap buffers; TLS reads from a stream into an array.
     */
    ByteBuffer newReadBuffer() {
        return ssl == null ? ByteBuffer.allocateDirect(64 * 1024) : ByteBuffer.allocate(16 * 1024);
    }

    int read(ByteBuffer buffer) throws IOException {
        if (ssl == null) {
            return channel.read(buffer);
        }
        int n = sslIn.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        if (n > 0) {
            buffer.position(buffer.position() + n);
        }
        return n;
    }

    void write(byte[] bytes) throws IOException {
        if (ssl == null) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } else {
            sslOut.write(bytes);
            sslOut.flush();
        }
    }

    /** Ends our direction after the last write (FIN, or close_notify under TLS) and lets the server hang up. */
    void shutdownOutput() {
        try {
            if (ssl != null) {
                ssl.shutdownOutput();
            } else {
                channel.shutdownOutput();
            }
        } catch (IOException | UnsupportedOperationException e) {
            close();
        }
    }

    /** Closes the channel at once; wakes a reader blocked on it. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the link is gone either way
        }
    }
}
