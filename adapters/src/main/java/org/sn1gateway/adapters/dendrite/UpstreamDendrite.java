package org.sn1gateway.adapters.dendrite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.sn1gateway.domain.model.AxonEndpoint;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.TokenUsage;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerPrompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenAI-compatible upstreams as pseudo-miners: upstream {@code i} of the list is uid {@code firstUid + i}
 * ({@code i} unless told otherwise), its name in
 * the hotkey field, so that sampling, availability and statistics treat it like any miner. A call POSTs the
 * chat to {@code /chat/completions} with {@code stream: true} and reads the {@code chat.completion.chunk}s,
 * or the whole {@code chat.completion} of a server that cannot stream, under the miners' rules.
 * An upstream that answered {@code 429} is paused until its {@code Retry-After}, and one with
 * {@code maxConcurrent} calls in flight is full: either is out of the metagraph's serving miners, so that
 * sampling skips it, and a call that reaches it all the same fails at once.
 */
public final class UpstreamDendrite implements Dendrite {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamDendrite.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The pause after a 429 that names none. */
    static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);
    /** A Retry-After beyond this is taken as this: a typo or a hostile server must not silence it for days. */
    static final Duration MAX_PAUSE = Duration.ofHours(1);
    private static final AxonEndpoint UNAVAILABLE = new AxonEndpoint("0.0.0.0", 0);

    private final HttpClient http;
    private final List<UpstreamGate> gates;
    private final InstantSource clock;
    private final long maxAnswerBytes;
    private final int netuid;
    private final Instant listedAt;
    private final int firstUid;

    public UpstreamDendrite(HttpClient http, List<Upstream> upstreams, int netuid, InstantSource clock,
                            long maxAnswerBytes) {
        this(http, upstreams, netuid, clock, maxAnswerBytes, 0);
    }

    /** @param firstUid the first upstream's uid, for upstreams beside a subnet's miners, whose uids they must not take */
    public UpstreamDendrite(HttpClient http, List<Upstream> upstreams, int netuid, InstantSource clock,
                            long maxAnswerBytes, int firstUid) {
        this.firstUid = firstUid;
        this.http = http;
        this.gates = upstreams.stream().map(UpstreamGate::new).toList();
        this.netuid = netuid;
        this.clock = clock;
        this.maxAnswerBytes = maxAnswerBytes;
        this.listedAt = clock.instant();
    }

    /** The upstreams as miners; a paused or full one advertises no address, so sampling passes it by. */
    public Metagraph metagraph() {
        Instant now = clock.instant();
        List<Miner> miners = IntStream.range(0, gates.size()).mapToObj(index -> {
            UpstreamGate gate = gates.get(index);
            boolean open = gate.pausedAt(now).isEmpty() && !gate.isFull();
            return new Miner(firstUid + index, gate.upstream().name(), "", open ? endpoint(gate.upstream().baseUrl()) : UNAVAILABLE,
                    1.0 / gates.size(), 0, false);
        }).toList();
        return new Metagraph(netuid, 0, listedAt, miners);
    }

    private static AxonEndpoint endpoint(URI baseUrl) {
        String host = baseUrl.getHost() == null ? "localhost" : baseUrl.getHost().replaceAll("^\\[|]$", "");
        int defaultPort = "https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80;
        int port = baseUrl.getPort() >= 0 ? baseUrl.getPort() : defaultPort;
        return new AxonEndpoint(host, port);
    }

    /** How an answer of uid {@code uid} names its source: {@code upstream <name> model=<model>}. */
    public Optional<String> describe(int uid) {
        return gate(uid).map(gate -> "upstream " + gate.upstream().name() + " model=" + gate.model());
    }

    /** The model the upstream of uid {@code uid} said answered, once one of its answers named it. */
    public Optional<String> reportedModel(int uid) {
        return gate(uid).flatMap(UpstreamGate::reportedModel);
    }

    /** Tokens the upstreams reported, prompt and completion, by upstream name, since the start. */
    public Map<String, TokenUsage> tokensUsed() {
        Map<String, TokenUsage> used = new LinkedHashMap<>();
        gates.forEach(gate -> used.put(gate.upstream().name(), new TokenUsage(gate.promptTokens(),
                gate.completionTokens(), gate.promptTokens() + gate.completionTokens())));
        return used;
    }

    private Optional<UpstreamGate> gate(int uid) {
        int index = uid - firstUid;
        return index >= 0 && index < gates.size() ? Optional.of(gates.get(index)) : Optional.empty();
    }

    @Override
    public MinerCall call(Miner miner, MinerPrompt prompt, MinerAnswerListener listener) {
        Optional<UpstreamGate> found = gate(miner.uid());
        if (found.isEmpty()) {
            return refuse(listener, "no_such_upstream", Integer.toString(miner.uid()), "no upstream has this uid");
        }
        UpstreamGate gate = found.get();
        Optional<Instant> paused = gate.pausedAt(clock.instant());
        if (paused.isPresent()) {
            return refuse(listener, "upstream_paused", "until " + paused.get(),
                    "upstream paused after HTTP 429 until " + paused.get());
        }
        if (!gate.enter()) {
            int limit = gate.upstream().maxConcurrent();
            return refuse(listener, "upstream_busy", limit + " in flight",
                    "upstream busy: " + limit + " calls in flight, its maxConcurrent");
        }
        AnswerUsage usage = new AnswerUsage(gate);
        StreamedCall call = new StreamedCall(listener, () -> new OpenAiStreamDecoder(usage),
                () -> new CompletionDecoder(usage), maxAnswerBytes, response -> Optional.empty(), () -> {
                    gate.leave();
                    // Runs just before the listener hears the end, so the answer keeps its usage.
                    usage.reported().ifPresent(listener::onUsage);
                });
        Request request = request(http, gate.upstream(), prompt).onResponseHeaders(response -> {
            if (response.getStatus() == 429) {
                Instant until = clock.instant().plus(retryAfter(response.getHeaders().get(HttpHeader.RETRY_AFTER),
                        clock.instant()));
                gate.pauseUntil(until);
                LOG.warn("upstream {} answered 429: paused until {}", gate.upstream().name(), until);
            }
        });
        call.send(request, http.getScheduler(), prompt.timeout());
        return call;
    }

    private static MinerCall refuse(MinerAnswerListener listener, String code, String detail, String message) {
        listener.onFailure(new MinerFailure(MinerFailure.Kind.REFUSED, code, detail, message));
        return () -> { };
    }

    static Request request(HttpClient http, Upstream upstream, MinerPrompt prompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!upstream.model().isBlank()) {
            body.put("model", upstream.model());
        }
        body.put("messages", prompt.messages().stream()
                .map(message -> Map.of("role", message.role().wireName(), "content", message.content())).toList());
        body.put("stream", true);
        // Without this, a stream carries no token counts.
        body.put("stream_options", Map.of("include_usage", true));
        return http.newRequest(upstream.completions())
                .method(HttpMethod.POST)
                .headers(headers -> {
                    headers.add(HttpHeader.ACCEPT, "text/event-stream, application/json");
                    upstream.headers().forEach(headers::add);
                    if (!upstream.apiKey().isBlank()) {
                        headers.put(HttpHeader.AUTHORIZATION, "Bearer " + upstream.apiKey());
                    }
                })
                .body(new BytesRequestContent("application/json", serialise(body)));
    }

    /** {@code Retry-After} in seconds or as an HTTP date, within 0 and {@link #MAX_PAUSE}. */
    static Duration retryAfter(String header, Instant now) {
        Duration wait = Optional.ofNullable(header).map(String::strip).map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException notSeconds) {
                try {
                    return Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                } catch (DateTimeParseException notADate) {
                    return DEFAULT_PAUSE;
                }
            }
        }).orElse(DEFAULT_PAUSE);
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : wait;
    }

    private static byte[] serialise(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** One answer's report: the model goes to the upstream at once, the usage to it and the answer at the end. */
    private static final class AnswerUsage implements CompletionReport {
        private final UpstreamGate gate;
        private final AtomicReference<TokenUsage> usage = new AtomicReference<>();

        AnswerUsage(UpstreamGate gate) {
            this.gate = gate;
        }

        @Override
        public void model(String model) {
            gate.model(model);
        }

        @Override
        public void usage(TokenUsage reported) {
            usage.set(reported);
        }

        Optional<TokenUsage> reported() {
            Optional<TokenUsage> reported = Optional.ofNullable(usage.getAndSet(null));
            reported.ifPresent(used -> {
                gate.usage(used);
                LOG.debug("upstream {} ({}) used {} prompt and {} completion tokens", gate.upstream().name(),
                        gate.model(), used.promptTokens(), used.completionTokens());
            });
            return reported;
        }
    }
}
