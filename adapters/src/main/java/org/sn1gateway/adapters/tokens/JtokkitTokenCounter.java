package org.sn1gateway.adapters.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.sn1gateway.domain.port.TokenCounter;

/**
 * Counts tokens with jtokkit's {@code o200k_base}, the encoding of OpenAI's GPT-4o and o-series models: the
 * usual yardstick for chat tokens when the model that answered is unknown (miners never say). Special-token
 * markers in the text are counted as ordinary text, so no client text can make counting fail. The encoding is
 * loaded once, at construction (a few hundred milliseconds), not on the first chat; it is thread-safe.
 */
public final class JtokkitTokenCounter implements TokenCounter {
    private final Encoding encoding;

    public JtokkitTokenCounter() {
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    @Override
    public long count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    @Override
    public String toString() {
        return "JtokkitTokenCounter{" + encoding.getName() + "}";
    }
}
