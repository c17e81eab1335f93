package org.sn1gateway.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How key secrets look and are hashed. A secret is {@code sn1_<id>_<256 random bits>}: the visible id lets
 * an operator tell which key leaked from the secret alone. Only a SHA-256 of it is stored; a secret this
 * random needs no slow password hash, and a fast one keeps authentication cheap.
 */
public final class KeySecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    /** A new key's public id and secret. */
    public record NewSecret(String id, String secret) {
        @Override
        public String toString() {
            return "NewSecret{id=" + id + "}";
        }
    }

    public static NewSecret generate() {
        String id = HexFormat.of().formatHex(random(6));
        return new NewSecret(id, "sn1_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(32)));
    }

    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
