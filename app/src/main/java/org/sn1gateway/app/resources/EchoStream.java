package org.sn1gateway.app.resources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.service.ChatHandle;
import org.sn1gateway.domain.service.ChatListener;
import org.sn1gateway.domain.service.ChatSummary;
import org.sn1gateway.domain.service.DeliveredChunk;

/**
 * {@code POST /echo}: streams the messages back word by word, {@code k} times, through the same listener
 * as a real answer, so a client can test its stream handling without miners.
 */
final class EchoStream implements ChatHandle {
    static final int ECHO_UID = 0;

    private final UUID id = UUID.randomUUID();
    private final List<String> words;
    private final Duration delay;
    private final ChatListener listener;
    private final long start = System.nanoTime();
    private volatile boolean gone;

    private EchoStream(ChatQuery query, Duration delay, ChatListener listener) {
        this.words = new ArrayList<>();
        for (int i = 0; i < query.miners().k(); i++) {
            for (Message message : query.messages()) {
                for (String word : message.content().split("(?<=\\s)(?=\\S)")) {
                    add(word);
                }
            }
        }
        this.delay = delay;
        this.listener = listener;
    }

    /** Repeats and messages are separated as words are, by a space: "world hello", not "worldhello". */
    private void add(String word) {
        if (word.isEmpty()) {
            return;
        }
        int last = words.size() - 1;
        if (last >= 0 && !endsWithSpace(words.get(last)) && !Character.isWhitespace(word.charAt(0))) {
            words.set(last, words.get(last) + " ");
        }
        words.add(word);
    }

    private static boolean endsWithSpace(String word) {
        return Character.isWhitespace(word.charAt(word.length() - 1));
    }

    static EchoStream start(ChatQuery query, Duration delay, ChatListener listener) {
        EchoStream echo = new EchoStream(query, delay, listener);
        Thread.ofVirtual().name("echo-" + echo.id).start(echo::run);
        return echo;
    }

    private void run() {
        List<DeliveredChunk> sent = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try {
            for (String word : words) {
                Thread.sleep(delay);
                if (gone) {
                    return;
                }
                DeliveredChunk chunk = new DeliveredChunk(sent.size() + 1, word, elapsed(), ECHO_UID, false);
                sent.add(chunk);
                text.append(word);
                listener.onChunk(chunk);
            }
        } catch (InterruptedException e) {
            return;
        }
        listener.onChunk(new DeliveredChunk(sent.size() + 1, "", elapsed(), ECHO_UID, true));
        listener.onDone(new ChatSummary(id, OptionalInt.of(ECHO_UID), sent, text.toString(), elapsed(), List.of(),
                "echo", OptionalInt.empty(), ChatUsage.NONE));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public UUID queryId() {
        return id;
    }

    @Override
    public void clientGone() {
        gone = true;
    }
}
