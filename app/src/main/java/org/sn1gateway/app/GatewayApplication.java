package org.sn1gateway.app;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.CachingAuthenticator;
import io.dropwizard.auth.JSONUnauthorizedHandler;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.migrations.MigrationsBundle;
import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;
import org.sn1gateway.adapters.dendrite.RequestSigner;
import org.sn1gateway.adapters.persistence.JdbiApiKeyStore;
import org.sn1gateway.adapters.persistence.JdbiQueryLog;
import org.sn1gateway.adapters.persistence.JdbiRateLimiter;
import org.sn1gateway.adapters.persistence.QueryLogRetention;
import org.sn1gateway.adapters.persistence.QueuedQueryLog;
import org.sn1gateway.adapters.persistence.SchemaMigrations;
import org.sn1gateway.adapters.persistence.TimingAnalysis;
import org.sn1gateway.adapters.persistence.JdbiUsageLedger;
import org.sn1gateway.adapters.tokens.JtokkitTokenCounter;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.app.auth.ApiKeyAuthFilter;
import org.sn1gateway.app.auth.ApiKeyAuthenticator;
import org.sn1gateway.app.auth.ApiKeys;
import org.sn1gateway.app.auth.KeyUsage;
import org.sn1gateway.app.auth.RateLimitFilter;
import org.sn1gateway.app.cli.GatewayServerCommand;
import org.sn1gateway.app.cli.KeysCommand;
import org.sn1gateway.app.cli.LoadtestCommand;
import org.sn1gateway.app.cli.MetagraphCommand;
import org.sn1gateway.app.cli.MetagraphDecodeCommand;
import org.sn1gateway.app.cli.SimulateCommand;
import org.sn1gateway.app.cli.TimingsCommand;
import org.sn1gateway.app.cli.WalletCommand;
import org.sn1gateway.app.config.BackgroundTimer;
import org.sn1gateway.app.config.BuiltNetwork;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.docs.ApiDocumentation;
import org.sn1gateway.app.errors.BodyDrainingInterceptor;
import org.sn1gateway.app.errors.ErrorsAsJsonFilter;
import org.sn1gateway.app.errors.OpenAiErrorsFilter;
import org.sn1gateway.app.errors.RequestBodyReader;
import org.sn1gateway.app.errors.RequestSizeLimitFilter;
import org.sn1gateway.app.errors.SnakeCaseViolationsFilter;
import org.sn1gateway.app.health.DatabaseHealthCheck;
import org.sn1gateway.app.health.MetagraphHealthCheck;
import org.sn1gateway.app.health.MinerNetworkHealthCheck;
import org.sn1gateway.app.health.RecentOutcomes;
import org.sn1gateway.app.health.WalletHealthCheck;
import org.sn1gateway.app.http.HttpHardening;
import org.sn1gateway.app.metrics.MinerMetrics;
import org.sn1gateway.app.metrics.PrometheusEndpoint;
import org.sn1gateway.app.resources.ChatResource;
import org.sn1gateway.app.resources.MinersResource;
import org.sn1gateway.app.resources.OpenAiResource;
import org.sn1gateway.app.resources.PagesResource;
import org.sn1gateway.app.resources.UsageHistoryResource;
import org.sn1gateway.app.resources.UsageResource;
import org.sn1gateway.app.sse.RenderedEventsWriter;
import org.sn1gateway.app.usage.BudgetFilter;
import org.sn1gateway.app.usage.UsageMeter;
import org.sn1gateway.app.sse.StreamCounters;
import org.sn1gateway.domain.cleaning.AnswerCleaner;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.port.QueryLog;
import org.sn1gateway.domain.sampling.AvailabilityRules;
import org.sn1gateway.domain.sampling.MinerSampler;
import org.sn1gateway.domain.sampling.OutlierEjection;
import org.sn1gateway.domain.service.ChatService;
import org.sn1gateway.domain.service.ExecutorScheduler;
import org.sn1gateway.domain.service.MinerProbe;

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

    /** Dropwizard's own two commands, with a {@code server} that reports a wallet problem in one line. */
    @Override
    protected void addDefaultCommands(Bootstrap<GatewayConfiguration> bootstrap) {
        bootstrap.addCommand(new GatewayServerCommand(this));
        bootstrap.addCommand(new CheckCommand<>(this));
    }

    @Override
    public void initialize(Bootstrap<GatewayConfiguration> bootstrap) {
        // ${SN1_API_KEY:-} and friends: secrets come from the environment, never from the file.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        // Jackson keeps its buffers per thread by default, and every stream writes from a virtual thread of
        // its own: each event would allocate fresh ones. A shared pool reuses them.
        bootstrap.getObjectMapper().getFactory().setRecyclerPool(JsonRecyclerPools.sharedConcurrentDequePool());
        ApiDocumentation.initialize(bootstrap);
        bootstrap.addCommand(new WalletCommand());
        bootstrap.addCommand(new MetagraphDecodeCommand());
        bootstrap.addCommand(new MetagraphCommand());
        bootstrap.addCommand(new TimingsCommand());
        bootstrap.addCommand(new KeysCommand());
        bootstrap.addCommand(new LoadtestCommand());
        bootstrap.addCommand(new SimulateCommand());
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

        BuiltNetwork built = config.network().buildWithFallback(environment);
        MinerNetwork network = built.network();
        QueuedQueryLog queryLog = queryLog(config, environment, jdbi, built);
        // The gateway never queries its own hotkey, should the validator's uid be in the metagraph.
        AvailabilityRules availability = new AvailabilityRules(AvailabilityRules.DEFAULT_VALIDATOR_STAKE_LIMIT,
                built.signer().map(RequestSigner::hotkey));
        RecentOutcomes outcomes = new RecentOutcomes(queryLog, MinerNetworkHealthCheck.UNANSWERED_IN_A_ROW);
        QueryLog measuredLog = new MinerMetrics(outcomes, environment.metrics(), PrometheusEndpoint.register(environment));
        OutlierEjection ejection = new OutlierEjection(InstantSource.system());
        ExecutorScheduler deadlines = new ExecutorScheduler(BackgroundTimer.named(environment, "query-deadline"));
        ChatService chat = new ChatService(network, ejection.watching(measuredLog),
                new MinerSampler(availability, ThreadLocalRandom::current, ejection), AnswerCleaner.standard(),
                deadlines, InstantSource.system(), config.chat().maxChunksPerAnswer(), config.chat().waves(),
                built.fallback(), new JtokkitTokenCounter());
        if (config.probe().enabled() && config.network().asksMiners()) {
            // The probe tells the ejection its verdicts itself, so its rounds bypass the ejection's watch.
            environment.lifecycle().manage(new MinerProbing(new MinerProbe(network, availability,
                    AnswerCleaner.standard(), ejection, measuredLog, deadlines, InstantSource.system(),
                    config.probe().timeout()),
                    BackgroundTimer.named(environment, "probe"), config.probe().interval(), config.probe().timeout()));
        }

        HttpHardening.register(environment, config.cors());
        JdbiApiKeyStore keys = new JdbiApiKeyStore(jdbi);
        registerAuth(config, environment, jdbi, keys);
        JdbiUsageLedger ledger = new JdbiUsageLedger(jdbi);
        UsageMeter meter = usageMeter(config, environment, ledger);
        environment.jersey().register(new RequestSizeLimitFilter(config.chat().maxRequestBytes()));
        environment.jersey().register(new RequestBodyReader(environment.getObjectMapper(), environment.getValidator(),
                config.chat().limits()));
        environment.jersey().register(new BodyDrainingInterceptor());
        environment.jersey().register(new ErrorsAsJsonFilter());
        environment.jersey().register(new SnakeCaseViolationsFilter());
        environment.jersey().register(new RenderedEventsWriter());
        StreamCounters streams = new StreamCounters();
        environment.metrics().gauge("sn1.streams.open", () -> streams::open);
        environment.metrics().gauge("sn1.streams.clients-gone", () -> streams::clientsGone);
        environment.jersey().register(new ChatResource(chat, config.chat(), environment.getObjectMapper(), streams,
                environment.metrics(), built.sources(), meter));
        environment.jersey().register(new OpenAiResource(chat, config.chat(), environment.getObjectMapper(), streams,
                environment.metrics(), built.sources(), meter));
        environment.jersey().register(new UsageResource(meter, InstantSource.system()));
        environment.jersey().register(new UsageHistoryResource(ledger, keys, InstantSource.system()));
        environment.jersey().register(new OpenAiErrorsFilter());
        environment.jersey().register(new PagesResource());
        environment.jersey().register(new MinersResource(network, new TimingAnalysis(jdbi), availability));
        ApiDocumentation.register(environment, getClass().getPackage().getImplementationVersion() == null ? "dev"
                : getClass().getPackage().getImplementationVersion());
        environment.lifecycle().manage(new Housekeeping(BackgroundTimer.named(environment, "housekeeping"),
                new QueryLogRetention(jdbi, config.queryLog().retentionBatchSize()), config.queryLog().retention(),
                config.queryLog().retentionInterval(), new JdbiRateLimiter(jdbi), InstantSource.system()));

        environment.healthChecks().register("database", new DatabaseHealthCheck(jdbi, queryLog));
        environment.healthChecks().register("metagraph",
                new MetagraphHealthCheck(network, built.metagraphSync(), InstantSource.system()));
        environment.admin().addTask(new ResyncMetagraphTask(built.metagraphSync()));
        built.signer().ifPresent(signer ->
                environment.healthChecks().register("wallet", new WalletHealthCheck(signer)));
        environment.healthChecks().register("miner-network", new MinerNetworkHealthCheck(network, availability, outcomes));
    }

    private static QueuedQueryLog queryLog(GatewayConfiguration config, Environment environment, Jdbi jdbi,
                                           BuiltNetwork network) {
        QueuedQueryLog queryLog = new QueuedQueryLog(
                new JdbiQueryLog(jdbi, network.protocolOf(), config.queryLog().storeText()),
                config.queryLog().queue());
        // Rows waiting, written and lost are visible in the metrics; a loss also turns the health check red.
        environment.metrics().gauge("sn1.query-log.pending", () -> () -> queryLog.status().pending());
        environment.metrics().gauge("sn1.query-log.written", () -> () -> queryLog.status().written());
        environment.metrics().gauge("sn1.query-log.dropped", () -> () -> queryLog.status().dropped());
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

    /**
     * The operator's key and the stored keys, each check cached for {@code auth.cacheFor} (the delay before
     * a revocation holds everywhere), then each stored key's rate limit and usage.
     */
    private static void registerAuth(GatewayConfiguration config, Environment environment, Jdbi jdbi,
                                     JdbiApiKeyStore keys) {
        ApiKeys.ensureOne(config.auth(), keys);
        Authenticator<String, ApiClient> authenticator = new CachingAuthenticator<>(environment.metrics(),
                new ApiKeyAuthenticator(config.auth().apiKey(), keys),
                Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(config.auth().cacheFor()), true);
        environment.jersey().register(new AuthDynamicFeature(new ApiKeyAuthFilter.Builder<ApiClient>()
                .setAuthenticator(authenticator)
                .setRealm("sn1-gateway")
                .setPrefix("Bearer")
                .setUnauthorizedHandler(new JSONUnauthorizedHandler())
                .buildAuthFilter()));
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(ApiClient.class));
        KeyUsage usage = new KeyUsage(keys, BackgroundTimer.named(environment, "key-usage"),
                config.auth().usageFlush().toSeconds(), InstantSource.system());
        environment.lifecycle().manage(usage);
        environment.jersey().register(new RateLimitFilter(new JdbiRateLimiter(jdbi), usage, InstantSource.system()));
    }

    /**
     * Each key's chats and tokens, added to the shared totals every {@code auth.usageFlush}, and the token budgets
     * they are held to before each chat.
     */
    private static UsageMeter usageMeter(GatewayConfiguration config, Environment environment, JdbiUsageLedger ledger) {
        UsageMeter meter = new UsageMeter(ledger, BackgroundTimer.named(environment, "chat-usage"),
                config.auth().usageFlush().toSeconds(), InstantSource.system());
        environment.lifecycle().manage(meter);
        environment.jersey().register(new BudgetFilter(meter, InstantSource.system()));
        return meter;
    }
}
