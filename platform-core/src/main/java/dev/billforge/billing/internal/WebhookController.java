package dev.billforge.billing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.billforge.storage.DurableWrites;

/**
 * {@code POST /stripe/webhook}: the raw body is bound as a String so the signature is
 * checked on exact bytes. Stripe never resends an event answered 2xx, so its effects are
 * made durable before that answer; if they cannot be, the answer is 500 and Stripe
 * resends.
 */
@RestController
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	private final WebhookProcessor processor;

	private final DurableWrites durable;

	WebhookController(WebhookProcessor processor, DurableWrites durable) {
		this.processor = processor;
		this.durable = durable;
	}

	@PostMapping(path = "/stripe/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> receive(@RequestBody(required = false) String payload,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		WebhookProcessor.Result result = processor.handle(payload, signature);
		if (result != WebhookProcessor.Result.REJECTED && result != WebhookProcessor.Result.FAILED) {
			try {
				durable.flush();
			}
			catch (RuntimeException ex) {
				log.error("Stripe event processed but not made durable; answering 500 so Stripe resends", ex);
				result = WebhookProcessor.Result.FAILED;
			}
		}
		return switch (result) {
			case REJECTED -> ResponseEntity.badRequest().body("{\"error\":\"invalid_signature\"}");
			case FAILED -> ResponseEntity.internalServerError().body("{\"error\":\"processing_failed\"}");
			default -> ResponseEntity.ok("{\"received\":true,\"result\":\"" + result.name().toLowerCase() + "\"}");
		};
	}

}
