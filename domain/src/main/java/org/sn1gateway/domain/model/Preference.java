package org.sn1gateway.domain.model;

import java.util.Locale;

/** Which of the miners' answers the client receives. */
public enum Preference {
    FIRST,
    LONGEST,
    SHORTEST,
    CONSENSUS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
