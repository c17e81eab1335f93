package org.sn1gateway.app.resources;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.sn1gateway.app.api.AnswerSources;
import org.sn1gateway.app.api.ChatUsageView;
import org.sn1gateway.app.api.FailureStatus;
import org.sn1gateway.app.api.openai.ChatCompletion;
import org.sn1gateway.app.api.openai.OpenAiError;
import org.sn1gateway.domain.service.ChatError;
import org.sn1gateway.domain.service.ChatSummary;

/** A {@code chat.completion} answered once, for OpenAI requests that do not stream. */
final class OpenAiAnswer extends OneAnswer {
    private final AsyncResponse response;
    private final String model;
    private final AnswerSources sources;

    OpenAiAnswer(AsyncResponse response, String model, AnswerSources sources) {
        this.sources = sources;
        this.response = response;
        this.model = model;
    }

    @Override
    protected void answer(ChatSummary summary, Optional<ChatError> error) {
        if (error.isPresent()) {
            ChatError failure = error.get();
            int status = FailureStatus.of(failure.outcome());
            response.resume(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(OpenAiError.of(status, failure.message(), failure.outcome().wireName())).build());
            return;
        }
        // The model that answered, when an upstream named it; else the one asked for.
        String answeredModel = summary.uid().isPresent()
                ? sources.model(summary.uid().getAsInt()).orElse(model) : model;
        response.resume(Response.ok(ChatCompletion.of("chatcmpl-" + summary.queryId(), Instant.now().getEpochSecond(),
                answeredModel, summary.completion(), ChatUsageView.of(summary.usage())),
                MediaType.APPLICATION_JSON_TYPE).header(AnswerSources.HEADER, sources.answeredBy(summary).orElse(null))
                .build());
    }
}
