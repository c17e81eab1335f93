package org.sn1gateway.app.auth;

import io.dropwizard.auth.Authenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Accepts the operator's key. Keys are compared as SHA-256 digests with a constant-time comparison, so
 * neither the key's content nor its length leaks through timing.
 */
public final class ApiKeyAuthenticator implements Authenticator<String, ApiClient> {
    private static final ApiClient OPERATOR = new ApiClient("operator");
    private final byte[] expectedDigest;

    public ApiKeyAuthenticator(String apiKey) {
        this.expectedDigest = sha256(apiKey);
    }

    @Override
    public Optional<ApiClient> authenticate(String presented) {
        return MessageDigest.isEqual(sha256(presented), expectedDigest) ? Optional.of(OPERATOR) : Optional.empty();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticator";
    }
}
