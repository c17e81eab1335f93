package org.sn1gateway.app.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Error bodies are JSON, even from endpoints that produce event streams: without this, an error mapped
 * for an SSE method (a 422 from validation, say) would be written as {@code text/event-stream} and fail.
 */
@Priority(1000) // Response filters run highest first; last: whatever body an error ends with is JSON.
public final class ErrorsAsJsonFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && response.hasEntity()
                && !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
