package org.sn1gateway.app.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.jdbi.v3.core.Jdbi;
import org.sn1gateway.adapters.persistence.JdbiApiKeyStore;
import org.sn1gateway.adapters.persistence.JdbiUsageLedger;
import org.sn1gateway.adapters.persistence.SchemaMigrations;
import org.sn1gateway.app.auth.KeySecrets;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.domain.access.ApiKey;
import org.sn1gateway.domain.access.ApiKeyStore;

/**
 * {@code keys create [settings] | update ID [settings] | list | revoke ID | usage [ID] [--since 7d]
 * [--format table|json|csv] config.yml}: manages the stored API keys (settings: {@link KeySettings}). A new key's
 * secret is printed once; the database keeps only its hash. Works while the server runs, which sees a new,
 * changed or revoked key within its cache time ({@code auth.cacheFor}).
 */
public final class KeysCommand extends ConfiguredCommand<GatewayConfiguration> {
    public KeysCommand() {
        super("keys", "Creates, updates, lists and revokes API keys, and reports their usage");
    }

    @Override
    public void configure(Subparser subparser) {
        Subparsers actions = subparser.addSubparsers().dest("action").metavar("ACTION");
        Subparser create = actions.addParser("create").help("create a key and print its secret once");
        KeySettings.addTo(create, false);
        withFile(create);
        Subparser update = actions.addParser("update").help("change a key's name, rate limit, budget or expiry");
        update.addArgument("id").help("the key's id, as keys list shows it");
        KeySettings.addTo(update, true);
        withFile(update);
        withFile(actions.addParser("list").help("list the keys (never their secrets)"));
        Subparser revoke = actions.addParser("revoke").help("revoke a key by its id");
        revoke.addArgument("id").help("the key's id, as keys list shows it");
        withFile(revoke);
        Subparser usage = actions.addParser("usage").help("chats and tokens per key and UTC day, and each key's budget");
        usage.addArgument("id").nargs("?").help("only this key (default: every key)");
        usage.addArgument("--since").setDefault("7d").help("days back, counting today: 7d (the default), 30d");
        usage.addArgument("--format").choices("table", "json", "csv").setDefault("table").help("output format");
        withFile(usage);
    }

    private static void withFile(Subparser action) {
        action.addArgument("file").nargs("?").help("application configuration file");
    }

    /** {@code keys usage config.yml}: the one word after {@code usage} is the file, not a key's id. */
    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        if ("usage".equals(namespace.getString("action")) && namespace.getString("file") == null) {
            namespace.getAttrs().put("file", namespace.getAttrs().put("id", null));
        }
        super.run(bootstrap, namespace);
    }

    /** A wrong id or a bad setting is the operator's to fix: one line, no stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        cli.getStdErr().println("keys " + namespace.getString("action") + ": " + error.getMessage());
    }

    @Override
    protected void run(Bootstrap<GatewayConfiguration> bootstrap, Namespace namespace, GatewayConfiguration config)
            throws Exception {
        ManagedDataSource dataSource = config.database().build(bootstrap.getMetricRegistry(), "keys");
        try {
            SchemaMigrations.apply(dataSource);
            Jdbi jdbi = Jdbi.create(dataSource);
            ApiKeyStore keys = new JdbiApiKeyStore(jdbi);
            Instant now = Instant.now();
            switch (namespace.getString("action")) {
                case "create" -> create(keys, namespace, now);
                case "update" -> update(keys, namespace, now);
                case "list" -> list(keys, now);
                case "revoke" -> revoke(keys, namespace.getString("id"));
                case "usage" -> KeyUsageReport.print(KeyUsageReport.of(keys, new JdbiUsageLedger(jdbi),
                                Optional.ofNullable(namespace.getString("id")), namespace.getString("since"), now),
                        namespace.getString("format"), System.out);
                default -> throw new IllegalArgumentException("unknown action " + namespace.getString("action"));
            }
        } finally {
            dataSource.stop();
        }
    }

    private static void create(ApiKeyStore keys, Namespace options, Instant now) {
        KeySecrets.NewSecret secret = KeySecrets.generate();
        ApiKey key = KeySettings.create(ApiKey.created(secret.id(), "unnamed", null, now), options, now);
        keys.create(key, KeySecrets.hash(secret.secret()));
        System.out.println("id: " + secret.id());
        System.out.println("key: " + secret.secret());
    }

    private static void update(ApiKeyStore keys, Namespace options, Instant now) {
        String id = options.getString("id");
        ApiKey key = keys.find(id).filter(found -> !found.revoked())
                .orElseThrow(() -> new IllegalArgumentException("no active key has the id " + id));
        ApiKey changed = KeySettings.update(key, options, now);
        if (!keys.update(changed)) {
            throw new IllegalArgumentException("no active key has the id " + id);
        }
        System.out.println("updated: " + id + " (" + describe(changed) + ")");
    }

    private static String describe(ApiKey key) {
        return "name " + key.name() + ", rate limit " + key.rateLimit().map(limit -> limit + "/min").orElse("none")
                + ", token budget " + budget(key) + ", expires " + key.expiry().map(KeysCommand::seconds).orElse("never");
    }

    private static String budget(ApiKey key) {
        return key.tokenBudget().map(budget -> budget.tokens() + "/" + budget.period().wireName()).orElse("-");
    }

    private static void list(ApiKeyStore keys, Instant now) {
        String format = "%-12s  %-20s  %-8s  %-16s  %-20s  %-20s  %-20s  %9s  %s%n";
        System.out.printf(Locale.ROOT, format, "id", "name", "rate/min", "token budget", "expires", "created",
                "last used", "requests", "status");
        for (ApiKey key : keys.list()) {
            System.out.printf(Locale.ROOT, format, key.id(), key.name(),
                    key.rateLimit().map(String::valueOf).orElse("-"), budget(key),
                    key.expiry().map(KeysCommand::seconds).orElse("-"), seconds(key.createdAt()),
                    key.lastUsedAt() == null ? "-" : seconds(key.lastUsedAt()), key.requests(), status(key, now));
        }
    }

    private static String status(ApiKey key, Instant now) {
        if (key.revoked()) {
            return "revoked " + seconds(key.revokedAt());
        }
        return key.expiredAt(now) ? "expired" : "active";
    }

    private static void revoke(ApiKeyStore keys, String id) {
        if (!keys.revoke(Objects.requireNonNull(id), Instant.now())) {
            throw new IllegalArgumentException("no active key has the id " + id);
        }
        System.out.println("revoked: " + id);
    }

    static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
