package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.store.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Automatic tax on an invoice whose {@code automatic_tax.enabled} is true: every line
 * (plan, proration and invoice items such as overage alike) is taxed at the rate of the
 * customer's country ({@link TaxTable}), exclusive, on its amount after discounts.
 * Without an address the status is {@code requires_location_input} and nothing is taxed,
 * as on Stripe.
 */
final class InvoiceTax {

	private InvoiceTax() {
	}

	/**
	 * Sets each line's {@code taxes}, the invoice's {@code total_taxes} and
	 * {@code automatic_tax.status}.
	 */
	static long apply(ObjectNode inv, ArrayNode lines) {
		ObjectNode automatic = (ObjectNode) inv.get("automatic_tax");
		ArrayNode totals = inv.putArray("total_taxes");
		lines.forEach(l -> ((ObjectNode) l).putArray("taxes"));
		if (automatic == null || !automatic.path("enabled").asBoolean(false)) {
			return 0;
		}
		String country = Json.str(inv.path("customer_address"), "country");
		if (country == null) {
			automatic.put("status", "requires_location_input");
			return 0;
		}
		automatic.put("status", "complete");
		automatic.putObject("liability").put("type", "self");
		String reason = TaxTable.collects(country) ? "standard_rated" : "not_collecting";
		long taxSum = 0;
		long taxableSum = 0;
		for (JsonNode line : lines) {
			long taxable = line.path("amount").asLong();
			for (JsonNode da : line.path("discount_amounts")) {
				taxable -= da.path("amount").asLong();
			}
			long amount = TaxTable.tax(taxable, country);
			((ArrayNode) line.get("taxes")).add(entry(amount, taxable, country, reason));
			taxSum += amount;
			taxableSum += taxable;
		}
		totals.add(entry(taxSum, taxableSum, country, reason));
		return taxSum;
	}

	private static ObjectNode entry(long amount, long taxable, String country, String reason) {
		ObjectNode t = Json.obj();
		t.put("amount", amount);
		t.put("tax_behavior", "exclusive");
		t.putObject("tax_rate_details").put("tax_rate", TaxTable.taxRateId(country));
		t.put("taxability_reason", reason);
		t.put("taxable_amount", taxable);
		t.put("type", "tax_rate_details");
		return t;
	}

}
