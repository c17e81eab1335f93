package org.sn1gateway.domain.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where API keys live, shared by every gateway instance that serves the same clients. */
public interface ApiKeyStore {
    /** Stores a new key with the hash of its secret; the secret itself is never handed over. */
    void create(ApiKey key, String secretHash);

    /** The key whose secret has this hash, unless it is revoked or unknown (an expired key is found). */
    Optional<ApiKey> findActive(String secretHash);

    /** The key with this id, revoked or not. */
    Optional<ApiKey> find(String id);

    /**
     * Stores what an operator may change of a key: its name, rate limit, budget and expiry. False when no key
     * has its id or it is revoked.
     */
    boolean update(ApiKey key);

    /** Every key, revoked ones included, oldest first. */
    List<ApiKey> list();

    /** Revokes a key; false when no key has this id or it was already revoked. */
    boolean revoke(String id, Instant at);

    boolean anyActive();

    /** Adds counted requests to each key's usage. */
    void addUsage(Map<String, Long> requestsByKeyId, Instant lastUsedAt);
}
