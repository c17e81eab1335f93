package org.sn1gateway.domain.model;

import java.util.Objects;

/**
 * Where a neuron's axon listens, as the chain advertises it.
 *
 * @param ip   dotted IPv4 or IPv6 text; {@code 0.0.0.0} (or {@code ::}) when the neuron never served
 * @param port TCP port
 */
public record AxonEndpoint(String ip, int port) {
    public AxonEndpoint {
        Objects.requireNonNull(ip, "ip");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The SDK's {@code is_serving}: an address was advertised (the port is not checked). */
    public boolean isServing() {
        return !ip.isBlank() && !ip.equals("0.0.0.0") && !ip.equals("::");
    }

    /** The host as it goes into a URL: IPv6 literals are bracketed. */
    public String urlHost() {
        return ip.contains(":") ? "[" + ip + "]" : ip;
    }

    @Override
    public String toString() {
        return urlHost() + ":" + port;
    }
}
