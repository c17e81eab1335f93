package org.sn1gateway.adapters.simulation;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The response shapes of a Python SDK axon. */
final class AxonResponses {
    private AxonResponses() {
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("bt_header_axon_status_code", Integer.toString(status));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Commits a 200 streaming response: text/event-stream by name, raw UTF-8 text in fact (§1.8). */
    static OutputStream startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("bt_header_axon_status_code", "200");
        exchange.getResponseHeaders().set("bt_header_axon_status_message", "Success");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }
}
