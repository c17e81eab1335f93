package org.sn1gateway.adapters.simulation;

import com.sun.net.httpserver.Headers;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The verify step of a Python SDK axon (bittensor.md §1.7 step 4, 7.2.0 and later): nonce present and
 * fresh, then the signature over {@code nonce.dendrite_hotkey.OWN_hotkey.uuid.body_hash_header}. Nonces
 * are remembered per {@code dendrite_hotkey:uuid}, only once the signature passed.
 */
final class SynapseVerifier {
    private static final long WINDOW_RULE_VERSION = 7_002_000;
    private static final long ALLOWED_DELTA_NANOS = 4_000_000_000L;

    private final String ownHotkey;
    private final SignatureCheck signatures;
    private final InstantSource clock;
    private final Map<String, Long> lastNonces = new ConcurrentHashMap<>();

    SynapseVerifier(String ownHotkey, SignatureCheck signatures, InstantSource clock) {
        this.ownHotkey = ownHotkey;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** Why the request is not verified, or empty when it is. */
    Optional<String> refusal(Headers headers) {
        String hotkey = headers.getFirst("bt_header_dendrite_hotkey");
        String uuid = headers.getFirst("bt_header_dendrite_uuid");
        String nonceText = headers.getFirst("bt_header_dendrite_nonce");
        if (nonceText == null) {
            return Optional.of("Missing Nonce");
        }
        long nonce = Long.parseLong(nonceText);
        String endpoint = hotkey + ":" + uuid;
        Optional<String> stale = staleness(nonce, lastNonces.get(endpoint), headers);
        if (stale.isPresent()) {
            return stale;
        }
        String signature = headers.getFirst("bt_header_dendrite_signature");
        if (signature == null) {
            return Optional.of("Missing signature");
        }
        String message = nonce + "." + hotkey + "." + ownHotkey + "." + uuid + "." + headers.getFirst("computed_body_hash");
        if (!signatures.verifies(hotkey, message, signature)) {
            return Optional.of("Signature mismatch with " + message + " and " + signature);
        }
        lastNonces.merge(endpoint, nonce, Math::max);
        return Optional.empty();
    }

    private Optional<String> staleness(long nonce, Long stored, Headers headers) {
        long version = Long.parseLong(headers.getFirst("bt_header_dendrite_version"));
        if (stored != null) {
            return nonce <= stored ? Optional.of(version >= WINDOW_RULE_VERSION
                    ? "Nonce is too old, a newer one was last processed" : "Nonce is too small") : Optional.empty();
        }
        if (version < WINDOW_RULE_VERSION) {
            return Optional.empty();
        }
        double timeout = Double.parseDouble(headers.getFirst("timeout"));
        long allowedDelta = ALLOWED_DELTA_NANOS + (long) (timeout * 1e9);
        long age = nanos(clock.instant()) - nonce;
        if (age >= allowedDelta) {
            return Optional.of(String.format(Locale.ROOT,
                    "Nonce is too old: acceptable delta is %.2f seconds but request was %.2f seconds old",
                    allowedDelta / 1e9, age / 1e9));
        }
        return Optional.empty();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
