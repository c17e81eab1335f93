package org.sn1gateway.domain.service;

import java.util.Locale;
import java.util.Objects;
import org.sn1gateway.domain.model.MinerResponse;

/**
 * A step of one miner's part in a query, for clients that trace it: asked, first chunk, ended. The
 * response is the miner's state at that step; its text is everything the miner sent so far.
 */
public record MinerEvent(Phase phase, MinerResponse miner) {
    public enum Phase {
        ASKED, FIRST_CHUNK, ENDED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MinerEvent {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(miner, "miner");
    }
}
