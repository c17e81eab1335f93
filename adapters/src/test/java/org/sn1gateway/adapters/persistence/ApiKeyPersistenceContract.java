package org.sn1gateway.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.access.ApiKey;
import org.sn1gateway.domain.access.BudgetPeriod;
import org.sn1gateway.domain.access.TokenBudget;
import org.sn1gateway.domain.access.RateDecision;

/** What key storage and shared rate limits must do on every database; one subclass per database. */
abstract class ApiKeyPersistenceContract {
    private static final Instant CREATED = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant TEN_SECONDS_IN = Instant.parse("2026-11-24T10:00:10Z");

    private final TestDatabase database = database();
    private final Jdbi jdbi = database.jdbi();
    private final JdbiApiKeyStore keys = new JdbiApiKeyStore(jdbi);

    abstract TestDatabase database();

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private ApiKey newKey(Integer limit) {
        ApiKey key = ApiKey.created("k" + UUID.randomUUID().toString().substring(0, 8), "test", limit, CREATED);
        keys.create(key, UUID.randomUUID().toString().replace("-", ""));
        return key;
    }

    @Test
    void findsAnActiveKeyByTheHashOfItsSecretOnlyUntilItIsRevoked() {
        ApiKey key = ApiKey.created("kfind0001", "ci", 30, CREATED);
        keys.create(key, "a".repeat(64));

        assertThat(keys.findActive("a".repeat(64))).contains(key);
        assertThat(keys.findActive("b".repeat(64))).isEmpty();
        assertThat(keys.anyActive()).isTrue();

        assertThat(keys.revoke("kfind0001", CREATED.plusSeconds(60))).isTrue();
        assertThat(keys.revoke("kfind0001", CREATED.plusSeconds(61))).as("already revoked").isFalse();
        assertThat(keys.revoke("nosuchkey", CREATED)).isFalse();
        assertThat(keys.findActive("a".repeat(64))).isEmpty();
        assertThat(keys.list()).filteredOn(listed -> listed.id().equals("kfind0001")).singleElement()
                .satisfies(listed -> assertThat(listed.revokedAt()).isEqualTo(CREATED.plusSeconds(60)));
    }

    @Test
    void keepsABudgetAndAnExpiryAndUpdatesWhatAnOperatorMayChange() {
        ApiKey key = ApiKey.created("kbudget01", "team", null, CREATED)
                .withBudget(new TokenBudget(50_000, BudgetPeriod.DAY)).withExpiry(CREATED.plusSeconds(3600));
        keys.create(key, "c".repeat(64));

        assertThat(keys.findActive("c".repeat(64))).contains(key);
        assertThat(keys.find("kbudget01")).contains(key);

        ApiKey changed = key.withName("team-b").withRateLimit(10).withBudget(new TokenBudget(9, BudgetPeriod.MONTH))
                .withExpiry(null);
        assertThat(keys.update(changed)).isTrue();
        assertThat(keys.find("kbudget01")).contains(changed);
        assertThat(keys.update(changed.withBudget(null))).isTrue();
        assertThat(keys.find("kbudget01").orElseThrow().tokenBudget()).isEmpty();

        assertThat(keys.update(ApiKey.created("nosuchkey", "x", null, CREATED))).isFalse();
        keys.revoke("kbudget01", CREATED.plusSeconds(1));
        assertThat(keys.update(changed)).as("a revoked key stays as it was").isFalse();
    }

    @Test
    void addsUsageInBatchesAndKeepsTheLatestUse() {
        ApiKey key = newKey(null);

        keys.addUsage(Map.of(key.id(), 3L), CREATED.plusSeconds(10));
        keys.addUsage(Map.of(key.id(), 2L), CREATED.plusSeconds(5));

        ApiKey used = keys.list().stream().filter(listed -> listed.id().equals(key.id())).findFirst().orElseThrow();
        assertThat(used.requests()).isEqualTo(5);
        assertThat(used.lastUsedAt()).isEqualTo(CREATED.plusSeconds(10));
    }

    @Test
    void allowsTheLimitPerMinuteThenRefusesWithTheWaitAndCountsOnlyAllowedRequests() {
        ApiKey key = newKey(2);
        JdbiRateLimiter limiter = new JdbiRateLimiter(jdbi);

        RateDecision first = limiter.tryAcquire(key.id(), 2, TEN_SECONDS_IN);
        RateDecision second = limiter.tryAcquire(key.id(), 2, TEN_SECONDS_IN.plusSeconds(1));
        RateDecision third = limiter.tryAcquire(key.id(), 2, TEN_SECONDS_IN.plusSeconds(2));
        RateDecision fourth = limiter.tryAcquire(key.id(), 2, TEN_SECONDS_IN.plusSeconds(3));

        assertThat(first.allowed()).isTrue();
        assertThat(first.remaining()).isEqualTo(1);
        assertThat(second.allowed()).isTrue();
        assertThat(second.remaining()).isZero();
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfter().toSeconds()).as("48 s to the next minute, 30 s into it").isEqualTo(78);
        assertThat(fourth.allowed()).isFalse();
        // Two minutes on, the minute with two requests no longer weighs.
        assertThat(limiter.tryAcquire(key.id(), 2, TEN_SECONDS_IN.plusSeconds(120)).allowed()).isTrue();
    }

    @Test
    void instancesSharingTheDatabaseTogetherAllowExactlyTheLimit() throws Exception {
        ApiKey key = newKey(7);
        // Two limiters over separate connection pools stand for two gateway instances.
        List<JdbiRateLimiter> instances = List.of(new JdbiRateLimiter(database.jdbi()),
                new JdbiRateLimiter(database.jdbi()));
        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            JdbiRateLimiter instance = instances.get(i % 2);
            requests.add(() -> instance.tryAcquire(key.id(), 7, TEN_SECONDS_IN).allowed());
        }

        long allowed;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            allowed = pool.invokeAll(requests).stream().filter(ApiKeyPersistenceContract::get).count();
        }

        assertThat(allowed).isEqualTo(7);
    }

    @Test
    void purgesCountersNoWindowReadsAnyMore() {
        ApiKey key = newKey(5);
        JdbiRateLimiter limiter = new JdbiRateLimiter(jdbi);
        limiter.tryAcquire(key.id(), 5, TEN_SECONDS_IN);
        limiter.tryAcquire(key.id(), 5, TEN_SECONDS_IN.plusSeconds(60));

        limiter.purgeOlderThan(TEN_SECONDS_IN.plusSeconds(150));

        assertThat(limiter.tryAcquire(key.id(), 5, TEN_SECONDS_IN.plusSeconds(60)).remaining())
                .as("this minute's counter is kept").isEqualTo(3);
        long rows = database.observer().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM api_key_window WHERE key_id = :id").bind("id", key.id()).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
    }

    private static boolean get(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
