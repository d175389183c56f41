package org.switchboard.connection.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The server side of RFC 5802 with SHA-256, written independently of the client to check it. */
final class ScramServer {
    private final byte[] salt = "switchboard-salt".getBytes(StandardCharsets.UTF_8);
    private final int iterations;
    private final String password;
    private final String clientFirstBare;
    private final String nonce;
    private String serverFirst;
    private String authMessage;

    ScramServer(String password, String clientFirstBare, String clientNonce) {
        this(password, clientFirstBare, clientNonce, "srvnonce", 4096);
    }

    /** With the server's part of the nonce and the iteration count chosen (a long nonce makes a long challenge). */
    ScramServer(String password, String clientFirstBare, String clientNonce, String serverNonce, int iterations) {
        this.password = password;
        this.clientFirstBare = clientFirstBare;
        this.nonce = clientNonce + serverNonce;
        this.iterations = iterations;
    }

    String serverFirst() {
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
        return serverFirst;
    }

    boolean verifyClientFinal(String clientFinal) throws Exception {
        String withoutProof = clientFinal.substring(0, clientFinal.indexOf(",p="));
        byte[] proof = Base64.getDecoder().decode(clientFinal.substring(clientFinal.indexOf(",p=") + 3));
        authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] salted = salted();
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
        byte[] signature = hmac(storedKey, authMessage);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ signature[i]);
        }
        return withoutProof.equals("c=biws,r=" + nonce)
                && MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(clientKey), storedKey);
    }

    String serverFinal() throws Exception {
        return "v=" + Base64.getEncoder().encodeToString(hmac(hmac(salted(), "Server Key"), authMessage));
    }

    private byte[] salted() throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
