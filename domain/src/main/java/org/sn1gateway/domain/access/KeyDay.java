package org.sn1gateway.domain.access;

import java.time.LocalDate;
import java.util.Objects;

/** One key on one UTC day: where a chat's usage is added up. */
public record KeyDay(String keyId, LocalDate day) {
    public KeyDay {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(day, "day");
    }
}
