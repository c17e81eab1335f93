package org.sn1gateway.app.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.sn1gateway.adapters.dendrite.RequestSigner;
import org.sn1gateway.adapters.network.SyncedMetagraph;
import org.sn1gateway.app.api.AnswerSources;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.service.Fallback;

/**
 * What a {@link NetworkFactory} built, for the composition root to wire into health checks, tasks and the
 * query log.
 *
 * @param signer        the hotkey that signs requests to real miners, when there is one
 * @param metagraphSync the background sync, for networks that read their metagraph from a chain
 * @param protocolOf    the protocol each uid is asked in, as the query log records it
 * @param sources       how answers name who gave them, the fallback's included
 * @param fallback      what answers when the network's miners cannot, when configured
 */
public record BuiltNetwork(MinerNetwork network, Optional<RequestSigner> signer,
                           Optional<SyncedMetagraph> metagraphSync, IntFunction<String> protocolOf,
                           AnswerSources sources, Optional<Fallback> fallback) {
    /** A network without fallback. */
    public BuiltNetwork(MinerNetwork network, Optional<RequestSigner> signer, Optional<SyncedMetagraph> metagraphSync,
                        IntFunction<String> protocolOf, AnswerSources sources) {
        this(network, signer, metagraphSync, protocolOf, sources, Optional.empty());
    }

    /** A network of subnet miners, named as such. */
    public BuiltNetwork(MinerNetwork network, Optional<RequestSigner> signer, Optional<SyncedMetagraph> metagraphSync,
                        IntFunction<String> protocolOf) {
        this(network, signer, metagraphSync, protocolOf, AnswerSources.miners(network::metagraph));
    }

    public BuiltNetwork {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(metagraphSync, "metagraphSync");
        Objects.requireNonNull(protocolOf, "protocolOf");
        Objects.requireNonNull(fallback, "fallback");
    }
}
