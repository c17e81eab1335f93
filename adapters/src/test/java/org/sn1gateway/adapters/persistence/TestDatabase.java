package org.sn1gateway.adapters.persistence;

import java.sql.Connection;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database for one test class: H2 in memory, or a schema of its own in the machine's
 * PostgreSQL (127.0.0.1:5432, database {@code test}; .ci/run makes sure it is up). No skipping: a
 * PostgreSQL test fails when the server is down.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String POSTGRES_HOST = System.getProperty("sn1.postgres.host", "127.0.0.1");
    public static final String POSTGRES_DATABASE = System.getProperty("sn1.postgres.database", "test");
    public static final String POSTGRES_USER = System.getProperty("sn1.postgres.user", "postgres");

    private final String name;
    private final String url;
    private final DataSource dataSource;
    private final Runnable cleanup;

    private TestDatabase(String name, String url, DataSource dataSource, Runnable cleanup, boolean migrated) {
        this.name = name;
        this.url = url;
        this.dataSource = dataSource;
        this.cleanup = cleanup;
        if (migrated) {
            SchemaMigrations.apply(dataSource);
        }
    }

    public static TestDatabase h2() {
        return h2(true);
    }

    /** @param migrated false for an empty database, to test the migrations themselves */
    public static TestDatabase h2(boolean migrated) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // An in-memory database ends with the JVM.
        return new TestDatabase("H2", h2.getURL(), h2, () -> { }, migrated);
    }

    public static TestDatabase postgres() {
        return postgres(true);
    }

    /** @param migrated false for an empty schema, to test the migrations themselves */
    public static TestDatabase postgres(boolean migrated) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        PGSimpleDataSource admin = postgresDataSource(null);
        Jdbi.create(admin).useHandle(handle -> handle.execute("CREATE SCHEMA " + schema));
        return new TestDatabase("PostgreSQL", postgresUrl(schema), postgresDataSource(schema),
                () -> Jdbi.create(admin).useHandle(handle -> handle.execute("DROP SCHEMA " + schema + " CASCADE")),
                migrated);
    }

    /** The JDBC URL of the machine's PostgreSQL test database, with an optional schema of its own. */
    public static String postgresUrl(String schema) {
        return "jdbc:postgresql://" + POSTGRES_HOST + ":5432/" + POSTGRES_DATABASE
                + (schema == null ? "" : "?currentSchema=" + schema);
    }

    private static PGSimpleDataSource postgresDataSource(String schema) {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(postgresUrl(schema));
        postgres.setUser(POSTGRES_USER);
        postgres.setConnectTimeout(5);
        return postgres;
    }

    /** The JDBC URL, for a gateway or a command to open the same database. */
    public String url() {
        return url;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Hands out connections with autocommit off, as Dropwizard's pool does, so writers must commit. */
    public Jdbi jdbi() {
        return Jdbi.create(() -> {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return connection;
        });
    }

    /** A separate plain connection, to see only what was committed. */
    public Jdbi observer() {
        return Jdbi.create(dataSource);
    }

    @Override
    public void close() {
        cleanup.run();
    }

    @Override
    public String toString() {
        return name;
    }
}
