package org.sn1gateway.app.auth;

import java.security.Principal;

/** Whoever presented a valid API key. */
public record ApiClient(String name) implements Principal {
    @Override
    public String getName() {
        return name;
    }
}
