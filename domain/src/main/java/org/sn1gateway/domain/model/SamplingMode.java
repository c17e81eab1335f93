package org.sn1gateway.domain.model;

import java.util.Locale;

/** How miners are picked from the metagraph. */
public enum SamplingMode {
    RANDOM,
    TOP_INCENTIVE,
    /** Prefers miners whose recent time to first chunk is lowest, exploring others now and then. */
    FASTEST,
    /** Prefers miners whose recent share of usable answers is highest, exploring others now and then. */
    RELIABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
