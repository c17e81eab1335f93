package org.sn1gateway.domain.model;

import java.util.Objects;

/**
 * Why a miner's part in a query gave no usable answer, said twice: as a stable {@code code} to count by (a
 * cleaning rule's name, {@code http_500}, {@code connect_timeout}, ...) with the {@code detail} that varies
 * from one response to the next (the miner's error text, a position, a limit), and as the {@code text}
 * people read. The query log keeps code and detail apart so that answers can be grouped by code.
 *
 * @param detail null when the code says it all
 */
public record Reason(String code, String detail, String text) {
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    /** A reason read as {@code code: detail}, as the cleaning rules give theirs. */
    public static Reason of(String code, String detail) {
        return new Reason(code, detail, code + ": " + detail);
    }

    /** A reason whose text has nothing that varies. */
    public static Reason fixed(String code, String text) {
        return new Reason(code, null, text);
    }
}
