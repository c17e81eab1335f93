package org.sn1gateway.domain.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.service.ChatError;
import org.sn1gateway.domain.service.ChatListener;
import org.sn1gateway.domain.service.ChatSummary;
import org.sn1gateway.domain.service.DeliveredChunk;
import org.sn1gateway.domain.service.MinerEvent;

/** Records what a client would have received. */
public final class RecordingChatListener implements ChatListener {
    private final List<Object> events = new CopyOnWriteArrayList<>();
    /** The events with the trace's miner events among them, in the order they came. */
    private final List<Object> timeline = new CopyOnWriteArrayList<>();
    private final boolean waits;
    private final List<ChatUsage> usages = new CopyOnWriteArrayList<>();

    public RecordingChatListener() {
        this(false);
    }

    private RecordingChatListener(boolean waits) {
        this.waits = waits;
    }

    /** A client that reads only the summary, as one asking for a JSON answer does. */
    public static RecordingChatListener waitingForTheWholeAnswer() {
        return new RecordingChatListener(true);
    }

    @Override
    public boolean waitsForTheWholeAnswer() {
        return waits;
    }

    @Override
    public void onChunk(DeliveredChunk chunk) {
        events.add(chunk);
        timeline.add(chunk);
    }

    @Override
    public void onError(ChatError error) {
        events.add(error);
        timeline.add(error);
    }

    @Override
    public void onDone(ChatSummary summary) {
        events.add(summary);
        timeline.add(summary);
    }

    @Override
    public void onUsage(ChatUsage usage) {
        usages.add(usage);
    }

    /** Every cost reported to this client; a chat reports exactly one. */
    public List<ChatUsage> usages() {
        return List.copyOf(usages);
    }

    @Override
    public boolean traces() {
        return true;
    }

    @Override
    public void onMiner(MinerEvent event) {
        timeline.add(event);
    }

    public List<Object> timeline() {
        return List.copyOf(timeline);
    }

    public List<Object> events() {
        return List.copyOf(events);
    }

    public List<DeliveredChunk> chunks() {
        return events.stream().filter(DeliveredChunk.class::isInstance).map(DeliveredChunk.class::cast).toList();
    }

    public String text() {
        return chunks().stream().map(DeliveredChunk::delta).collect(Collectors.joining());
    }

    public List<ChatError> errors() {
        return events.stream().filter(ChatError.class::isInstance).map(ChatError.class::cast).toList();
    }

    public boolean isDone() {
        return !events.isEmpty() && events.getLast() instanceof ChatSummary;
    }

    public ChatSummary summary() {
        if (!isDone()) {
            throw new AssertionError("the stream has not ended; events so far: " + events);
        }
        return (ChatSummary) events.getLast();
    }
}
