package org.sn1gateway.app.resources;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.CompletionCallback;

/**
 * Times whole chats, from the request to the end of the answer. The resource methods return as soon as
 * the query starts, so {@code @Timed} would time only that. A request refused before its chat starts (422)
 * is not a chat and is not timed.
 */
final class ChatTimer {
    private final Timer timer;

    /** The timer {@code @Timed(name = name)} on a method of {@code resource} would have. */
    ChatTimer(MetricRegistry metrics, Class<?> resource, String name) {
        this.timer = metrics.timer(MetricRegistry.name(resource, name));
    }

    /** Starts timing a chat answered through {@code response}; it stops once the answer is written. */
    void time(AsyncResponse response) {
        Timer.Context timing = timer.time();
        response.register((CompletionCallback) failure -> timing.stop());
    }

    /** Starts timing a streamed chat; what it returns stops it, when the stream has ended. */
    Runnable timeStream() {
        Timer.Context timing = timer.time();
        return timing::stop;
    }
}
