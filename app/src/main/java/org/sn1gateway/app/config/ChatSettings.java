package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import org.sn1gateway.app.api.ChatLimits;
import org.sn1gateway.domain.service.ChatService;
import org.sn1gateway.domain.service.WavePolicy;

/** The {@code chat:} section: how the chat endpoints treat clients. */
public class ChatSettings {
    /** A comment line is sent this often on a quiet stream, so that proxies keep it open. */
    @NotNull
    @JsonProperty
    private Duration heartbeatInterval = Duration.seconds(5);

    /** Larger request bodies are refused with 413 before they are parsed. */
    @NotNull
    @JsonProperty
    private DataSize maxRequestSize = DataSize.kibibytes(512);

    /** Pause between the words /echo streams. */
    @NotNull
    @JsonProperty
    private Duration echoDelay = Duration.milliseconds(20);

    /** A miner sending more chunks than this is stopped (each chunk event repeats the earlier ones). */
    @Min(1)
    @JsonProperty
    private int maxChunksPerAnswer = ChatService.DEFAULT_MAX_CHUNKS_PER_ANSWER;

    /** At most this many messages in a chat; the contract allows 64. */
    @Min(1)
    @Max(64)
    @JsonProperty
    private int maxMessages = 64;

    /** Characters in any one message. */
    @Min(1)
    @JsonProperty
    private int maxMessageLength = 65_536;

    /** Miners one chat may ask ({@code k}, or the number of {@code uids}); the contract allows 64. */
    @Min(1)
    @Max(64)
    @JsonProperty
    private int maxK = 64;

    /** The longest {@code timeout} a chat may ask for; the contract allows 120 seconds. */
    @NotNull
    @MinDuration(1)
    @MaxDuration(120)
    @JsonProperty
    private Duration maxTimeout = Duration.seconds(120);

    /**
     * The most waves of miners one chat asks (failover and hedging), the first included; each asks at most
     * {@code k}. 1 asks only the first sample.
     */
    @Min(1)
    @Max(10)
    @JsonProperty
    private int maxWaves = WavePolicy.DEFAULT_MAX_WAVES;

    /**
     * How long a chat waits for usable text before it asks one more wave beside those running, and again after
     * each further delay; {@code 0s} turns hedging off. Unset: the measured 90th percentile of time to first
     * chunk, bounded to 1..10 s.
     */
    @MaxDuration(120)
    @JsonProperty
    private Duration hedgeAfter;

    public WavePolicy waves() {
        return new WavePolicy(maxWaves, Optional.ofNullable(hedgeAfter).map(Duration::toJavaDuration));
    }

    public ChatLimits limits() {
        return new ChatLimits(maxMessages, maxMessageLength, maxK, maxTimeout.toJavaDuration());
    }

    public int maxChunksPerAnswer() {
        return maxChunksPerAnswer;
    }

    public java.time.Duration heartbeatInterval() {
        return heartbeatInterval.toJavaDuration();
    }

    public long maxRequestBytes() {
        return maxRequestSize.toBytes();
    }

    public java.time.Duration echoDelay() {
        return echoDelay.toJavaDuration();
    }
}
