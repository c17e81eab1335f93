package org.sn1gateway.adapters.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.sn1gateway.domain.port.TokenCounter;

/**
 * Counts tokens with jtokkit's {@code o200k_base}, the encoding of OpenAI's GPT-4o and o-series models: the
 * usual yardstick for chat tokens when the model that answered is unknown (miners never say). Special-token
 * markers in the text are counted as ordinary text, so no client text can make counting fail. The encoding is
 * immutable and thread-safe, and loaded once per JVM, by the first counter constructed (a second or so: at start,
 * not on the first chat).
 */
public final class JtokkitTokenCounter implements TokenCounter {
    private final Encoding encoding = O200k.ENCODING;

    /** Loaded when first used, then shared. */
    private static final class O200k {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
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
