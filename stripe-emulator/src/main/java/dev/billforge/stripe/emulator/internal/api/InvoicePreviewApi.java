package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.billing.InvoicePreviews;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.Router;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/invoices/create_preview} (registered before {@code /v1/invoices/{id}}).
 */
final class InvoicePreviewApi {

	private final InvoicePreviews previews;

	InvoicePreviewApi(Services s) {
		this.previews = new InvoicePreviews(s.core(), s.subscriptions(), s.invoices());
	}

	void register(Router router) {
		router.post("/v1/invoices/create_preview", this::preview);
	}

	private JsonNode preview(ApiRequest r) {
		FormParams p = r.params().allowOnly("customer", "subscription", "expand");
		String subscription = p.string("subscription");
		if (subscription == null) {
			throw ApiError.invalid("subscription",
					"The emulator previews a subscription's next invoice only; " + "pass subscription.");
		}
		return previews.preview(p.string("customer"), subscription);
	}

}
