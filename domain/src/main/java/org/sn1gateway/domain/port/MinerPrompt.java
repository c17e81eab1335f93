package org.sn1gateway.domain.port;

import java.time.Duration;
import java.util.List;
import org.sn1gateway.domain.model.Message;

/**
 * What a miner is asked.
 *
 * @param timeout the time the miner is told it has (sent in its protocol's timeout field)
 */
public record MinerPrompt(List<Message> messages, Duration timeout) {
    public MinerPrompt {
        messages = List.copyOf(messages);
    }
}
