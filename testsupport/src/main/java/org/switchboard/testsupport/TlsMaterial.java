package org.switchboard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority and a server certificate it signed for {@code 127.0.0.1} and
 * {@code localhost}, generated with {@code openssl} at test time (EC P-256 keys: fast to make). Files are
 * world-readable because ngircd reads them after dropping privileges.
 *
 * <p>Use {@link #shared()} to generate once per JVM.
 */
public final class TlsMaterial {

    /** Password of the PKCS#12 stores written here. */
    public static final String STORE_PASSWORD = "changeit";

    private static TlsMaterial shared;

    private final Path directory;
    private final Path caCertificate;
    private final Path serverCertificate;
    private final Path serverKey;
    private final Path trustStore;
    private final Path serverKeyStore;
    private final Path clientKeyStore;

    private TlsMaterial(Path directory) {
        this.directory = directory;
        this.caCertificate = directory.resolve("ca.pem");
        this.serverCertificate = directory.resolve("server.pem");
        this.serverKey = directory.resolve("server.key");
        this.trustStore = directory.resolve("truststore.p12");
        this.serverKeyStore = directory.resolve("server.p12");
        this.clientKeyStore = directory.resolve("client.p12");
    }

    /** Material generated on first use and reused by every later caller in this JVM. */
    public static synchronized TlsMaterial shared() {
        if (shared == null) {
            shared = generate(Fixtures.newWorldReadableTempDirectory("switchboard-tls"));
        }
        return shared;
    }

    /** Generates a new CA and server certificate into {@code directory}. */
    public static TlsMaterial generate(Path directory) {
        TlsMaterial material = new TlsMaterial(directory);
        try {
            Path ext = directory.resolve("server.ext");
            Files.writeString(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                    + "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
            material.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", "ca.key", "-out", "ca.pem", "-days", "3", "-subj", "/CN=Switchboard Test CA",
                    "-addext", "basicConstraints=critical,CA:TRUE",
                    "-addext", "keyUsage=critical,keyCertSign,cRLSign");
            material.openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
            material.openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", "server.pem", "-days", "3", "-extfile", "server.ext");
            material.openssl("pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-certfile", "ca.pem",
                    "-name", "server", "-out", "server.p12", "-passout", "pass:" + STORE_PASSWORD);
            Files.writeString(directory.resolve("client.ext"), "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n");
            material.openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=switchboard-test-client");
            material.openssl("x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", "client.pem", "-days", "3", "-extfile", "client.ext");
            material.openssl("pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-name", "client",
                    "-out", "client.p12", "-passout", "pass:" + STORE_PASSWORD);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("switchboard-test-ca", material.load(material.caCertificate));
            try (OutputStream out = Files.newOutputStream(material.trustStore)) {
                trust.store(out, STORE_PASSWORD.toCharArray());
            }
            for (Path file : List.of(material.serverKey, material.serverCertificate, material.caCertificate,
                    material.trustStore, material.serverKeyStore, material.clientKeyStore)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
            return material;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not build the test trust store", e);
        }
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running openssl", e);
        }
    }

    private X509Certificate load(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    public Path directory() {
        return directory;
    }

    /** The CA certificate, PEM. */
    public Path caCertificate() {
        return caCertificate;
    }

    /** The server certificate (leaf only), PEM. */
    public Path serverCertificate() {
        return serverCertificate;
    }

    /** The server's private key, unencrypted PEM. */
    public Path serverKey() {
        return serverKey;
    }

    /** A PKCS#12 trust store holding only the test CA; password {@link #STORE_PASSWORD}. */
    public Path trustStore() {
        return trustStore;
    }

    /** A PKCS#12 key store with the server key and chain; password {@link #STORE_PASSWORD}. */
    public Path serverKeyStore() {
        return serverKeyStore;
    }

    /**
     * A PKCS#12 key store with a client certificate (CN=switchboard-test-client, signed by the test CA) and its
     * key, for CertFP / SASL EXTERNAL; password {@link #STORE_PASSWORD}.
     */
    public Path clientKeyStore() {
        return clientKeyStore;
    }

    /** SHA-256 fingerprint of the client certificate, lower-case hex without separators. */
    public String clientFingerprintSha256() {
        return fingerprint(directory.resolve("client.pem"));
    }

    /** SHA-256 fingerprint of the server certificate, lower-case hex without separators. */
    public String serverFingerprintSha256() {
        return fingerprint(serverCertificate);
    }

    private String fingerprint(Path pem) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(load(pem).getEncoded());
            return HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client-side context that trusts the test CA only. */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(trustStore)) {
                trust.load(in, STORE_PASSWORD.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A server-side context presenting the server certificate, for {@link ScriptedIrcServer#startTls}; it trusts
     * client certificates signed by the test CA (used when the server asks for one).
     */
    public SSLContext serverContext() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(serverKeyStore)) {
                keys.load(in, STORE_PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, STORE_PASSWORD.toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(trustStore)) {
                trust.load(in, STORE_PASSWORD.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
