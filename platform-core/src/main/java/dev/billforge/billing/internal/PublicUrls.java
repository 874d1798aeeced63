package dev.billforge.billing.internal;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.billforge.billing.BillingProperties;

/** Builds the URLs Stripe sends people back to — from configuration, never from the client. */
@Component
class PublicUrls implements ApplicationListener<WebServerInitializedEvent> {

	private final BillingProperties properties;

	private volatile int port = 8080;

	PublicUrls(BillingProperties properties) {
		this.properties = properties;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getWebServer().getPort() > 0) {
			port = event.getWebServer().getPort();
		}
	}

	String base() {
		String base = StringUtils.hasText(properties.getPublicBaseUrl()) ? properties.getPublicBaseUrl()
				: "http://localhost:" + port;
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	String checkoutSuccess() {
		return base() + "/billing/checkout/success?session_id={CHECKOUT_SESSION_ID}";
	}

	String checkoutCancel() {
		return base() + "/billing/checkout/cancel?session_id={CHECKOUT_SESSION_ID}";
	}

	String returnPage(String outcome) {
		String path = properties.getReturnPath().startsWith("/") ? properties.getReturnPath() : "/" + properties.getReturnPath();
		return base() + path + (path.contains("?") ? "&" : "?") + "billing=" + outcome;
	}

}
