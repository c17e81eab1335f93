package org.sn1gateway.app.resources;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sn1gateway.app.api.AnswerSources;
import org.sn1gateway.app.api.ChatSummaryView;
import org.sn1gateway.app.api.FailureStatus;
import org.sn1gateway.domain.service.ChatError;
import org.sn1gateway.domain.service.ChatSummary;

/**
 * {@code Accept: application/json}: answers once, with the summary (200) or an error naming what went
 * wrong (502 when miners failed or every answer was unusable, 503 when none was available, 504 on timeout).
 */
final class JsonAnswer extends OneAnswer {
    private final AsyncResponse response;
    private final AnswerSources sources;

    JsonAnswer(AsyncResponse response, AnswerSources sources) {
        this.response = response;
        this.sources = sources;
    }

    @Override
    protected void answer(ChatSummary summary, Optional<ChatError> error) {
        ChatSummaryView view = ChatSummaryView.of(summary, sources);
        if (error.isEmpty()) {
            response.resume(Response.ok(view, MediaType.APPLICATION_JSON_TYPE)
                    .header(AnswerSources.HEADER, view.answeredBy()).build());
            return;
        }
        ChatError failure = error.get();
        int status = FailureStatus.of(failure.outcome());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("message", failure.message());
        body.put("summary", view);
        // An answer that broke off after its start still names its source.
        response.resume(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header(AnswerSources.HEADER, view.answeredBy()).build());
    }
}
