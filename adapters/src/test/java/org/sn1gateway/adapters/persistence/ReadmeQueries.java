package org.sn1gateway.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL examples of the README's "Analysing miner timings with SQL", read from README.md itself so that
 * what the tests run is what operators copy. Each is named by its comment line.
 */
final class ReadmeQueries {
    private static final Path README = Path.of("..", "README.md");
    private static final String SECTION = "## Analysing miner timings with SQL";

    private ReadmeQueries() {
    }

    /** The queries by their comment, in the README's order. */
    static Map<String, String> all() {
        String readme;
        try {
            readme = Files.readString(README);
        } catch (IOException e) {
            throw new UncheckedIOException("the tests read the README beside the modules", e);
        }
        int section = readme.indexOf(SECTION);
        int start = readme.indexOf("```sql\n", section);
        int end = readme.indexOf("```", start + 1);
        if (section < 0 || start < 0 || end < 0) {
            throw new IllegalStateException("README.md has no sql block under \"" + SECTION + "\"");
        }
        Map<String, String> queries = new LinkedHashMap<>();
        for (String statement : readme.substring(start + "```sql\n".length(), end).split(";\\s*\n")) {
            String trimmed = statement.strip();
            if (!trimmed.isEmpty()) {
                String title = trimmed.lines().findFirst().orElseThrow();
                queries.put(title.startsWith("--") ? title.substring(2).strip() : title,
                        trimmed.substring(trimmed.indexOf('\n') + 1));
            }
        }
        return queries;
    }

    /** The query whose comment starts with {@code title}. */
    static String named(String title) {
        return all().entrySet().stream().filter(entry -> entry.getKey().startsWith(title)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException("the README has no query \"" + title + "\""));
    }

    /**
     * Runs a query and returns its rows as text, numbers to six decimals: H2 and PostgreSQL type some results
     * differently (an hour as an integer or a numeric), and the comparison is about values and order.
     */
    static List<List<String>> rows(Jdbi jdbi, String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapToMap().list()).stream()
                .map(row -> row.values().stream().map(ReadmeQueries::text).toList()).toList();
    }

    private static String text(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        }
        return Objects.toString(value);
    }
}
