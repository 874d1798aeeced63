package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.http.Router;

/** Registers every resource on a router. */
public final class Api {

	private final WebhookApi webhooks;

	private final Router router = new Router();

	public Api(Services s) {
		new CustomerApi(s).register(router);
		new CatalogApi(s).register(router);
		new CheckoutApi(s).register(router);
		new CouponApi(s).register(router);
		new SubscriptionApi(s).register(router);
		new InvoicePreviewApi(s).register(router);
		new InvoiceApi(s).register(router);
		new PaymentApi(s).register(router);
		new PaymentIntentApi(s).register(router);
		webhooks = new WebhookApi(s);
		webhooks.register(router);
		new TestHelperApi(s).register(router);
	}

	public Router router() {
		return router;
	}

	public WebhookApi webhooks() {
		return webhooks;
	}

}
