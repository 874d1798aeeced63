package dev.billforge.billing.internal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /stripe/webhook}: the raw body is bound as a String so the signature is checked on exact bytes. */
@RestController
class WebhookController {

	private final WebhookProcessor processor;

	WebhookController(WebhookProcessor processor) {
		this.processor = processor;
	}

	@PostMapping(path = "/stripe/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> receive(@RequestBody(required = false) String payload,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		WebhookProcessor.Result result = processor.handle(payload, signature);
		return switch (result) {
			case REJECTED -> ResponseEntity.badRequest().body("{\"error\":\"invalid_signature\"}");
			case FAILED -> ResponseEntity.internalServerError().body("{\"error\":\"processing_failed\"}");
			default -> ResponseEntity.ok("{\"received\":true,\"result\":\"" + result.name().toLowerCase() + "\"}");
		};
	}

}
