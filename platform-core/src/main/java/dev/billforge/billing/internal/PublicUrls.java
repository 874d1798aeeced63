package dev.billforge.billing.internal;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.billforge.billing.BillingProperties;
import dev.billforge.notifications.MailLinks;

/**
 * Builds the URLs Stripe sends people back to — from configuration, never from the
 * client: {@code billforge.billing.public-base-url} if set, else the app's one public
 * base URL ({@code PUBLIC_BASE_URL}, which {@link MailLinks} also builds mail links
 * from).
 */
@Component
class PublicUrls {

	private final BillingProperties properties;

	private final MailLinks links;

	PublicUrls(BillingProperties properties, MailLinks links) {
		this.properties = properties;
		this.links = links;
	}

	String base() {
		String base = StringUtils.hasText(properties.getPublicBaseUrl()) ? properties.getPublicBaseUrl().strip()
				: links.base();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	String checkoutSuccess() {
		return base() + "/billing/checkout/success?session_id={CHECKOUT_SESSION_ID}";
	}

	String checkoutCancel() {
		return base() + "/billing/checkout/cancel?session_id={CHECKOUT_SESSION_ID}";
	}

	String returnPage(String outcome) {
		String path = properties.getReturnPath().startsWith("/") ? properties.getReturnPath()
				: "/" + properties.getReturnPath();
		return base() + path + (path.contains("?") ? "&" : "?") + "billing=" + outcome;
	}

}
