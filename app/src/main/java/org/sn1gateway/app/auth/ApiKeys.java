package org.sn1gateway.app.auth;

import java.time.Instant;
import org.sn1gateway.app.config.AuthSettings;
import org.sn1gateway.domain.access.ApiKey;
import org.sn1gateway.domain.access.ApiKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes sure a gateway never starts without any key that could reach it. */
public final class ApiKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    private ApiKeys() {
    }

    /**
     * With no key configured and none stored, creates and stores one, printing its secret once, here and
     * nowhere else (the database keeps only its hash).
     */
    public static void ensureOne(AuthSettings settings, ApiKeyStore keys) {
        if (settings.apiKey().isPresent() || keys.anyActive()) {
            return;
        }
        KeySecrets.NewSecret secret = KeySecrets.generate();
        keys.create(ApiKey.created(secret.id(), "default", null, Instant.now()), KeySecrets.hash(secret.secret()));
        LOG.warn("No API key configured or stored: created key {} (name default). Its secret is shown only now: {}",
                secret.id(), secret.secret());
    }
}
