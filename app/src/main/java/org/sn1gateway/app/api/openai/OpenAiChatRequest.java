package org.sn1gateway.app.api.openai;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.sn1gateway.app.api.ChatRequest;
import org.sn1gateway.app.api.LimitedRequest;
import org.sn1gateway.app.api.UidDeserializer;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.SamplingMode;

/**
 * An OpenAI Chat Completions request plus the gateway's extensions ({@code k}, {@code uids},
 * {@code exclude}, {@code sampling_mode}, {@code prefer}, {@code timeout}). Sampling parameters
 * ({@code temperature}, {@code top_p}, {@code max_tokens}, {@code seed}) are accepted for compatibility;
 * miners choose their own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenAiChatRequest(
        @JsonProperty("model") String model,
        @NotNull @Size(min = 1, max = 64) @JsonProperty("messages") List<@NotNull @Valid OpenAiMessage> messages,
        @JsonProperty("stream") Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        @Min(1) @Max(1) @JsonProperty("n") Integer n,
        @DecimalMin("0") @DecimalMax("2") @JsonProperty("temperature") Double temperature,
        @DecimalMin("0") @DecimalMax("1") @JsonProperty("top_p") Double topP,
        @Min(1) @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("seed") Long seed,
        @Min(1) @Max(64) @JsonProperty("k") Integer k,
        @Size(max = 64) @JsonProperty("uids") @JsonDeserialize(contentUsing = UidDeserializer.class)
        List<@NotNull @Min(0) @Max(65535) Integer> uids,
        @Size(max = 4096) @JsonProperty("exclude") @JsonDeserialize(contentUsing = UidDeserializer.class)
        List<@NotNull @Min(0) @Max(65535) Integer> exclude,
        @Pattern(regexp = "random|top_incentive|fastest|reliable",
                message = "must be random, top_incentive, fastest or reliable")
        @JsonProperty("sampling_mode") String samplingMode,
        @Pattern(regexp = "first|longest|shortest|consensus", message = "must be first, longest, shortest or consensus")
        @JsonProperty("prefer") String prefer,
        @DecimalMin("1") @DecimalMax("120") @JsonProperty("timeout") Double timeout,
        @JsonProperty("mixture") Boolean mixture,
        @JsonProperty("trace") Boolean trace) implements LimitedRequest {

    /** The model this gateway serves; any requested name is answered by Subnet 1. */
    public static final String MODEL = "sn1";
    /** Three miners by default, so that one failing miner does not fail an OpenAI client's request. */
    public static final int DEFAULT_K = 3;

    /** {@code stream_options}: only {@code include_usage} matters here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
    }

    /** Whether the stream should also carry each miner's steps (api.md "Tracing"). */
    @JsonIgnore // not a field of the request: the OpenAPI document would list it as one
    public boolean isTraced() {
        return Boolean.TRUE.equals(trace);
    }

    public boolean isMixture() {
        return Boolean.TRUE.equals(mixture);
    }

    @JsonIgnore
    @ValidationMethod(message = "messages must not all be empty")
    public boolean isConversationPresent() {
        return messages == null || messages.stream()
                .anyMatch(message -> message != null && message.text() != null && !message.text().isBlank());
    }

    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    public boolean includeUsage() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }

    public String modelName() {
        return model == null || model.isBlank() ? MODEL : model;
    }

    @Override
    public List<String> messageTexts() {
        return messages == null ? null : messages.stream().map(message -> message == null ? null : message.text())
                .toList();
    }

    public ChatQuery toQuery() {
        MinerSelection selection = new MinerSelection(Objects.requireNonNullElse(k, DEFAULT_K),
                samplingMode == null ? SamplingMode.RANDOM : SamplingMode.valueOf(samplingMode.toUpperCase(Locale.ROOT)),
                new LinkedHashSet<>(exclude == null ? List.of() : exclude), uids == null ? List.of() : uids);
        return new ChatQuery(messages.stream().map(OpenAiMessage::toMessage).toList(), selection,
                prefer == null ? Preference.FIRST : Preference.valueOf(prefer.toUpperCase(Locale.ROOT)),
                Duration.ofMillis(Math.round(Objects.requireNonNullElse(timeout, ChatRequest.DEFAULT_TIMEOUT_SECONDS) * 1000)));
    }
}
