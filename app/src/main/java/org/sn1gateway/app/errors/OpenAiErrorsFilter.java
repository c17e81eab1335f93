package org.sn1gateway.app.errors;

import io.dropwizard.jersey.errors.ErrorMessage;
import io.dropwizard.jersey.validation.ValidationErrorMessage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.sn1gateway.app.api.openai.OpenAiError;

/**
 * Under {@code /v1} every error body is OpenAI's {@code {"error": {...}}}, whichever part of the server
 * produced it (authentication, validation, JSON parsing, size limit), so OpenAI clients raise the right error.
 */
@Priority(2000) // Response filters run highest first; after the field names are renamed, before the content type is settled.
public final class OpenAiErrorsFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || !request.getUriInfo().getPath().startsWith("v1/") || response.getEntity() instanceof OpenAiError) {
            return;
        }
        response.setEntity(OpenAiError.of(status, message(response.getEntity(), status), code(status)));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_TYPE);
    }

    private static String message(Object entity, int status) {
        return switch (entity) {
            case ValidationErrorMessage validation -> String.join("; ", validation.getErrors());
            case ErrorMessage error -> error.getMessage();
            case Map<?, ?> map when map.get("errors") instanceof List<?> errors ->
                    String.join("; ", errors.stream().map(String::valueOf).toList());
            case Map<?, ?> map when map.get("message") != null -> String.valueOf(map.get("message"));
            case null, default -> "HTTP " + status;
        };
    }

    private static String code(int status) {
        return switch (status) {
            case 401 -> "invalid_api_key";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_exceeded";
            default -> status < 500 ? "invalid_request" : null;
        };
    }
}
