package org.sn1gateway.app.config;

import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.sn1gateway.adapters.dendrite.UpstreamDendrite;
import org.sn1gateway.adapters.network.DendriteMinerNetwork;
import org.sn1gateway.app.api.AnswerSources;
import org.sn1gateway.domain.service.Fallback;

/**
 * A network's {@code fallback:} upstreams, asked through the same dendrite as {@code type: openai}'s. They are
 * pseudo-miners numbered from {@link #FIRST_UID}, beyond any subnet's uids (16 bits on chain), so that the
 * query log, the header and the statistics never mistake one for a miner.
 */
final class FallbackUpstreams {
    static final int FIRST_UID = 65_536;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long MAX_ANSWER_BYTES = 1 << 20;

    private FallbackUpstreams() {
    }

    /** {@code built} with the upstreams as its fallback, named and logged as upstreams. */
    static BuiltNetwork attach(Environment environment, List<UpstreamSettings> upstreams, BuiltNetwork built) {
        UpstreamDendrite dendrite = new UpstreamDendrite(MinerClients.started(environment, CONNECT_TIMEOUT),
                upstreams.stream().map(UpstreamSettings::toUpstream).toList(), built.network().metagraph().netuid(),
                InstantSource.system(), MAX_ANSWER_BYTES, FIRST_UID);
        // The operator listed these servers, so no address policy applies.
        Fallback fallback = new Fallback(new DendriteMinerNetwork(dendrite::metagraph, dendrite));
        AnswerSources network = built.sources();
        AnswerSources sources = new AnswerSources() {
            @Override
            public String describe(int uid) {
                return dendrite.describe(uid).map(AnswerSources::headerSafe).orElseGet(() -> network.describe(uid));
            }

            @Override
            public Optional<String> model(int uid) {
                return uid >= FIRST_UID ? dendrite.reportedModel(uid) : network.model(uid);
            }
        };
        IntFunction<String> protocolOf = uid -> uid >= FIRST_UID ? OpenAiNetworkFactory.PROTOCOL
                : built.protocolOf().apply(uid);
        return new BuiltNetwork(built.network(), built.signer(), built.metagraphSync(), protocolOf, sources,
                Optional.of(fallback));
    }
}
