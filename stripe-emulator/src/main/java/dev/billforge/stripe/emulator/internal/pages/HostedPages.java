package dev.billforge.stripe.emulator.internal.pages;

import com.sun.net.httpserver.HttpExchange;
import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.api.Services;
import dev.billforge.stripe.emulator.internal.billing.CheckoutFlow;
import dev.billforge.stripe.emulator.internal.billing.Money;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.PageHandler;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes {@code /checkout/{id}}, {@code /portal/{id}} and {@code /invoice/{id}} to their
 * pages.
 */
public final class HostedPages implements PageHandler {

	private final Services s;

	private final Core core;

	public HostedPages(Services s) {
		this.s = s;
		this.core = s.core();
	}

	@Override
	public void handle(HttpExchange ex, String method, String path, FormParams form) throws IOException {
		String[] parts = path.substring(1).split("/");
		if (parts.length >= 2 && "checkout".equals(parts[0])) {
			checkout(ex, method, parts, form);
		}
		else if (parts.length >= 2 && "portal".equals(parts[0])) {
			new PortalPage(s).handle(ex, method, parts, form);
		}
		else if (parts.length == 2 && "invoice".equals(parts[0]) && "GET".equals(method)) {
			invoice(ex, parts[1]);
		}
		else if (path.equals("/") && "GET".equals(method)) {
			Html.send(ex, 200, Html.page("Stripe emulator", "<h1>Billforge Stripe emulator</h1><p>This server "
					+ "emulates Stripe's API for development. It never takes real payments.</p>"));
		}
		else {
			Html.notFound(ex, "No such page.");
		}
	}

	private void checkout(HttpExchange ex, String method, String[] parts, FormParams form) throws IOException {
		ObjectNode cs = core.store().get("checkout.session", parts[1]);
		if (cs == null) {
			Html.notFound(ex, "This Checkout Session does not exist.");
			return;
		}
		String action = parts.length > 2 ? parts[2] : "";
		if ("POST".equals(method) && "pay".equals(action)) {
			try {
				s.checkout()
					.complete(cs, new CheckoutFlow.Entry(String.valueOf(form.string("method")), form.string("email"),
							form.string("promotion_code"), form.string("country")));
				Html.redirect(ex, Json.str(cs, "success_url").replace("{CHECKOUT_SESSION_ID}", Json.str(cs, "id")));
			}
			catch (ApiError e) {
				Html.send(ex, e.status() == 402 ? 402 : 400, checkoutPage(cs, e.getMessage()));
			}
		}
		else if ("POST".equals(method) && "cancel".equals(action)) {
			String cancel = Json.str(cs, "cancel_url");
			if (cancel != null) {
				Html.redirect(ex, cancel.replace("{CHECKOUT_SESSION_ID}", Json.str(cs, "id")));
			}
			else {
				Html.send(ex, 200, Html.page("Canceled", "<h1>Payment canceled</h1><p>You can close this page.</p>"));
			}
		}
		else if ("GET".equals(method) && action.isEmpty()) {
			Html.send(ex, 200, checkoutPage(cs, null));
		}
		else {
			Html.notFound(ex, "No such page.");
		}
	}

