package dev.billforge.stripe.emulator.internal.pages;

import com.sun.net.httpserver.HttpExchange;
import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.api.Services;
import dev.billforge.stripe.emulator.internal.billing.Money;
import dev.billforge.stripe.emulator.internal.billing.Subscriptions;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Billing Portal: a customer's live subscriptions with "switch plan" (prorated and
 * invoiced at once), "cancel at period end" and "reactivate", and a link back to the
 * return URL.
 */
final class PortalPage {

	private final Services s;

	private final Core core;

	PortalPage(Services s) {
		this.s = s;
		this.core = s.core();
	}

	void handle(HttpExchange ex, String method, String[] parts, FormParams form) throws IOException {
		ObjectNode session = core.store().get("billing_portal.session", parts[1]);
		if (session == null) {
			Html.notFound(ex, "This portal session does not exist.");
			return;
		}
		String action = parts.length > 2 ? parts[2] : "";
		if ("GET".equals(method) && action.isEmpty()) {
			Html.send(ex, 200, page(session, null));
			return;
		}
		if (!"POST".equals(method)) {
			Html.notFound(ex, "No such page.");
			return;
		}
		ObjectNode sub = core.find("subscription", form.string("subscription"));
		if (sub == null || !Objects.equals(Json.str(sub, "customer"), Json.str(session, "customer"))) {
			Html.send(ex, 404, page(session, "That subscription does not belong to this customer."));
			return;
		}
		try {
			switch (action) {
				case "cancel" -> s.subscriptions().update(sub, new Subscriptions.Update(List.of(), true, "none", null));
				case "reactivate" ->
					s.subscriptions().update(sub, new Subscriptions.Update(List.of(), false, "none", null));
				case "switch" -> {
					ObjectNode item = s.subscriptions().items(sub).get(0);
					s.subscriptions()
						.update(sub, new Subscriptions.Update(List.of(new Subscriptions.ItemSpec(Json.str(item, "id"),
								form.string("price"), null, false, "price")), null, "always_invoice", null));
				}
				default -> {
					Html.notFound(ex, "No such action.");
					return;
				}
			}
			Html.redirect(ex, "/portal/" + Json.str(session, "id"));
		}
		catch (ApiError e) {
			Html.send(ex, 400, page(session, e.getMessage()));
		}
	}

	private String page(ObjectNode session, String error) {
		String id = Json.str(session, "id");
		ObjectNode customer = core.store().get("customer", Json.str(session, "customer"));
		StringBuilder b = new StringBuilder("<h1>Manage your plan</h1>");
		b.append("<p class=\"note\">").append(Html.esc(Json.str(customer, "email"))).append("</p>");
		if (error != null) {
			b.append("<p class=\"error\" role=\"alert\">").append(Html.esc(error)).append("</p>");
		}
		List<ObjectNode> subs = core.store()
			.where("subscription",
					x -> Json.str(session, "customer").equals(Json.str(x, "customer"))
							&& !"canceled".equals(Json.str(x, "status"))
							&& !"incomplete_expired".equals(Json.str(x, "status")));
		if (subs.isEmpty()) {
			b.append("<p>No active subscription.</p>");
		}
		for (ObjectNode sub : subs) {
			subscription(b, id, sub);
		}
		String back = Json.str(session, "return_url");
		if (back != null) {
			b.append("<p><a href=\"").append(Html.esc(back)).append("\">Return</a></p>");
		}
		return Html.page("Billing portal", b.toString());
	}

	private void subscription(StringBuilder b, String sessionId, ObjectNode sub) {
		List<ObjectNode> items = s.subscriptions().items(sub);
		if (items.isEmpty()) {
			return;
		}
		ObjectNode item = items.get(0);
		ObjectNode price = core.store().get("price", Json.str(item, "price"));
		ObjectNode product = core.store().get("product", Json.str(price, "product"));
		String subId = Json.str(sub, "id");
		String currency = Json.str(price, "currency");
		String interval = Json.str(price.path("recurring"), "interval");
		b.append("<section><h2>")
			.append(Html.esc(Json.str(product, "name")))
			.append("</h2><p>")
			.append(Html.esc(Money.format(Json.lng(price, "unit_amount", 0), currency)))
			.append(" / ")
			.append(Html.esc(interval))
			.append(" · status <strong>")
			.append(Html.esc(Json.str(sub, "status")))
			.append("</strong></p>");
		long end = Json.lng(item, "current_period_end", 0);
		boolean ending = Json.bool(sub, "cancel_at_period_end");
		b.append("<p>").append(ending ? "Cancels on " : "Renews on ").append(HostedPages.date(end)).append("</p>");
		String hidden = "<input type=\"hidden\" name=\"subscription\" value=\"" + Html.esc(subId) + "\">";
		b.append("<form method=\"post\" action=\"/portal/")
			.append(Html.esc(sessionId))
			.append(ending ? "/reactivate\">" + hidden + "<button type=\"submit\">Reactivate</button>"
					: "/cancel\">" + hidden
							+ "<button class=\"secondary\" type=\"submit\">Cancel at period end</button>")
			.append("</form>");
		List<ObjectNode> options = core.store()
			.where("price",
					p -> Json.bool(p, "active") && "recurring".equals(Json.str(p, "type"))
							&& currency.equals(Json.str(p, "currency"))
							&& interval.equals(Json.str(p.path("recurring"), "interval"))
							&& !Json.str(p, "id").equals(Json.str(price, "id")));
		if (!options.isEmpty()) {
			b.append("<form method=\"post\" action=\"/portal/")
				.append(Html.esc(sessionId))
				.append("/switch\">")
				.append(hidden)
				.append("<label>Switch plan <select name=\"price\">");
			for (ObjectNode option : options) {
				ObjectNode optionProduct = core.store().get("product", Json.str(option, "product"));
				b.append("<option value=\"")
					.append(Html.esc(Json.str(option, "id")))
					.append("\">")
					.append(Html.esc(Json.str(optionProduct, "name")))
					.append(" — ")
					.append(Html.esc(Money.format(Json.lng(option, "unit_amount", 0), currency)))
					.append(" / ")
					.append(Html.esc(interval))
					.append("</option>");
			}
			b.append("</select></label><button type=\"submit\">Switch now (prorated)</button></form>");
		}
		b.append("</section>");
	}

}
