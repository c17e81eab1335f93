package org.sn1gateway.domain.model;

import java.util.Objects;

/** One turn of a conversation. */
public record Message(Role role, String content) {
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
