package dev.billforge.stripe.emulator.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

	private static final String BODY = "{\"id\":\"evt_1\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\","
			+ "\"type\":\"customer.created\",\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}";

	@Test
	void signatureIsAcceptedByStripeJava() throws Exception {
		long now = System.currentTimeMillis() / 1000;

		Event event = Webhook.constructEvent(BODY, WebhookSigner.header("whsec_abc", now, BODY), "whsec_abc");

		assertThat(event.getId()).isEqualTo("evt_1");
	}

	@Test
	void signatureWithAnotherSecretIsRejected() {
		long now = System.currentTimeMillis() / 1000;

		assertThatThrownBy(
				() -> Webhook.constructEvent(BODY, WebhookSigner.header("whsec_other", now, BODY), "whsec_abc"))
			.isInstanceOf(SignatureVerificationException.class);
	}

}
