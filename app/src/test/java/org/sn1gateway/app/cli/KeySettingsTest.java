package org.sn1gateway.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.access.ApiKey;
import org.sn1gateway.domain.access.BudgetPeriod;
import org.sn1gateway.domain.access.TokenBudget;

/** What {@code keys create} and {@code keys update} make of their options, and the mistakes they refuse. */
class KeySettingsTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final ApiKey BLANK = ApiKey.created("abc123", "unnamed", null, NOW);

    private static Namespace options(String... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new Namespace(values);
    }

    @Test
    void aNewKeysBudgetCoversTheMonthUnlessADayIsAskedFor() {
        assertThat(KeySettings.create(BLANK, options("token_budget", "5000"), NOW).budget())
                .isEqualTo(new TokenBudget(5000, BudgetPeriod.MONTH));
        assertThat(KeySettings.create(BLANK, options("token_budget", "5000", "budget_period", "day"), NOW).budget())
                .isEqualTo(new TokenBudget(5000, BudgetPeriod.DAY));
    }

    @Test
    void expiresInADurationFromNowOrAtAnInstantOrADay() {
        assertThat(KeySettings.create(BLANK, options("expires_in", "30d"), NOW).expiresAt())
                .isEqualTo(Instant.parse("2027-01-03T10:00:00Z"));
        assertThat(KeySettings.create(BLANK, options("expires_at", "2027-01-31T12:00:00+02:00"), NOW).expiresAt())
                .isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
        assertThat(KeySettings.create(BLANK, options("expires_at", "2027-01-31"), NOW).expiresAt())
                .isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
    }

    @Test
    void anUpdateChangesWhatItIsGivenAndNoneRemovesASetting() {
        ApiKey key = BLANK.withRateLimit(60).withBudget(new TokenBudget(100, BudgetPeriod.DAY))
                .withExpiry(Instant.parse("2027-01-01T00:00:00Z"));

        ApiKey periodOnly = KeySettings.update(key, options("budget_period", "month"), NOW);
        ApiKey cleared = KeySettings.update(key, options("rate_limit", "none", "token_budget", "none",
                "expires_at", "none"), NOW);

        assertThat(periodOnly).isEqualTo(key.withBudget(new TokenBudget(100, BudgetPeriod.MONTH)));
        assertThat(cleared.rateLimit()).isEmpty();
        assertThat(cleared.tokenBudget()).isEmpty();
        assertThat(cleared.expiry()).isEmpty();
        assertThat(KeySettings.update(key, options("expires_at", "2020-01-01"), NOW).expiredAt(NOW))
                .as("an operator may expire a key at once").isTrue();
    }

    @Test
    void refusesWhatCannotBeMeantWithOneClearLine() {
        assertThatThrownBy(() -> KeySettings.create(BLANK, options("token_budget", "0"), NOW))
                .hasMessage("--token-budget must be at least 1 token");
        assertThatThrownBy(() -> KeySettings.create(BLANK, options("token_budget", "lots"), NOW))
                .hasMessage("--token-budget must be a whole number, not lots");
        assertThatThrownBy(() -> KeySettings.create(BLANK, options("budget_period", "day"), NOW))
                .hasMessage("--budget-period needs --token-budget");
        assertThatThrownBy(() -> KeySettings.create(BLANK, options("expires_at", "next week"), NOW))
                .hasMessageStartingWith("--expires-at must be ISO-8601");
        assertThatThrownBy(() -> KeySettings.create(BLANK, options("expires_at", "2020-01-01"), NOW))
                .hasMessageContaining("not in the future");
        assertThatThrownBy(() -> KeySettings.update(BLANK, options(), NOW)).hasMessageStartingWith("nothing to change");
        assertThatThrownBy(() -> KeySettings.update(BLANK, options("budget_period", "day"), NOW))
                .hasMessageContaining("the key has no budget");
        assertThatThrownBy(() -> KeySettings.update(BLANK, options("rate_limit", "0"), NOW))
                .hasMessage("--rate-limit must be at least 1 request per minute");
    }
}
