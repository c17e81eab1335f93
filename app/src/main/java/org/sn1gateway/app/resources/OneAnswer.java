package org.sn1gateway.app.resources;

import java.util.Optional;
import org.sn1gateway.domain.service.ChatError;
import org.sn1gateway.domain.service.ChatListener;
import org.sn1gateway.domain.service.ChatSummary;
import org.sn1gateway.domain.service.DeliveredChunk;

/** A query answered once, when it is done: chunks are in the summary; an error decides the status. */
abstract class OneAnswer implements ChatListener {
    private volatile ChatError error;

    @Override
    public final void onChunk(DeliveredChunk chunk) {
        // The summary carries every chunk.
    }

    @Override
    public final boolean waitsForTheWholeAnswer() {
        return true;
    }

    @Override
    public final void onError(ChatError error) {
        this.error = error;
    }

    @Override
    public final void onDone(ChatSummary summary) {
        answer(summary, Optional.ofNullable(error));
    }

    /** Resumes the client's response with the whole answer or the failure. */
    protected abstract void answer(ChatSummary summary, Optional<ChatError> failure);
}
