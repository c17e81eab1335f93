package org.sn1gateway.app.auth;

import java.security.SecureRandom;
import java.util.Base64;
import org.sn1gateway.app.config.AuthSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides the key the gateway accepts: the operator's, or one generated for this run. */
public final class ApiKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** The configured key; without one, a new random key that is printed once, here and nowhere else. */
    public static String resolve(AuthSettings settings) {
        return settings.apiKey().orElseGet(() -> {
            String generated = generate();
            LOG.warn("No API key configured (set SN1_API_KEY to choose one). Generated for this run: {}", generated);
            return generated;
        });
    }

    /** 256 random bits, URL-safe. */
    static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "sn1-" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
