package org.sn1gateway.domain.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where API keys live, shared by every gateway instance that serves the same clients. */
public interface ApiKeyStore {
    /** Stores a new key with the hash of its secret; the secret itself is never handed over. */
    void create(ApiKey key, String secretHash);

    /** The key whose secret has this hash, unless it is revoked or unknown. */
    Optional<ApiKey> findActive(String secretHash);

    /** Every key, revoked ones included, oldest first. */
    List<ApiKey> list();

    /** Revokes a key; false when no key has this id or it was already revoked. */
    boolean revoke(String id, Instant at);

    boolean anyActive();

    /** Adds counted requests to each key's usage. */
    void addUsage(Map<String, Long> requestsByKeyId, Instant lastUsedAt);
}
