package org.sn1gateway.adapters.dendrite;

import java.util.Locale;

/** The two request protocols Subnet 1 miners have spoken. */
public enum MinerProtocol {
    /** The classic signed StreamPromptingSynapse (2024). */
    SYNAPSE,
    /** Epistula v2 with OpenAI chat completions (since late 2024). */
    EPISTULA;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
