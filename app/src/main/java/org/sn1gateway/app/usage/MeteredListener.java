package org.sn1gateway.app.usage;

import java.util.function.Consumer;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.service.ChatError;
import org.sn1gateway.domain.service.ChatListener;
import org.sn1gateway.domain.service.ChatSummary;
import org.sn1gateway.domain.service.DeliveredChunk;
import org.sn1gateway.domain.service.MinerEvent;

/** A client's listener that also hands the chat's cost to the meter; everything else passes through. */
final class MeteredListener implements ChatListener {
    private final ChatListener client;
    private final Consumer<ChatUsage> meter;

    MeteredListener(ChatListener client, Consumer<ChatUsage> meter) {
        this.client = client;
        this.meter = meter;
    }

    @Override
    public void onUsage(ChatUsage usage) {
        meter.accept(usage);
        client.onUsage(usage);
    }

    @Override
    public void onChunk(DeliveredChunk chunk) {
        client.onChunk(chunk);
    }

    @Override
    public void onError(ChatError error) {
        client.onError(error);
    }

    @Override
    public void onDone(ChatSummary summary) {
        client.onDone(summary);
    }

    @Override
    public boolean waitsForTheWholeAnswer() {
        return client.waitsForTheWholeAnswer();
    }

    @Override
    public boolean traces() {
        return client.traces();
    }

    @Override
    public void onMiner(MinerEvent event) {
        client.onMiner(event);
    }
}
