package org.sn1gateway.adapters.dendrite;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenAI-compatible chat-completions server (OpenAI, vLLM, Ollama, llama.cpp, OpenRouter, ...).
 *
 * @param baseUrl       the API root, to which {@code /chat/completions} is appended
 * @param apiKey        sent as {@code Authorization: Bearer}; blank for servers that need none
 * @param model         sent as the request's {@code model}
 * @param headers       further request headers, sent as they are
 * @param maxConcurrent calls in flight at most
 */
public record Upstream(String name, URI baseUrl, String apiKey, String model, Map<String, String> headers,
                       int maxConcurrent) {
    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = apiKey == null ? "" : apiKey;
        Objects.requireNonNull(model, "model");
        headers = Map.copyOf(headers);
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
    }

    URI completions() {
        String base = baseUrl.toString();
        return URI.create(base.replaceAll("/+$", "") + "/chat/completions");
    }

    /** The key stays out of logs and toString. */
    @Override
    public String toString() {
        return "Upstream[" + name + " " + baseUrl + " model=" + model + "]";
    }
}
