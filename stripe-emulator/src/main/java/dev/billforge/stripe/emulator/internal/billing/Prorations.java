package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proration lines for a change at {@code now} inside the period [{@code start},
 * {@code end}): a credit for the unused time on the old price and a charge for the
 * remaining time on the new one, rounded to minor units.
 */
final class Prorations {

	/**
	 * A proration line keeps the item's quantity, as Stripe's do; its unit amount is the
	 * prorated one.
	 */
	private record Line(long amount, long quantity, String description, String price, String product) {
	}

	private final Core core;

	private final long now;

	private final long start;

	private final long end;

	private final List<Line> lines = new ArrayList<>();

	/** The subscription's currency: prices are prorated at their amount in it. */
	private final String currency;

	Prorations(Core core, long now, long start, long end, String currency) {
		this.currency = currency;
		this.core = core;
		this.now = now;
		this.start = start;
		this.end = end;
	}

	void credit(ObjectNode oldPrice, long quantity) {
		long amount = -prorated(PriceCurrencies.unitAmount(oldPrice, currency, "items") * quantity);
		lines.add(new Line(amount, quantity,
				"Unused time on " + quantity + " × " + productName(oldPrice) + " after " + date(now),
				Json.str(oldPrice, "id"), Json.str(oldPrice, "product")));
	}

	void charge(ObjectNode newPrice, long quantity) {
		long amount = prorated(PriceCurrencies.unitAmount(newPrice, currency, "items") * quantity);
		lines.add(new Line(amount, quantity,
				"Remaining time on " + quantity + " × " + productName(newPrice) + " after " + date(now),
				Json.str(newPrice, "id"), Json.str(newPrice, "product")));
	}

	boolean isEmpty() {
		return lines.isEmpty();
	}

	/** Creates the lines as pending proration invoice items of the subscription. */
	void createItems(InvoiceItems items, ObjectNode sub) {
		for (Line line : lines) {
			items.create(new InvoiceItems.Spec(Json.str(sub, "customer"), line.amount(), Json.str(sub, "currency"),
					line.quantity(), unitAmountDecimal(line.amount(), line.quantity()), line.price(), line.product(),
					null, Json.str(sub, "id"), line.description(), null, now, end, true));
		}
	}

	/**
	 * Exact when it can be, else to 12 decimal places (Stripe's unit_amount_decimal
	 * allows 12).
	 */
	private static String unitAmountDecimal(long amount, long quantity) {
		BigDecimal unit = BigDecimal.valueOf(amount)
			.divide(BigDecimal.valueOf(quantity), 12, java.math.RoundingMode.HALF_EVEN);
		return unit.stripTrailingZeros().toPlainString();
	}

	private long prorated(long fullAmount) {
		if (end <= start) {
			return 0;
		}
		BigDecimal fraction = BigDecimal.valueOf(end - now)
			.divide(BigDecimal.valueOf(end - start), MathContext.DECIMAL64);
		return Money.round(BigDecimal.valueOf(fullAmount).multiply(fraction));
	}

	private String productName(ObjectNode price) {
		ObjectNode product = core.store().get("product", Json.str(price, "product"));
		return product == null ? "subscription" : Json.str(product, "name");
	}

	private static String date(long epoch) {
		return Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC).toLocalDate().toString();
	}

}
