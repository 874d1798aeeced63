package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import dev.billforge.storage.DurableWrites;

/**
 * Stripe never resends an event answered 2xx: the answer comes only after its effects
 * were made durable, and a failure to make them durable answers 500 so Stripe resends.
 */
class WebhookDurabilityTest {

	final List<String> steps = new ArrayList<>();

	final WebhookProcessor processor = mock(WebhookProcessor.class);

	@Test
	void aProcessedEventIsFlushedBeforeItIsAcknowledged() {
		when(processor.handle(any(), any())).thenAnswer(call -> {
			steps.add("processed");
			return WebhookProcessor.Result.PROCESSED;
		});
		ResponseEntity<String> answer = new WebhookController(processor, () -> steps.add("flushed")).receive("{}",
				"t=1");
		steps.add("answered " + answer.getStatusCode().value());
		assertThat(steps).containsExactly("processed", "flushed", "answered 200");
	}

	@Test
	void anEventThatCannotBeMadeDurableIsAnswered500SoStripeResends() {
		when(processor.handle(any(), any())).thenReturn(WebhookProcessor.Result.PROCESSED);
		DurableWrites broken = () -> {
			throw new IllegalStateException("disk full");
		};
		ResponseEntity<String> answer = new WebhookController(processor, broken).receive("{}", "t=1");
		assertThat(answer.getStatusCode().value()).isEqualTo(500);
	}

	@Test
	void aPaidCheckoutReturnIsFlushedBeforeThePageSaysComplete() {
		CheckoutFinalizer finalizer = mock(CheckoutFinalizer.class);
		when(finalizer.finalizeSession("cs_1")).thenReturn(CheckoutFinalizer.Outcome.PACK_GRANTED);
		PublicUrls urls = mock(PublicUrls.class);
		when(urls.returnPage(any())).thenAnswer(call -> "/?billing=" + call.getArgument(0));
		DurableWrites broken = () -> {
			throw new IllegalStateException("disk full");
		};
		assertThat(new CheckoutReturnController(finalizer, urls, () -> steps.add("flushed")).success("cs_1")
			.getHeaders()
			.getLocation()).hasToString("/?billing=checkout_complete");
		assertThat(steps).containsExactly("flushed");
		assertThat(new CheckoutReturnController(finalizer, urls, broken).success("cs_1").getHeaders().getLocation())
			.hasToString("/?billing=checkout_pending");
	}

}
