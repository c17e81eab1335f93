package org.sn1gateway.adapters.network;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sn1gateway.adapters.dendrite.Dendrite;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerPrompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a miner only when the address policy allows its axon; says why not, once per uid and address. */
public final class GuardedDendrite implements Dendrite {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedDendrite.class);

    private final Dendrite dendrite;
    private final AxonAddressPolicy policy;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public GuardedDendrite(Dendrite dendrite, AxonAddressPolicy policy) {
        this.dendrite = dendrite;
        this.policy = policy;
    }

    @Override
    public MinerCall call(Miner miner, MinerPrompt prompt, MinerAnswerListener listener) {
        Optional<String> refusal = policy.refusal(miner.axon().ip());
        if (refusal.isEmpty()) {
            return dendrite.call(miner, prompt, listener);
        }
        String reason = "axon not contacted: " + refusal.get();
        if (reported.add(miner.uid() + "@" + miner.axon().ip())) {
            LOG.warn("uid {} ({}): {}", miner.uid(), miner.hotkey(), reason);
        }
        listener.onFailure(new MinerFailure(MinerFailure.Kind.REFUSED, "axon_refused", refusal.get(), reason));
        return () -> { };
    }
}
