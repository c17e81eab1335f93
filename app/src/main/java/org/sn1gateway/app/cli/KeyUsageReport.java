package org.sn1gateway.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sn1gateway.app.api.DailyUsageView;
import org.sn1gateway.app.api.KeyUsageView;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.domain.access.ApiKey;
import org.sn1gateway.domain.access.ApiKeyStore;
import org.sn1gateway.domain.access.DailyUsage;
import org.sn1gateway.domain.access.UsageLedger;

/**
 * {@code keys usage}: for each key, what {@code GET /v1/usage} reports (its current period, budget, what is left,
 * expiry) and its chats and tokens per UTC day. Every active key, and any other with usage in the window (the
 * operator's configured key as {@value ApiClient#OPERATOR_ID}); read from the database, so up to
 * {@code auth.usageFlush} behind a running gateway.
 */
final class KeyUsageReport {
    private static final Pattern DAYS = Pattern.compile("(\\d{1,4})d");
    private static final String CSV_HEADER = "key_id,name,day,requests,prompt_tokens,completion_tokens,total_tokens";

    /** One key: its current period and its days. */
    record Entry(KeyUsageView current, List<DailyUsageView> days) {
    }

    private KeyUsageReport() {
    }

    static List<Entry> of(ApiKeyStore keys, UsageLedger ledger, Optional<String> id, String since, Instant now) {
        LocalDate first = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days(since) - 1);
        Map<String, List<DailyUsage>> byKey = new LinkedHashMap<>();
        ledger.daily(first, id).forEach(day -> byKey.computeIfAbsent(day.keyId(), key -> new ArrayList<>()).add(day));
        List<ApiKey> stored = id.isPresent()
                ? List.of(keys.find(id.get()).orElseThrow(() -> new IllegalArgumentException("no key has the id " + id.get())))
                : keys.list();
        List<Entry> entries = new ArrayList<>();
        for (ApiKey key : stored) {
            if (!key.revoked() || byKey.containsKey(key.id())) {
                entries.add(entry(ledger, key.id(), key.name(), key, byKey.getOrDefault(key.id(), List.of()), now));
            }
        }
        if (id.isEmpty() && byKey.containsKey(ApiClient.OPERATOR_ID)) {
            entries.add(entry(ledger, ApiClient.OPERATOR_ID, "operator", null, byKey.get(ApiClient.OPERATOR_ID), now));
        }
        return entries;
    }

    private static Entry entry(UsageLedger ledger, String id, String name, ApiKey key, List<DailyUsage> days,
                               Instant now) {
        var budget = key == null ? null : key.budget();
        var period = KeyUsageView.periodOf(budget);
        KeyUsageView current = KeyUsageView.of(id, name, budget, key == null ? null : key.expiresAt(),
                ledger.totals(id, period, period.startOf(now)), now);
        return new Entry(current, days.stream().map(day -> DailyUsageView.of(day, name)).toList());
    }

    private static int days(String since) {
        Matcher matcher = DAYS.matcher(since == null ? "7d" : since.strip());
        int days = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
        if (days < 1) {
            throw new IllegalArgumentException("--since must be a number of days such as 7d or 30d, not " + since);
        }
        return days;
    }

    static void print(List<Entry> entries, String format, PrintStream out) throws Exception {
        switch (format) {
            case "json" -> out.println(json(entries));
            case "csv" -> {
                out.println(CSV_HEADER);
                entries.forEach(entry -> entry.days().forEach(day -> out.println(String.join(",", day.keyId(),
                        csv(day.name()), day.day(), Long.toString(day.requests()), Long.toString(day.promptTokens()),
                        Long.toString(day.completionTokens()), Long.toString(day.totalTokens())))));
            }
            default -> table(entries, out);
        }
    }

    /** An array of {@code GET /v1/usage} objects, each with its {@code days}. */
    private static String json(List<Entry> entries) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (Entry entry : entries) {
            ObjectNode key = mapper.valueToTree(entry.current());
            key.set("days", mapper.valueToTree(entry.days()));
            array.add(key);
        }
        return mapper.writeValueAsString(array);
    }

    private static void table(List<Entry> entries, PrintStream out) {
        String keyLine = "%-12s  %-20s  %-6s  %12s  %12s  %12s  %8s  %s%n";
        String dayLine = "    %-10s  %8s  %12s  %12s  %12s%n";
        for (Entry entry : entries) {
            KeyUsageView key = entry.current();
            out.printf(Locale.ROOT, keyLine, "key", "name", "period", "used", "budget", "left", "requests", "expires");
            out.printf(Locale.ROOT, keyLine, key.keyId(), key.name(), key.period() + " ", key.totalTokens(),
                    key.tokenBudget() == null ? "-" : key.tokenBudget(), key.tokensLeft() == null ? "-" : key.tokensLeft(),
                    key.requests(), key.expiresAt() == null ? "never" : key.expiresAt());
            out.printf(Locale.ROOT, dayLine, "day", "requests", "prompt", "completion", "total");
            for (DailyUsageView day : entry.days()) {
                out.printf(Locale.ROOT, dayLine, day.day(), day.requests(), day.promptTokens(), day.completionTokens(),
                        day.totalTokens());
            }
            out.println();
        }
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
