package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.billforge.billing.BillingProperties;
import dev.billforge.notifications.MailLinks;

/**
 * Stripe's return URLs use the app's one public base URL unless billing is given its own.
 */
class PublicUrlsTest {

	@Test
	void checkoutReturnsToTheAppsPublicBaseUrlWhenBillingHasNoneOfItsOwn() {
		PublicUrls urls = new PublicUrls(new BillingProperties(),
				new MailLinks("https://docs.example.com/", () -> 8080));

		assertThat(urls.checkoutSuccess())
			.isEqualTo("https://docs.example.com/billing/checkout/success?session_id={CHECKOUT_SESSION_ID}");
		assertThat(urls.checkoutCancel()).startsWith("https://docs.example.com/billing/checkout/cancel?");
	}

	@Test
	void billingsOwnBaseUrlWins() {
		BillingProperties properties = new BillingProperties();
		properties.setPublicBaseUrl("https://billing.example.com/");
		PublicUrls urls = new PublicUrls(properties, new MailLinks("https://docs.example.com", () -> 8080));

		assertThat(urls.base()).isEqualTo("https://billing.example.com");
	}

	@Test
	void withoutAnyConfiguredBaseTheLocalPortIsUsed() {
		PublicUrls urls = new PublicUrls(new BillingProperties(), new MailLinks(null, () -> 41234));

		assertThat(urls.base()).isEqualTo("http://localhost:41234");
	}

}
