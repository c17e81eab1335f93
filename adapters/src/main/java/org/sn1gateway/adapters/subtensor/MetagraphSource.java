package org.sn1gateway.adapters.subtensor;

import org.sn1gateway.domain.model.Metagraph;

/** Where a metagraph comes from (a subtensor node, a file). */
@FunctionalInterface
public interface MetagraphSource {
    /** Reads the current metagraph; blocks on I/O; throws with a log-worthy message when it cannot. */
    Metagraph fetch();
}
