package dev.billforge.generator.internal;

import java.math.BigDecimal;

/** A one-time credit pack: {@code credits} for {@code price} in the currency's major unit. */
public record Pack(BigDecimal credits, BigDecimal price) {

    public Pack {
        credits = Decimals.normal(credits);
        if (credits.signum() <= 0 || credits.scale() > 0) {
            throw new InvalidAnswerException("--pack", "credits of a pack must be a positive whole number, not " + credits.toPlainString());
        }
        price = Decimals.normal(price);
        if (price.signum() <= 0) {
            throw new InvalidAnswerException("--pack", "price of the " + credits.toPlainString() + " credit pack must be positive");
        }
        Decimals.minorUnits("--pack", price);
    }

    /** Parses {@code credits:price}, e.g. {@code 1000:10}. */
    public static Pack parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new InvalidAnswerException("--pack", "'" + text + "' is not credits:price (e.g. 1000:10)");
        }
        return new Pack(Decimals.parse("--pack", parts[0].strip(), "credits"),
                Decimals.parse("--pack", parts[1].strip(), "price"));
    }

    String key() {
        return "pack_" + credits.toPlainString();
    }
}
