package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A price's amount in one of its currencies: its own {@code currency}, or an entry of its
 * {@code currency_options} (stored as {@code _currency_options}, which also lists the
 * price's own currency, as Stripe's expanded {@code currency_options} does).
 */
public final class PriceCurrencies {

	/** Where a price keeps its {@code currency_options}; rendered only when expanded. */
	public static final String FIELD = "_currency_options";

	private PriceCurrencies() {
	}

	public static boolean sells(ObjectNode price, String currency) {
		return currency == null || currency.equalsIgnoreCase(Json.str(price, "currency"))
				|| price.path(FIELD).has(currency.toLowerCase(Locale.ROOT));
	}

	/**
	 * The unit amount in {@code currency} (null: the price's own); refused when the price
	 * is not sold in it.
	 */
	public static long unitAmount(ObjectNode price, String currency, String param) {
		if (currency == null || currency.equalsIgnoreCase(Json.str(price, "currency"))) {
			return Json.lng(price, "unit_amount", 0);
		}
		JsonNode option = price.path(FIELD).path(currency.toLowerCase(Locale.ROOT));
		if (option.isMissingNode() || option.isNull()) {
			throw ApiError.invalid(param,
					"The price `" + Json.str(price, "id") + "` does not have a `" + currency.toLowerCase(Locale.ROOT)
							+ "` currency option. Add it to the price's `currency_options` " + "or use a price in `"
							+ currency.toLowerCase(Locale.ROOT) + "`.");
		}
		return Json.lng(option, "unit_amount", 0);
	}

}