	private String checkoutPage(ObjectNode cs, String error) {
		String id = Json.str(cs, "id");
		String currency = Json.str(cs, "currency");
		StringBuilder b = new StringBuilder();
		boolean subscription = "subscription".equals(Json.str(cs, "mode"));
		JsonNode branding = cs.path("branding_settings");
		String merchant = branding.isObject() ? Json.str(branding, "display_name") : null;
		if (merchant != null) {
			b.append("<p class=\"merchant\">").append(Html.esc(merchant)).append("</p>");
		}
		b.append("<h1>").append(subscription ? "Subscribe" : "Pay").append("</h1><table>");
		for (JsonNode li : cs.path("_line_items")) {
			JsonNode price = li.path("price");
			String per = subscription ? " / " + Json.str(price.path("recurring"), "interval") : "";
			b.append("<tr><td>")
				.append(Html.esc(Json.str(li, "description")))
				.append(" × ")
				.append(li.path("quantity").asLong())
				.append("</td><td class=\"r\">")
				.append(Html.esc(Money.format(li.path("amount_total").asLong(), currency) + per))
				.append("</td></tr>");
		}
		b.append("<tr><td><strong>Total due today</strong></td><td class=\"r\"><strong>")
			.append(Html.esc(Money.format(Json.lng(cs, "amount_total", 0), currency)))
			.append("</strong></td></tr></table>");
		String status = Json.str(cs, "status");
		if (!"open".equals(status)) {
			b.append("<p>This Checkout Session is <strong>").append(Html.esc(status)).append("</strong>.</p>");
			if ("complete".equals(status)) {
				b.append("<p><a href=\"")
					.append(Html.esc(Json.str(cs, "success_url").replace("{CHECKOUT_SESSION_ID}", id)))
					.append("\">Continue</a></p>");
			}
			return Html.page("Checkout", b.toString());
		}
		if (error != null) {
			b.append("<p class=\"error\" role=\"alert\">").append(Html.esc(error)).append("</p>");
		}
		b.append("<form method=\"post\" action=\"/checkout/").append(Html.esc(id)).append("/pay\">");
		if (Json.str(cs, "customer") == null) {
			b.append("<label>Email <input type=\"email\" name=\"email\" required value=\"")
				.append(Html.esc(Json.str(cs, "customer_email")))
				.append("\"></label>");
		}
		if (Json.bool(cs, "allow_promotion_codes")) {
			b.append("<label>Promotion code <input type=\"text\" name=\"promotion_code\" maxlength=\"64\" "
					+ "autocomplete=\"off\"></label>");
		}
		if ("required".equals(Json.str(cs, "billing_address_collection"))
				|| cs.path("automatic_tax").path("enabled").asBoolean(false)) {
			b.append("<label>Billing address country (two letters, e.g. DE) <input type=\"text\" name=\"country\" "
					+ "required minlength=\"2\" maxlength=\"2\" pattern=\"[A-Za-z]{2}\"></label>");
		}
		b.append("<fieldset><legend>Test payment method</legend>");
		radio(b, "card_success", "Card 4242 4242 4242 4242 — succeeds", true);
		radio(b, "card_decline", "Card 4000 0000 0000 0002 — declined", false);
		if (subscription && cs.has("_trial_period_days")
				&& "if_required".equals(Json.str(cs, "payment_method_collection"))) {
			radio(b, "no_card", "Start the trial without a card", false);
		}
		if (!subscription) {
			radio(b, "delayed_success", "Delayed bank debit — succeeds later", false);
			radio(b, "delayed_failure", "Delayed bank debit — fails later", false);
		}
		String buttonColour = branding.isObject() ? Json.str(branding, "button_color") : null;
		// Validated as #RRGGBB when the session was created, so safe inside the
		// attribute.
		String buttonStyle = buttonColour == null ? "" : " style=\"background:" + Html.esc(buttonColour) + "\"";
		b.append("</fieldset><button type=\"submit\"")
			.append(buttonStyle)
			.append(">")
			.append(subscription ? "Subscribe" : "Pay")
			.append("</button></form>");
		b.append("<form method=\"post\" action=\"/checkout/")
			.append(Html.esc(id))
			.append("/cancel\"><button class=\"secondary\" type=\"submit\">Cancel and go back</button></form>");
		b.append("<p class=\"note\">Session ").append(Html.esc(id)).append("</p>");
		return Html.page("Checkout", b.toString());
	}

	private static void radio(StringBuilder b, String value, String label, boolean checked) {
		b.append("<label><input type=\"radio\" name=\"method\" value=\"")
			.append(value)
			.append('"')
			.append(checked ? " checked" : "")
			.append("> ")
			.append(Html.esc(label))
			.append("</label>");
	}

	private void invoice(HttpExchange ex, String id) throws IOException {
		ObjectNode inv = core.store().get("invoice", id);
		if (inv == null) {
			Html.notFound(ex, "This invoice does not exist.");
			return;
		}
		String currency = Json.str(inv, "currency");
		StringBuilder b = new StringBuilder("<h1>Invoice ").append(Html.esc(Json.str(inv, "number"))).append("</h1>");
		b.append("<p>Status: <strong>").append(Html.esc(Json.str(inv, "status"))).append("</strong></p><table>");
		for (JsonNode line : inv.path("lines").path("data")) {
			b.append("<tr><td>")
				.append(Html.esc(Json.str(line, "description")))
				.append("</td><td class=\"r\">")
				.append(Html.esc(Money.format(line.path("amount").asLong(), currency)))
				.append("</td></tr>");
		}
		long discount = Json.lng(inv, "subtotal", 0) - Json.lng(inv, "total_excluding_tax", 0);
		if (discount != 0) {
			b.append("<tr><td>Discount</td><td class=\"r\">−")
				.append(Html.esc(Money.format(discount, currency)))
				.append("</td></tr>");
		}
		for (JsonNode tax : inv.path("total_taxes")) {
			b.append("<tr><td>Tax (")
				.append(Html.esc(Json.str(tax.path("tax_rate_details"), "tax_rate")))
				.append(")</td><td class=\"r\">")
				.append(Html.esc(Money.format(tax.path("amount").asLong(), currency)))
				.append("</td></tr>");
		}
		b.append("<tr><td><strong>Amount due</strong></td><td class=\"r\"><strong>")
			.append(Html.esc(Money.format(Json.lng(inv, "amount_due", 0), currency)))
			.append("</strong></td></tr></table>");
		Html.send(ex, 200, Html.page("Invoice", b.toString()));
	}

	static String date(long epoch) {
		return Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC).toLocalDate().toString();
	}

}
