package org.switchboard.connection.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust decision for server certificates. Extends {@link X509ExtendedTrustManager} so that JSSE leaves the
 * host name check to it (and thus to the wrapped JDK manager, which does it when endpoint identification is on).
 *
 * <ul>
 * <li>pinned fingerprints configured: the leaf certificate's SHA-256 must be one of them (CAs are not
 * consulted: a pin is the stronger statement);</li>
 * <li>{@code insecureSkipVerify}: everything is accepted;</li>
 * <li>otherwise the JDK (or configured) trust store and the host name decide.</li>
 * </ul>
 * A refusal says what is wrong in words and carries the fingerprint, so the user can pin it if they trust it.
 */
final class CertificateChecker extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;
    private final List<String> pins;
    private final boolean insecure;

    CertificateChecker(X509ExtendedTrustManager delegate, List<String> pins, boolean insecure) {
        this.delegate = delegate;
        this.pins = List.copyOf(pins);
        this.insecure = insecure;
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            return "(unavailable)";
        }
    }

    /** Colon-separated upper-case form, the way most tools print fingerprints. */
    static String displayFingerprint(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, Math.min(hex.length(), i + 2));
        }
        return sb.toString().toUpperCase(java.util.Locale.ROOT);
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private void decide(X509Certificate[] chain, Check jdkCheck) throws CertificateException {
        if (insecure) {
            return;
        }
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String fingerprint = fingerprint(chain[0]);
        if (!pins.isEmpty()) {
            if (pins.contains(fingerprint)) {
                return;
            }
            throw new CertificateException("certificate matches none of the pinned fingerprints; its SHA-256 "
                    + "fingerprint is " + displayFingerprint(fingerprint));
        }
        try {
            jdkCheck.run();
        } catch (CertificateException e) {
            throw new CertificateException(problem(e, chain[0]) + "; SHA-256 fingerprint "
                    + displayFingerprint(fingerprint), e);
        }
    }

    private static String problem(CertificateException e, X509Certificate leaf) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return "certificate expired on " + leaf.getNotAfter().toInstant();
            }
            if (t instanceof CertificateNotYetValidException) {
                return "certificate is not valid before " + leaf.getNotBefore().toInstant();
            }
            if (t instanceof CertPathValidatorException validator && validator.getReason() != null
                    && validator.getReason().toString().equals("EXPIRED")) {
                return "a certificate in the chain has expired";
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("No subject alternative") || message.contains("No name matching")) {
            return "certificate is not valid for this host name (" + message + ")";
        }
        if (message.contains("PKIX path") || message.contains("certification path")) {
            return "certificate is not signed by a trusted authority (self-signed or unknown CA: "
                    + leaf.getIssuerX500Principal().getName() + ")";
        }
        return "certificate refused: " + message;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        decide(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        decide(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        decide(chain, () -> delegate.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not accept client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
