package dev.billforge.billing.internal;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.billforge.storage.DurableWrites;

/**
 * Where Checkout sends the person back. Success finalizes by session id through the same
 * function as the webhook (whichever comes first applies it), then redirects to the
 * product's return page.
 */
@RestController
class CheckoutReturnController {

	private static final Logger log = LoggerFactory.getLogger(CheckoutReturnController.class);

	private final CheckoutFinalizer finalizer;

	private final PublicUrls urls;

	private final DurableWrites durable;

	CheckoutReturnController(CheckoutFinalizer finalizer, PublicUrls urls, DurableWrites durable) {
		this.finalizer = finalizer;
		this.durable = durable;
		this.urls = urls;
	}

	@GetMapping("/billing/checkout/success")
	ResponseEntity<Void> success(@RequestParam(name = "session_id", required = false) String sessionId) {
		String outcome = "checkout_pending";
		if (sessionId != null && sessionId.startsWith("cs_") && sessionId.length() < 200) {
			try {
				String finalized = switch (finalizer.finalizeSession(sessionId)) {
					case PACK_GRANTED, SUBSCRIPTION_SYNCED -> "checkout_complete";
					case PAYMENT_PENDING -> "payment_pending";
					default -> "checkout_pending";
				};
				// The page about to say "complete" must not outlive the grant behind it.
				durable.flush();
				outcome = finalized;
			}
			catch (RuntimeException ex) {
				// The webhook will finish the job; the person still gets a page.
				log.warn("Finalizing {} on return failed; left to the webhook: {}", sessionId, ex.getMessage());
			}
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(urls.returnPage(outcome))).build();
	}

	@GetMapping("/billing/checkout/cancel")
	ResponseEntity<Void> cancel() {
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create(urls.returnPage("checkout_cancelled")))
			.build();
	}

}
