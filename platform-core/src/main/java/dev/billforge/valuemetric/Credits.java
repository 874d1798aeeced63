package dev.billforge.valuemetric;

import java.math.BigDecimal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An exact amount of the tenant's credit unit. Never a floating point number: amounts are
 * {@link BigDecimal}s compared by value ({@code 1.0} equals {@code 1}) and written as
 * plain strings.
 */
public record Credits(BigDecimal amount) implements Comparable<Credits> {

	public static final Credits ZERO = new Credits(BigDecimal.ZERO);

	public Credits {
		Objects.requireNonNull(amount, "amount");
		amount = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
		if (amount.scale() < 0) {
			amount = amount.setScale(0);
		}
	}

	@JsonCreator
	public static Credits of(String amount) {
		return new Credits(new BigDecimal(amount));
	}

	public static Credits of(long amount) {
		return new Credits(BigDecimal.valueOf(amount));
	}

	public Credits plus(Credits other) {
		return new Credits(amount.add(other.amount));
	}

	public Credits minus(Credits other) {
		return new Credits(amount.subtract(other.amount));
	}

	public Credits min(Credits other) {
		return compareTo(other) <= 0 ? this : other;
	}

	public Credits max(Credits other) {
		return compareTo(other) >= 0 ? this : other;
	}

	/** This amount, or zero when it is negative. */
	public Credits atLeastZero() {
		return amount.signum() < 0 ? ZERO : this;
	}

	public boolean isPositive() {
		return amount.signum() > 0;
	}

	public boolean isZero() {
		return amount.signum() == 0;
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	public boolean isGreaterThan(Credits other) {
		return compareTo(other) > 0;
	}

	public boolean isLessThan(Credits other) {
		return compareTo(other) < 0;
	}

	@Override
	public int compareTo(Credits other) {
		return amount.compareTo(other.amount);
	}

	@JsonValue
	@Override
	public String toString() {
		return amount.toPlainString();
	}

}
