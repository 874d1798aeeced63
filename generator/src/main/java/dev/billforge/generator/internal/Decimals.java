package dev.billforge.generator.internal;

import java.math.BigDecimal;

/** Exact decimals as the answers and the generated files write them. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal parse(String option, String text, String what) {
        if (text == null || !text.matches("\\d+(\\.\\d+)?")) {
            throw new InvalidAnswerException(option, what + " '" + text + "' is not a non-negative decimal like 19 or 0.001");
        }
        return normal(new BigDecimal(text));
    }

    static BigDecimal normal(BigDecimal value) {
        BigDecimal d = value.stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** Amount in the currency's major unit to minor units (cents); refuses fractions of a cent. */
    static long minorUnits(String option, BigDecimal major) {
        BigDecimal minor = major.movePointRight(2);
        if (minor.stripTrailingZeros().scale() > 0) {
            throw new InvalidAnswerException(option, "price " + major.toPlainString() + " has fractions of a cent");
        }
        return minor.longValueExact();
    }

    static String plain(BigDecimal value) {
        return normal(value).toPlainString();
    }
}
