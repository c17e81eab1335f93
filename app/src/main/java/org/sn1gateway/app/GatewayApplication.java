package org.sn1gateway.app;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.JSONUnauthorizedHandler;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.migrations.MigrationsBundle;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;
import org.sn1gateway.adapters.dendrite.RequestSigner;
import org.sn1gateway.adapters.persistence.JdbiQueryLog;
import org.sn1gateway.adapters.persistence.QueuedQueryLog;
import org.sn1gateway.adapters.persistence.SchemaMigrations;
import org.sn1gateway.adapters.persistence.TimingAnalysis;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.app.auth.ApiKeyAuthFilter;
import org.sn1gateway.app.auth.ApiKeyAuthenticator;
import org.sn1gateway.app.auth.ApiKeys;
import org.sn1gateway.app.cli.MetagraphCommand;
import org.sn1gateway.app.cli.MetagraphDecodeCommand;
import org.sn1gateway.app.cli.TimingsCommand;
import org.sn1gateway.app.cli.WalletCommand;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.errors.ErrorsAsJsonFilter;
import org.sn1gateway.app.errors.JsonMappingExceptionMapper;
import org.sn1gateway.app.errors.OpenAiErrorsFilter;
import org.sn1gateway.app.errors.RequestSizeLimitFilter;
import org.sn1gateway.app.errors.SnakeCaseViolationsFilter;
import org.sn1gateway.app.health.DatabaseHealthCheck;
import org.sn1gateway.app.health.MetagraphHealthCheck;
import org.sn1gateway.app.health.MinerNetworkHealthCheck;
import org.sn1gateway.app.health.WalletHealthCheck;
import org.sn1gateway.app.resources.ChatResource;
import org.sn1gateway.app.resources.MinersResource;
import org.sn1gateway.app.resources.OpenAiResource;
import org.sn1gateway.domain.cleaning.AnswerCleaner;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.sampling.AvailabilityRules;
import org.sn1gateway.domain.sampling.MinerSampler;
import org.sn1gateway.domain.service.ChatService;
import org.sn1gateway.domain.service.ExecutorScheduler;

/** The composition root: reads the configuration, builds the adapters, and serves the chat API. */
public class GatewayApplication extends Application<GatewayConfiguration> {
    public static void main(String[] args) throws Exception {
        // Liquibase 4.30+ would otherwise try to send usage analytics from every `db` command.
        if (System.getProperty("liquibase.analytics.enabled") == null) {
            System.setProperty("liquibase.analytics.enabled", "false");
        }
        new GatewayApplication().run(args);
    }

    @Override
    public String getName() {
        return "sn1-gateway";
    }

    @Override
    public void initialize(Bootstrap<GatewayConfiguration> bootstrap) {
        // ${SN1_API_KEY:-} and friends: secrets come from the environment, never from the file.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new WalletCommand());
        bootstrap.addCommand(new MetagraphDecodeCommand());
        bootstrap.addCommand(new MetagraphCommand());
        bootstrap.addCommand(new TimingsCommand());
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(GatewayConfiguration configuration) {
                return configuration.database();
            }

            @Override
            public String getMigrationsFileName() {
                return SchemaMigrations.CHANGELOG;
            }
        });
    }

    @Override
    public void run(GatewayConfiguration config, Environment environment) {
        ManagedDataSource dataSource = config.database().build(environment.metrics(), "database");
        environment.lifecycle().manage(dataSource);
        SchemaMigrations.apply(dataSource);
        Jdbi jdbi = Jdbi.create(dataSource);

        MinerNetwork network = config.network().build(environment);
        QueuedQueryLog queryLog = queryLog(config, environment, jdbi);
        // The gateway never queries its own hotkey, should the validator's uid be in the metagraph.
        AvailabilityRules availability = new AvailabilityRules(AvailabilityRules.DEFAULT_VALIDATOR_STAKE_LIMIT,
                config.network().signer().map(RequestSigner::hotkey));
        ChatService chat = new ChatService(network, queryLog,
                new MinerSampler(availability, ThreadLocalRandom::current), AnswerCleaner.standard(),
                new ExecutorScheduler(deadlineTimer(environment)), InstantSource.system());

        registerAuth(environment, ApiKeys.resolve(config.auth()));
        environment.jersey().register(new RequestSizeLimitFilter(config.chat().maxRequestBytes()));
        environment.jersey().register(new JsonMappingExceptionMapper());
        environment.jersey().register(new ErrorsAsJsonFilter());
        environment.jersey().register(new SnakeCaseViolationsFilter());
        environment.jersey().register(new ChatResource(chat, config.chat(), environment.getObjectMapper()));
        environment.jersey().register(new OpenAiResource(chat, config.chat(), environment.getObjectMapper()));
        environment.jersey().register(new OpenAiErrorsFilter());
        environment.jersey().register(new MinersResource(network, new TimingAnalysis(jdbi), availability));

        environment.healthChecks().register("database", new DatabaseHealthCheck(jdbi, queryLog));
        environment.healthChecks().register("metagraph",
                new MetagraphHealthCheck(network, config.network().metagraphSync(), InstantSource.system()));
        environment.admin().addTask(new ResyncMetagraphTask(config.network().metagraphSync()));
        config.network().signer().ifPresent(signer ->
                environment.healthChecks().register("wallet", new WalletHealthCheck(signer)));
        environment.healthChecks().register("miner-network", new MinerNetworkHealthCheck(network, availability));
    }

    private static QueuedQueryLog queryLog(GatewayConfiguration config, Environment environment, Jdbi jdbi) {
        QueuedQueryLog queryLog = new QueuedQueryLog(
                new JdbiQueryLog(jdbi, config.network()::protocolOf, config.queryLog().storeText()),
                config.queryLog().queue());
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                queryLog.start();
            }

            @Override
            public void stop() throws InterruptedException {
                queryLog.close();
            }
        });
        return queryLog;
    }

    private static ScheduledExecutorService deadlineTimer(Environment environment) {
        return environment.lifecycle().scheduledExecutorService("query-deadline-%d").threads(1).build();
    }

    private static void registerAuth(Environment environment, String apiKey) {
        environment.jersey().register(new AuthDynamicFeature(new ApiKeyAuthFilter.Builder<ApiClient>()
                .setAuthenticator(new ApiKeyAuthenticator(apiKey))
                .setRealm("sn1-gateway")
                .setPrefix("Bearer")
                .setUnauthorizedHandler(new JSONUnauthorizedHandler())
                .buildAuthFilter()));
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(ApiClient.class));
    }
}
