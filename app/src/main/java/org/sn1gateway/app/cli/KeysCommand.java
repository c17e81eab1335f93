package org.sn1gateway.app.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.time.Instant;
import java.util.Locale;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.jdbi.v3.core.Jdbi;
import org.sn1gateway.adapters.persistence.JdbiApiKeyStore;
import org.sn1gateway.adapters.persistence.SchemaMigrations;
import org.sn1gateway.app.auth.KeySecrets;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.domain.access.ApiKey;
import org.sn1gateway.domain.access.ApiKeyStore;

/**
 * {@code keys create [--name N] [--rate-limit R] | list | revoke ID config.yml}: manages the stored API
 * keys. A new key's secret is printed once; the database keeps only its hash. Works while the server runs,
 * which sees a new or revoked key within its cache time ({@code auth.cacheFor}).
 */
public final class KeysCommand extends ConfiguredCommand<GatewayConfiguration> {
    public KeysCommand() {
        super("keys", "Creates, lists and revokes API keys");
    }

    @Override
    public void configure(Subparser subparser) {
        Subparsers actions = subparser.addSubparsers().dest("action").metavar("ACTION");
        Subparser create = actions.addParser("create").help("create a key and print its secret once");
        create.addArgument("--name").setDefault("unnamed").help("who or what the key is for");
        create.addArgument("--rate-limit").type(Integer.class).metavar("R")
                .help("requests per minute (default: no limit)");
        withFile(create);
        withFile(actions.addParser("list").help("list the keys (never their secrets)"));
        Subparser revoke = actions.addParser("revoke").help("revoke a key by its id");
        revoke.addArgument("id").help("the key's id, as keys list shows it");
        withFile(revoke);
    }

    private static void withFile(Subparser action) {
        action.addArgument("file").nargs("?").help("application configuration file");
    }

    /** A wrong id or a bad limit is the operator's to fix: one line, no stack trace. */
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
            ApiKeyStore keys = new JdbiApiKeyStore(Jdbi.create(dataSource));
            switch (namespace.getString("action")) {
                case "create" -> create(keys, namespace.getString("name"), namespace.getInt("rate_limit"));
                case "list" -> list(keys);
                case "revoke" -> revoke(keys, namespace.getString("id"));
                default -> throw new IllegalArgumentException("unknown action " + namespace.getString("action"));
            }
        } finally {
            dataSource.stop();
        }
    }

    private static void create(ApiKeyStore keys, String name, Integer rateLimit) {
        if (rateLimit != null && rateLimit < 1) {
            throw new IllegalArgumentException("--rate-limit must be at least 1 request per minute");
        }
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("--name must be 1 to 100 characters");
        }
        KeySecrets.NewSecret secret = KeySecrets.generate();
        keys.create(ApiKey.created(secret.id(), name, rateLimit, Instant.now()), KeySecrets.hash(secret.secret()));
        System.out.println("id: " + secret.id());
        System.out.println("key: " + secret.secret());
    }

    private static void list(ApiKeyStore keys) {
        String format = "%-12s  %-20s  %-10s  %-20s  %-20s  %9s  %s%n";
        System.out.printf(Locale.ROOT, format, "id", "name", "rate/min", "created", "last used", "requests",
                "status");
        for (ApiKey key : keys.list()) {
            System.out.printf(Locale.ROOT, format, key.id(), key.name(),
                    key.rateLimit().map(String::valueOf).orElse("-"), seconds(key.createdAt()),
                    key.lastUsedAt() == null ? "-" : seconds(key.lastUsedAt()), key.requests(),
                    key.revoked() ? "revoked " + seconds(key.revokedAt()) : "active");
        }
    }

    private static void revoke(ApiKeyStore keys, String id) {
        if (!keys.revoke(Objects.requireNonNull(id), Instant.now())) {
            throw new IllegalArgumentException("no active key has the id " + id);
        }
        System.out.println("revoked: " + id);
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
