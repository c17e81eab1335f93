package org.sn1gateway.domain.model;

import java.util.Locale;

/** Who spoke a turn of the conversation. */
public enum Role {
    USER,
    ASSISTANT,
    SYSTEM;

    /** The lowercase name used on every wire this gateway speaks. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, ignoring case; throws {@link IllegalArgumentException} for anything else. */
    public static Role fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "' (expected user, assistant or system)");
    }
}
