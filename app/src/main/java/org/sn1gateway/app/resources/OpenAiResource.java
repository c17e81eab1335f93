package org.sn1gateway.app.resources;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sn1gateway.app.api.AnswerSources;
import org.sn1gateway.app.api.openai.OpenAiChatRequest;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.app.config.ChatSettings;
import org.sn1gateway.app.sse.StreamCounters;
import org.sn1gateway.app.sse.OpenAiStream;
import org.sn1gateway.app.usage.Budgeted;
import org.sn1gateway.app.usage.UsageMeter;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.service.ChatHandle;
import org.sn1gateway.domain.service.ChatListener;
import org.sn1gateway.domain.service.ChatService;

/**
 * The OpenAI Chat Completions API, so that existing OpenAI clients work unchanged with the base URL
 * {@code http://host:10000/v1}. Every method returns at once; answers are written from the query's threads.
 */
@Path("/v1")
public class OpenAiResource {
    private static final long STARTED = Instant.now().getEpochSecond();

    private final ChatService chat;
    private final StreamCounters streams;
    private final ChatSettings settings;
    private final ObjectMapper json;
    private final ChatTimer timer;
    private final AnswerSources sources;
    private final UsageMeter meter;

    public OpenAiResource(ChatService chat, ChatSettings settings, ObjectMapper json, StreamCounters streams,
                          MetricRegistry metrics, AnswerSources sources, UsageMeter meter) {
        this.meter = meter;
        this.sources = sources;
        this.streams = streams;
        this.timer = new ChatTimer(metrics, OpenAiResource.class, "openai-chat-completions");
        this.chat = chat;
        this.settings = settings;
        this.json = json;
    }

    @POST
    @Path("chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @Budgeted
    public void completions(@Parameter(hidden = true) @Auth ApiClient client, @NotNull @Valid OpenAiChatRequest request,
                            @Suspended AsyncResponse response) {
        ChatQuery query = request.toQuery();
        if (request.streaming()) {
            Runnable timed = timer.timeStream();
            OpenAiStream stream = new OpenAiStream(response, json, settings.heartbeatInterval(), streams,
                    request.isTraced(), request.modelName(), request.includeUsage(), sources);
            stream.writeFor(start(client, request.isMixture(), query, stream), timed);
        } else {
            timer.time(response);
            start(client, request.isMixture(), query, new OpenAiAnswer(response, request.modelName(), sources));
        }
    }

    /** Starts the chat, its cost billed to the client's key however it ends. */
    private ChatHandle start(ApiClient client, boolean mixture, ChatQuery query, ChatListener listener) {
        ChatListener metered = meter.meter(client, listener);
        return mixture ? chat.startMixture(query, metered) : chat.start(query, metered);
    }

    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> models(@Parameter(hidden = true) @Auth ApiClient client) {
        return Map.of("object", "list", "data", List.of(Map.of(
                "id", OpenAiChatRequest.MODEL, "object", "model", "created", STARTED, "owned_by", "bittensor-subnet-1")));
    }
}
