package org.sn1gateway.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Brings a database's schema up to date from {@code migrations/changelog.yml} on the classpath. */
public final class SchemaMigrations {
    public static final String CHANGELOG = "migrations/changelog.yml";

    static {
        // Liquibase 4.30+ would otherwise try to phone home with usage analytics.
        setUnlessSet("liquibase.analytics.enabled", "false");
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private SchemaMigrations() {
    }

    /** Applies every pending changeset; safe to run from several gateways at once (Liquibase locks). */
    public static void apply(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // Its summary and messages go to the log: commands such as `timings --format json` own standard output.
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrations.class.getClassLoader()),
                    Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                            .execute());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("applying " + CHANGELOG + " failed: " + e.getMessage(), e);
        }
    }
}
