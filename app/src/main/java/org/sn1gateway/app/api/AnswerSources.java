package org.sn1gateway.app.api;

import java.util.Optional;
import java.util.function.Supplier;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.service.ChatSummary;

/**
 * Names who answered a chat, for the {@code X-Sn1-Answered-By} header and the summary's {@code answered_by}:
 * a miner by uid and hotkey, an OpenAI-compatible upstream by name and model.
 */
public interface AnswerSources {
    String HEADER = "X-Sn1-Answered-By";

    /** The source of uid {@code uid}, as a header value (printable ASCII). */
    String describe(int uid);

    /** The model the source said answered, for the OpenAI API's {@code model} field; empty for miners. */
    default Optional<String> model(int uid) {
        return Optional.empty();
    }

    /** Who gave the summary's delivered answer, or empty when none was delivered. */
    default Optional<String> answeredBy(ChatSummary summary) {
        return summary.uid().isPresent() ? Optional.of(describe(summary.uid().getAsInt())) : Optional.empty();
    }

    /** Subnet miners, {@code miner uid=7 hotkey=5Ch...}, with the hotkey the metagraph lists for the uid. */
    static AnswerSources miners(Supplier<Metagraph> metagraph) {
        return uid -> "miner uid=" + uid + metagraph.get().miners().stream().filter(miner -> miner.uid() == uid)
                .map(Miner::hotkey).findFirst().map(hotkey -> " hotkey=" + headerSafe(hotkey)).orElse("");
    }

    /** Header values are printable ASCII; a name a server or the chain sent may not be. */
    static String headerSafe(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
