package org.sn1gateway.app.docs;

import io.dropwizard.jersey.errors.ErrorMessage;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.ReaderListener;
import io.swagger.v3.oas.integration.api.OpenApiReader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.sn1gateway.app.api.AnswerSources;
import org.sn1gateway.app.api.ChatSummaryView;
import org.sn1gateway.app.api.MinerView;
import org.sn1gateway.app.api.StreamChunk;
import org.sn1gateway.app.api.StreamError;
import org.sn1gateway.app.api.openai.ChatCompletion;
import org.sn1gateway.app.api.openai.ChatCompletionChunk;
import org.sn1gateway.app.api.openai.OpenAiError;

/**
 * What the generated document cannot learn from the resources: {@code /chat} is one route matched by a
 * pattern ({@code chat/?}, so that {@code /chat/} works too), the answers are written to event streams
 * rather than returned, and the errors have their own bodies. Everything named here is a real class of
 * the API, so the schemas still follow the code.
 */
public final class StreamingContract implements ReaderListener {
    private static final String SSE = "text/event-stream";
    private static final String JSON = "application/json";

    @Override
    public void beforeScan(OpenApiReader reader, OpenAPI openApi) {
        // Nothing to add before the resources are read.
    }

    @Override
    public void afterScan(OpenApiReader reader, OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return; // called once per class read; the paths come with the resources
        }
        for (Class<?> type : new Class<?>[] {ErrorMessage.class, StreamChunk.class, StreamError.class, ChatSummaryView.class,
                MinerView.class, ChatCompletion.class, ChatCompletionChunk.class, OpenAiError.class}) {
            ModelConverters.getInstance().readAll(type).forEach(openApi.getComponents()::addSchemas);
        }
        Paths paths = new Paths();
        new TreeMap<>(openApi.getPaths()).forEach((path, item) ->
                paths.addPathItem("/{chat}".equals(path) ? "/chat" : path, item));
        openApi.setPaths(paths);
        post(paths, "/chat", this::subnetChat);
        post(paths, "/echo", this::subnetChat);
        post(paths, "/v1/chat/completions", this::openAiChat);
        get(paths, "/miners", operation -> operation.setResponses(responses(new ApiResponse()
                .description("one row per uid of the metagraph, with the statistics the query log observed")
                .content(new Content().addMediaType(JSON, media(new ArraySchema().items(ref("MinerView"))))
                        .addMediaType("text/csv", media(new StringSchema()))))));
        get(paths, "/v1/models", operation -> operation.setResponses(responses(new ApiResponse()
                .description("the models served: {\"object\": \"list\", \"data\": [{\"id\": \"sn1\", ...}]}")
                .content(new Content().addMediaType(JSON, media(new Schema<>().type("object")))))));
        PagesContract.addTo(openApi);
    }

    private void subnetChat(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().removeIf(parameter -> "chat".equals(parameter.getName()));
        }
        ApiResponse ok = new ApiResponse().description("""
                With `Accept: text/event-stream` (or none): Server-Sent Events. `event: chunk` (data: \
                StreamChunk) for every piece of the delivered answer, `event: error` (data: StreamError) \
                if it cannot be delivered, and always last `event: done` (data: ChatSummaryView). With \
                `Accept: application/json`: the summary alone, once the answer is complete.""")
                .content(new Content().addMediaType(SSE, media(new StringSchema()))
                        .addMediaType(JSON, media(ref("ChatSummaryView"))));
        operation.setResponses(errors(responses(answeredBy(ok)), "ErrorMessage"));
    }

    private void openAiChat(Operation operation) {
        ApiResponse ok = new ApiResponse().description("""
                A `chat.completion`; with `stream: true`, Server-Sent Events whose `data:` lines are \
                ChatCompletionChunk objects, ending with `data: [DONE]`. With `trace: true`, each miner \
                step is a chunk of its own whose one choice has an empty delta and whose `sn1_miner` \
                holds the step (MinerTraceView).""")
                .content(new Content().addMediaType(JSON, media(ref("ChatCompletion")))
                        .addMediaType(SSE, media(new StringSchema())));
        operation.setResponses(errors(responses(answeredBy(ok)), "OpenAiError"));
    }

    private static ApiResponse answeredBy(ApiResponse ok) {
        return ok.addHeaderObject(AnswerSources.HEADER, new Header().schema(new StringSchema()).description("""
                Who answered, e.g. `miner uid=7 hotkey=5Ch...` or `upstream openai model=gpt-4o-mini`. \
                Absent on a `/chat` event stream, whose headers go out before anyone has answered: its \
                `done` summary's `answered_by` names the source instead."""));
    }

    private static ApiResponses responses(ApiResponse ok) {
        return new ApiResponses().addApiResponse("200", ok)
                .addApiResponse("401", error("missing, wrong or expired API key (an expired key is told so)"));
    }

    private static ApiResponses errors(ApiResponses responses, String body) {
        Map.of("400", "malformed JSON", "413", "request body over the size limit",
                "422", "invalid request: one message per offending field",
                "429", "the key's rate limit is reached, or its token budget is used up (code insufficient_quota: "
                        + "`details` on /chat, `error.code` under /v1); see Retry-After",
                "502", "every miner failed, or every answer was unusable (JSON variant)",
                "503", "no miner available (JSON variant)", "504", "no answer in time (JSON variant)")
                .forEach((status, description) -> responses.addApiResponse(status, error(description)));
        responses.values().stream().filter(response -> response.getContent() == null)
                .forEach(response -> response.content(new Content().addMediaType(JSON, media(ref(body)))));
        return responses;
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description);
    }

    private static MediaType media(Schema<?> schema) {
        return new MediaType().schema(schema);
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    private static void post(Paths paths, String path, Consumer<Operation> edit) {
        PathItem item = paths.get(path);
        if (item != null && item.getPost() != null) {
            edit.accept(item.getPost());
        }
    }

    private static void get(Paths paths, String path, Consumer<Operation> edit) {
        PathItem item = paths.get(path);
        if (item != null && item.getGet() != null) {
            edit.accept(item.getGet());
        }
    }
}
