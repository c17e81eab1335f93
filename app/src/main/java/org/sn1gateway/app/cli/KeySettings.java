package org.sn1gateway.app.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import net.sourceforge.argparse4j.inf.ArgumentGroup;
import net.sourceforge.argparse4j.inf.MutuallyExclusiveGroup;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.sn1gateway.domain.access.ApiKey;
import org.sn1gateway.domain.access.BudgetPeriod;
import org.sn1gateway.domain.access.TokenBudget;

/**
 * The settings {@code keys create} and {@code keys update} share: {@code --name}, {@code --rate-limit R},
 * {@code --token-budget N} with {@code --budget-period day|month}, and {@code --expires-in 30d} or
 * {@code --expires-at ISO-8601}. On update, {@code none} clears a rate limit, budget or expiry, and what is not
 * given stays as it was.
 */
final class KeySettings {
    static final String NONE = "none";

    private KeySettings() {
    }

    static void addTo(Subparser action, boolean update) {
        String clear = update ? "; none removes it" : "";
        action.addArgument("--name").help("who or what the key is for");
        action.addArgument("--rate-limit").metavar("R").help("requests per minute (default: no limit)" + clear);
        ArgumentGroup budget = action.addArgumentGroup("token budget");
        budget.addArgument("--token-budget").metavar("N")
                .help("the most tokens (prompt and completion) per period; past it chats get 429 insufficient_quota"
                        + clear);
        budget.addArgument("--budget-period").choices("day", "month")
                .help("the UTC period the budget covers" + (update ? "" : " (default: month)"));
        MutuallyExclusiveGroup expiry = action.addMutuallyExclusiveGroup("expiry");
        expiry.addArgument("--expires-in").metavar("DURATION").help("expires this long from now: 30d, 12h, 90m");
        expiry.addArgument("--expires-at").metavar("ISO-8601")
                .help("expires at this instant (2027-01-31T00:00:00Z) or day (2027-01-31, midnight UTC)" + clear);
    }

    /** A new key's settings: what was given, the rest unset; the period defaults to the month. */
    static ApiKey create(ApiKey blank, Namespace options, Instant now) {
        if (options.getString("budget_period") != null && options.getString("token_budget") == null) {
            throw new IllegalArgumentException("--budget-period needs --token-budget");
        }
        ApiKey key = apply(blank, options, now);
        if (key.expiredAt(now)) {
            throw new IllegalArgumentException("the expiry " + key.expiresAt() + " is not in the future");
        }
        return key;
    }

    /** An existing key with what was given changed; at least one setting must be. */
    static ApiKey update(ApiKey key, Namespace options, Instant now) {
        boolean anything = java.util.stream.Stream.of("name", "rate_limit", "token_budget", "budget_period",
                "expires_in", "expires_at").anyMatch(option -> options.getString(option) != null);
        if (!anything) {
            throw new IllegalArgumentException("nothing to change: give --name, --rate-limit, --token-budget, "
                    + "--budget-period, --expires-in or --expires-at");
        }
        return apply(key, options, now);
    }

    private static ApiKey apply(ApiKey key, Namespace options, Instant now) {
        ApiKey changed = key;
        String name = options.getString("name");
        if (name != null) {
            if (name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("--name must be 1 to 100 characters");
            }
            changed = changed.withName(name);
        }
        String rate = options.getString("rate_limit");
        if (rate != null) {
            changed = changed.withRateLimit(NONE.equals(rate) ? null
                    : (int) positive("--rate-limit", rate, "request per minute"));
        }
        changed = changed.withBudget(budget(changed.budget(), options.getString("token_budget"),
                options.getString("budget_period")));
        return changed.withExpiry(expiry(changed.expiresAt(), options, now));
    }

    private static TokenBudget budget(TokenBudget current, String tokens, String period) {
        if (NONE.equals(tokens)) {
            return null;
        }
        if (tokens == null && period == null) {
            return current;
        }
        if (tokens == null && current == null) {
            throw new IllegalArgumentException("--budget-period needs --token-budget: the key has no budget");
        }
        BudgetPeriod newPeriod = period != null ? BudgetPeriod.fromWireName(period)
                : current != null ? current.period() : BudgetPeriod.MONTH;
        long newTokens = tokens != null ? positive("--token-budget", tokens, "token") : current.tokens();
        return new TokenBudget(newTokens, newPeriod);
    }

    private static Instant expiry(Instant current, Namespace options, Instant now) {
        String in = options.getString("expires_in");
        String at = options.getString("expires_at");
        if (in != null) {
            var duration = DurationArgument.parse(in);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("--expires-in must be a positive duration such as 30d");
            }
            return now.plus(duration);
        }
        if (at == null) {
            return current;
        }
        return NONE.equals(at) ? null : instant(at);
    }

    /** An ISO-8601 instant, with {@code Z} or an offset, or a date (midnight UTC). */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException("--expires-at must be ISO-8601, such as 2027-01-31T00:00:00Z "
                        + "or 2027-01-31, not " + text);
            }
        }
    }

    private static long positive(String option, String text, String unit) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not " + text);
        }
        if (value < 1 || option.equals("--rate-limit") && value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be at least 1 " + unit);
        }
        return value;
    }
}
