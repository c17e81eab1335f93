package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.model.SamplingMode;

/** The body of {@code POST /chat} and {@code /echo}, validated before any miner is asked. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatRequest(
        @NotNull @Size(min = 1, max = 64) @JsonProperty("messages")
        List<@NotNull(message = "must not contain null") String> messages,
        @NotNull @Size(min = 1, max = 64) @JsonProperty("roles")
        List<@NotNull(message = "must not contain null")
             @Pattern(regexp = "user|assistant|system", message = "must be user, assistant or system") String> roles,
        @Min(1) @Max(64) @JsonProperty("k") Integer k,
        @DecimalMin("1") @DecimalMax("120") @JsonProperty("timeout") Double timeout,
        @Pattern(regexp = "first|longest|shortest|consensus", message = "must be first, longest, shortest or consensus")
        @JsonProperty("prefer") String prefer,
        @Pattern(regexp = "random|top_incentive|fastest|reliable",
                message = "must be random, top_incentive, fastest or reliable")
        @JsonProperty("sampling_mode") String samplingMode,
        @Size(max = 4096) @JsonProperty("exclude") @JsonDeserialize(contentUsing = UidDeserializer.class)
        List<@NotNull(message = "must not contain null") @Min(0) @Max(65535) Integer> exclude,
        @Size(max = 64) @JsonProperty("uids") @JsonDeserialize(contentUsing = UidDeserializer.class)
        List<@NotNull(message = "must not contain null") @Min(0) @Max(65535) Integer> uids,
        @JsonProperty("mixture") Boolean mixture,
        @JsonProperty("trace") Boolean trace) implements LimitedRequest {

    public static final int DEFAULT_K = 1;
    public static final double DEFAULT_TIMEOUT_SECONDS = 15;

    @JsonIgnore
    @ValidationMethod(message = "roles must have exactly one entry per message")
    public boolean isRolesMatchingMessages() {
        return messages == null || roles == null || messages.size() == roles.size();
    }

    @JsonIgnore
    @ValidationMethod(message = "messages must not all be empty")
    public boolean isConversationPresent() {
        return messages == null || messages.stream().anyMatch(message -> message != null && !message.isBlank());
    }

    /** Whether the stream should also carry each miner's steps (api.md "Tracing"). */
    @JsonIgnore // not a field of the request: the OpenAPI document would list it as one
    public boolean isTraced() {
        return Boolean.TRUE.equals(trace);
    }

    /** Whether a mixture of miners should write the answer. */
    public boolean isMixture() {
        return Boolean.TRUE.equals(mixture);
    }

    @Override
    public List<String> messageTexts() {
        return messages;
    }

    /** The domain's view of a valid request. */
    public ChatQuery toQuery() {
        List<Message> conversation = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            conversation.add(new Message(Role.fromWireName(roles.get(i)), messages.get(i)));
        }
        MinerSelection selection = new MinerSelection(Objects.requireNonNullElse(k, DEFAULT_K),
                samplingMode == null ? SamplingMode.RANDOM : SamplingMode.valueOf(samplingMode.toUpperCase(Locale.ROOT)),
                new LinkedHashSet<>(exclude == null ? List.of() : exclude), uids == null ? List.of() : uids);
        return new ChatQuery(conversation, selection,
                prefer == null ? Preference.FIRST : Preference.valueOf(prefer.toUpperCase(Locale.ROOT)),
                Duration.ofMillis(Math.round(Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT_SECONDS) * 1000)));
    }
}
