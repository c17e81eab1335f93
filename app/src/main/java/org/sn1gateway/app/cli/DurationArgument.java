package org.sn1gateway.app.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration on the command line: short ({@code 90s}, {@code 30m}, {@code 1h}, {@code 7d}) or Dropwizard's ({@code 2 hours}). */
final class DurationArgument {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd])");

    private DurationArgument() {
    }

    static Duration parse(String text) {
        Matcher matcher = SHORT.matcher(text.strip());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        return io.dropwizard.util.Duration.parse(text).toJavaDuration();
    }
}
