package org.sn1gateway.domain.sampling;

import java.util.Optional;
import org.sn1gateway.domain.model.Miner;

/**
 * Subnet 1's rules for which uids may be queried (bittensor.md §7): the axon must be serving, and a uid
 * with a validator permit and more stake than the limit is a validator, never a miner.
 *
 * @param validatorStakeLimit in TAO (Subnet 1's {@code vpermit_tao_limit}, 4096 by default)
 * @param ownHotkey           the gateway's own hotkey, never queried
 */
public record AvailabilityRules(double validatorStakeLimit, Optional<String> ownHotkey) {
    public static final double DEFAULT_VALIDATOR_STAKE_LIMIT = 4096;

    public static AvailabilityRules defaults() {
        return new AvailabilityRules(DEFAULT_VALIDATOR_STAKE_LIMIT, Optional.empty());
    }

    public boolean isAvailable(Miner miner) {
        if (!miner.axon().isServing()) {
            return false;
        }
        if (isValidator(miner)) {
            return false;
        }
        return ownHotkey.map(own -> !own.equals(miner.hotkey())).orElse(true);
    }

    /** A validator permit and more stake than the limit: a validator, never a miner. */
    public boolean isValidator(Miner miner) {
        return miner.validatorPermit() && miner.stake() > validatorStakeLimit;
    }
}
