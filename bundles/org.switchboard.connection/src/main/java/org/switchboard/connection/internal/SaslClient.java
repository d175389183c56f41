package org.switchboard.connection.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.lang3.StringUtils;

/**
 * The client side of one SASL exchange (IRCv3 sasl-3.1/3.2): PLAIN, EXTERNAL and SCRAM-SHA-256 (RFC 5802/7677).
 * It only turns server challenges into {@code AUTHENTICATE} payloads; the connection drives it. Payloads hold
 * credentials and must never be logged.
 */
final class SaslClient {

    /** Longest AUTHENTICATE payload per line. */
    static final int CHUNK = 400;

    /**
     * Most base64 characters one server challenge may take. SCRAM's are under 200; without a bound a server that
     * keeps sending 400-character pieces would grow the buffer for as long as it likes.
     */
    static final int MAX_CHALLENGE = 64 * 1024;

    /** RFC 7677 (section 4) asks servers for at least 4096; fewer make a recorded exchange cheap to crack. */
    static final int MIN_SCRAM_ITERATIONS = 4096;

    /**
     * Most SCRAM iterations computed. The reader thread computes them: 2^31 would hold it for many minutes. A
     * million take about half a second and cover strong server settings (Atheme's default is 64000, OWASP
     * recommends 600000 for PBKDF2-HMAC-SHA256).
     */
    static final int MAX_SCRAM_ITERATIONS = 1_000_000;

    private final String mechanism;
    private final String user;
    private final String password;
    private final StringBuilder challenge = new StringBuilder();
    private int step;
    private String scramClientFirstBare;
    private byte[] scramServerSignature;
    private boolean scramServerVerified;

    SaslClient(String mechanism, String user, String password) {
        this.mechanism = mechanism;
        this.user = user;
        this.password = password;
    }

    String mechanism() {
        return mechanism;
    }

    /**
     * Whether a success reply (903) may be believed: for SCRAM only once the server's final message proved that it
     * holds the password's keys (its signature checked); PLAIN and EXTERNAL have the server prove nothing.
     */
    boolean serverProvedItself() {
        return !mechanism.startsWith("SCRAM-") || scramServerVerified;
    }

    /**
     * Feeds one {@code AUTHENTICATE} parameter from the server. Returns the payload lines to send (each the
     * parameter of one {@code AUTHENTICATE}), an empty list while a chunked challenge is incomplete.
     *
     * @throws SaslException when the server's data is unusable (bad SCRAM nonce or signature, a challenge over
     *                       {@link #MAX_CHALLENGE}, an iteration count out of range)
     */
    List<String> onServerData(String data) {
        if (!"+".equals(data)) {
            if (challenge.length() + data.length() > MAX_CHALLENGE) {
                challenge.setLength(0);
                throw new SaslException("the server's challenge is longer than " + MAX_CHALLENGE / 1024 + " KiB");
            }
            challenge.append(data);
            if (data.length() == CHUNK) {
                return List.of();
            }
        }
        byte[] decoded = challenge.length() == 0 ? new byte[0] : Base64.getDecoder().decode(challenge.toString());
        challenge.setLength(0);
        byte[] response = respond(decoded);
        return response == null ? List.of() : chunks(Base64.getEncoder().encodeToString(response));
    }

    /** Splits a base64 payload into AUTHENTICATE parameters: 400-byte pieces, "+" after an exact multiple. */
    static List<String> chunks(String base64) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < base64.length(); i += CHUNK) {
            lines.add(base64.substring(i, Math.min(base64.length(), i + CHUNK)));
        }
        if (base64.length() % CHUNK == 0) {
            lines.add("+");
        }
        return lines;
    }

    private byte[] respond(byte[] serverData) {
        int current = step++;
        switch (mechanism) {
            case "PLAIN":
                return (user + '\0' + user + '\0' + password).getBytes(StandardCharsets.UTF_8);
            case "EXTERNAL":
                return new byte[0];
            case "SCRAM-SHA-256":
                return scram(current, new String(serverData, StandardCharsets.UTF_8));
            default:
                throw new SaslException("unsupported mechanism " + mechanism);
        }
    }

    private byte[] scram(int current, String serverMessage) {
        if (current == 0) {
            byte[] nonce = new byte[18];
            new SecureRandom().nextBytes(nonce);
            scramClientFirstBare = "n=" + saslName(user) + ",r=" + Base64.getEncoder().encodeToString(nonce);
            return ("n,," + scramClientFirstBare).getBytes(StandardCharsets.UTF_8);
        }
        if (current == 1) {
            Map<String, String> fields = attributes(serverMessage);
            String nonce = fields.get("r");
            String salt = fields.get("s");
            String iterations = fields.get("i");
            String clientNonce = scramClientFirstBare.substring(scramClientFirstBare.indexOf(",r=") + 3);
            if (nonce == null || salt == null || iterations == null || !nonce.startsWith(clientNonce)) {
                throw new SaslException("the server's SCRAM challenge is invalid");
            }
            int count;
            try {
                count = Integer.parseInt(iterations);
            } catch (NumberFormatException e) {
                throw new SaslException("the server's SCRAM iteration count '"
                        + StringUtils.abbreviate(iterations, 20) + "' is not a number");
            }
            if (count < MIN_SCRAM_ITERATIONS || count > MAX_SCRAM_ITERATIONS) {
                throw new SaslException("the server asks for " + count + " SCRAM iterations; refusing counts outside "
                        + MIN_SCRAM_ITERATIONS + " to " + MAX_SCRAM_ITERATIONS + " (fewer weaken the password's "
                        + "protection, more would stall the connection)");
            }
            try {
                byte[] salted = hi(password, Base64.getDecoder().decode(salt), count);
                byte[] clientKey = hmac(salted, "Client Key");
                byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
                String withoutProof = "c=biws,r=" + nonce;
                String authMessage = scramClientFirstBare + "," + serverMessage + "," + withoutProof;
                byte[] signature = hmac(storedKey, authMessage);
                byte[] proof = new byte[clientKey.length];
                for (int i = 0; i < proof.length; i++) {
                    proof[i] = (byte) (clientKey[i] ^ signature[i]);
                }
                scramServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
                return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof))
                        .getBytes(StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | NumberFormatException e) {
                throw new SaslException("SCRAM computation failed: " + e.getMessage());
            }
        }
        Map<String, String> fields = attributes(serverMessage);
        String verifier = fields.get("v");
        if (verifier == null || !MessageDigest.isEqual(Base64.getDecoder().decode(verifier), scramServerSignature)) {
            throw new SaslException("the server could not prove it knows the SCRAM password ("
                    + (fields.containsKey("e") ? fields.get("e") : "bad signature") + ")");
        }
        scramServerVerified = true;
        return new byte[0];
    }

    private static String saslName(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    private static Map<String, String> attributes(String message) {
        Map<String, String> map = new HashMap<>();
        for (String part : message.split(",")) {
            int eq = part.indexOf('=');
            if (eq == 1) {
                map.put(part.substring(0, 1), part.substring(2));
            }
        }
        return map;
    }

    private static byte[] hi(String password, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** A SASL exchange that cannot go on; the message is safe to show (it holds no credentials). */
    static final class SaslException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SaslException(String message) {
            super(message);
        }
    }
}
