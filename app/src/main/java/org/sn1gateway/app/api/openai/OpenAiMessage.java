package org.sn1gateway.app.api.openai;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Role;

/** One message of an OpenAI chat request: text content, or a list of text parts. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenAiMessage(
        @NotNull @Pattern(regexp = "system|developer|user|assistant",
                message = "must be system, developer, user or assistant") @JsonProperty("role") String role,
        @JsonProperty("content") JsonNode content) {

    @JsonIgnore
    @ValidationMethod(message = "messages must have text content (a string or a list of text parts)")
    public boolean isContentText() {
        return text() != null;
    }

    /** The text of the content, or null when it is not text. */
    String text() {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                return null;
            }
            text.append(part.get("text").asText());
        }
        return text.toString();
    }

    Message toMessage() {
        // "developer" is OpenAI's newer name for the system role.
        return new Message(role.equals("developer") ? Role.SYSTEM : Role.fromWireName(role), text());
    }
}
