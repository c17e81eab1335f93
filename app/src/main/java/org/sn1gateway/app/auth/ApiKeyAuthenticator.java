package org.sn1gateway.app.auth;

import io.dropwizard.auth.Authenticator;
import java.security.MessageDigest;
import java.util.Optional;
import org.sn1gateway.domain.access.ApiKeyStore;

/**
 * Accepts the operator's key from the configuration or any stored key that is not revoked (an expired one too:
 * the filter then refuses it, saying so). The operator's
 * key is compared as a SHA-256 digest in constant time, so neither its content nor its length leaks
 * through timing; stored keys are looked up by the hash of the presented secret. Wrapped in Dropwizard's
 * caching authenticator, so a revocation is seen within that cache's lifetime.
 */
public final class ApiKeyAuthenticator implements Authenticator<String, ApiClient> {
    private final Optional<byte[]> operatorDigest;
    private final ApiKeyStore keys;

    public ApiKeyAuthenticator(Optional<String> operatorKey, ApiKeyStore keys) {
        this.operatorDigest = operatorKey.map(KeySecrets::sha256);
        this.keys = keys;
    }

    @Override
    public Optional<ApiClient> authenticate(String presented) {
        byte[] digest = KeySecrets.sha256(presented);
        if (operatorDigest.isPresent() && MessageDigest.isEqual(digest, operatorDigest.get())) {
            return Optional.of(ApiClient.OPERATOR);
        }
        return keys.findActive(KeySecrets.hash(presented))
                .map(ApiClient::of);
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticator";
    }
}
