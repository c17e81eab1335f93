package org.sn1gateway.app.health;

import com.codahale.metrics.health.HealthCheck;
import org.sn1gateway.adapters.dendrite.RequestSigner;

/** The validator hotkey that signs miner requests is loaded (reported when a real network is configured). */
public final class WalletHealthCheck extends HealthCheck {
    private final RequestSigner signer;

    public WalletHealthCheck(RequestSigner signer) {
        this.signer = signer;
    }

    @Override
    protected Result check() {
        return signer.sign("sn1-gateway health check").isPresent()
                ? Result.healthy("signing as %s", signer.hotkey())
                : Result.unhealthy("no hotkey loaded: requests to miners are unsigned");
    }
}
