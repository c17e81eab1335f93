package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The gateway's YAML configuration: Dropwizard's server and logging, plus the sections below. */
public class GatewayConfiguration extends Configuration {
    @Valid
    @NotNull
    @JsonProperty
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty
    private NetworkFactory network = new SimulatedNetworkFactory();

    @Valid
    @NotNull
    @JsonProperty
    private ChatSettings chat = new ChatSettings();

    @Valid
    @NotNull
    @JsonProperty
    private AuthSettings auth = new AuthSettings();

    @Valid
    @NotNull
    @JsonProperty
    private QueryLogSettings queryLog = new QueryLogSettings();

    @Valid
    @NotNull
    @JsonProperty
    private ProbeSettings probe = new ProbeSettings();

    @Valid
    @NotNull
    @JsonProperty
    private CorsSettings cors = new CorsSettings();

    public DataSourceFactory database() {
        return database;
    }

    public NetworkFactory network() {
        return network;
    }

    public ChatSettings chat() {
        return chat;
    }

    public AuthSettings auth() {
        return auth;
    }

    public QueryLogSettings queryLog() {
        return queryLog;
    }

    public ProbeSettings probe() {
        return probe;
    }

    public CorsSettings cors() {
        return cors;
    }
}
