package org.sn1gateway.app.resources;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.SseEventSink;
import org.sn1gateway.app.api.AnswerSources;
import org.sn1gateway.app.api.ChatRequest;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.app.config.ChatSettings;
import org.sn1gateway.app.sse.StreamCounters;
import org.sn1gateway.app.sse.SseChatStream;
import org.sn1gateway.app.usage.Budgeted;
import org.sn1gateway.app.usage.UsageMeter;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.service.ChatHandle;
import org.sn1gateway.domain.service.ChatListener;
import org.sn1gateway.domain.service.ChatService;

/**
 * The Subnet 1 API: {@code POST /chat} (also {@code /chat/}) and {@code POST /echo}, streamed as
 * Server-Sent Events by default or answered once for {@code Accept: application/json}. Every method
 * returns at once; the answer is written from the query's own threads.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {
    /** Preferred when the client states no preference (no Accept, or Accept: star/star). */
    private static final String EVENT_STREAM = MediaType.SERVER_SENT_EVENTS + ";qs=1";
    private static final String JSON = MediaType.APPLICATION_JSON + ";qs=0.5";
    /** The echo's answers come from no miner, whatever uid its summary carries. */
    private static final AnswerSources ECHO = uid -> "echo";

    private final ChatService chat;
    private final StreamCounters streams;
    private final ChatSettings settings;
    private final ObjectMapper json;
    private final ChatTimer streamTimer;
    private final ChatTimer jsonTimer;
    private final AnswerSources sources;
    private final UsageMeter meter;

    public ChatResource(ChatService chat, ChatSettings settings, ObjectMapper json, StreamCounters streams,
                        MetricRegistry metrics, AnswerSources sources, UsageMeter meter) {
        this.meter = meter;
        this.sources = sources;
        this.streams = streams;
        this.streamTimer = new ChatTimer(metrics, ChatResource.class, "chat-stream");
        this.jsonTimer = new ChatTimer(metrics, ChatResource.class, "chat-json");
        this.chat = chat;
        this.settings = settings;
        this.json = json;
    }

    @POST
    @Path("{chat: chat/?}")
    @Produces(EVENT_STREAM)
    @Budgeted
    public void chat(@Parameter(hidden = true) @Auth ApiClient client, @NotNull @Valid ChatRequest request,
                     @Context SseEventSink sink) {
        ChatQuery query = request.toQuery();
        Runnable timed = streamTimer.timeStream();
        SseChatStream stream = new SseChatStream(sink, json, settings.heartbeatInterval(), streams,
                request.isTraced(), sources);
        stream.writeFor(start(client, request, query, stream), timed);
    }

    @POST
    @Path("{chat: chat/?}")
    @Produces(JSON)
    @Budgeted
    public void chatOnce(@Parameter(hidden = true) @Auth ApiClient client, @NotNull @Valid ChatRequest request,
                         @Suspended AsyncResponse response) {
        ChatQuery query = request.toQuery();
        jsonTimer.time(response);
        start(client, request, query, new JsonAnswer(response, sources));
    }

    /** Starts the chat, its cost billed to the client's key however it ends. */
    private ChatHandle start(ApiClient client, ChatRequest request, ChatQuery query, ChatListener listener) {
        ChatListener metered = meter.meter(client, listener);
        return request.isMixture() ? chat.startMixture(query, metered) : chat.start(query, metered);
    }

    @POST
    @Path("echo")
    @Produces(EVENT_STREAM)
    public void echo(@Parameter(hidden = true) @Auth ApiClient client, @NotNull @Valid ChatRequest request, @Context SseEventSink sink) {
        ChatQuery query = request.toQuery();
        SseChatStream stream = new SseChatStream(sink, json, settings.heartbeatInterval(), streams, false, ECHO);
        ChatHandle echo = EchoStream.start(query, settings.echoDelay(), stream);
        stream.writeFor(echo);
    }

    @POST
    @Path("echo")
    @Produces(JSON)
    public void echoOnce(@Parameter(hidden = true) @Auth ApiClient client, @NotNull @Valid ChatRequest request,
                         @Suspended AsyncResponse response) {
        EchoStream.start(request.toQuery(), settings.echoDelay(), new JsonAnswer(response, ECHO));
    }
}
