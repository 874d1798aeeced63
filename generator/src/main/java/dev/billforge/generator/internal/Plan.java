package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A subscription plan: a price per interval in the currency's major unit, credits included per
 * period, and an optional overage price per credit beyond them (no overage when null).
 */
public record Plan(String key, BigDecimal price, BigDecimal includedCredits, BigDecimal overage, String interval) {

    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,29}");
    private static final List<String> INTERVALS = List.of("day", "week", "month", "year");

    public Plan {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidAnswerException("--plan", "plan key '" + key + "' must be lower case letters, digits and _ (starting with a letter)");
        }
        price = Decimals.normal(price);
        Decimals.minorUnits("--plan", price);
        includedCredits = Decimals.normal(includedCredits);
        overage = overage == null ? null : Decimals.normal(overage);
        interval = interval == null ? "month" : interval;
        if (!INTERVALS.contains(interval)) {
            throw new InvalidAnswerException("--plan", "interval of plan '" + key + "' must be one of " + INTERVALS);
        }
    }

    /**
     * Parses {@code key:price:includedCredits[:overage=perCredit][:interval=month]}, e.g.
     * {@code team:99:15000:overage=0.01}.
     */
    public static Plan parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 3) {
            throw new InvalidAnswerException("--plan", "'" + text + "' is not key:price:included-credits[:overage=0.01][:interval=month]");
        }
        String key = parts[0].strip();
        BigDecimal price = Decimals.parse("--plan", parts[1].strip(), "price of plan '" + key + "'");
        BigDecimal included = Decimals.parse("--plan", parts[2].strip(), "included credits of plan '" + key + "'");
        BigDecimal overage = null;
        String interval = null;
        for (int i = 3; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("overage=")) {
                overage = Decimals.parse("--plan", p.substring(8), "overage of plan '" + key + "'");
            } else if (p.startsWith("interval=")) {
                interval = p.substring(9);
            } else {
                throw new InvalidAnswerException("--plan", "unknown part '" + p + "' in '" + text + "' (overage=<price per credit> or interval=<day|week|month|year>)");
            }
        }
        return new Plan(key, price, included, overage, interval);
    }

    String intervalSuffix() {
        return switch (interval) {
            case "day" -> "daily";
            case "week" -> "weekly";
            case "year" -> "yearly";
            default -> "monthly";
        };
    }
}
