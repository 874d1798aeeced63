package dev.billforge.sdk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against the shared vector that platform-core's WebhookSignatureVectorTest pins to the
 * platform's signer.
 */
class WebhooksTest {

	private final JsonNode vector;

	WebhooksTest() throws Exception {
		vector = JsonMapper.builder().build().readTree(Files.readString(Path.of("..", "webhook-test-vector.json")));
	}

	private Instant signedAt() {
		return Instant.ofEpochSecond(vector.get("timestamp").asLong());
	}

	@Test
	void platformSignedWebhookVerifiesWithTheCurrentOrThePreviousSecret() {
		for (String secret : List.of(vector.get("secret").asString(), vector.get("previousSecret").asString())) {
			assertThatCode(() -> Webhooks.verify(vector.get("body").asString(), vector.get("signature").asString(),
					List.of(secret), Webhooks.DEFAULT_TOLERANCE, signedAt().plusSeconds(30)))
				.doesNotThrowAnyException();
		}
	}

	@Test
	void changedBodyWrongSecretOrOldSignatureIsRefused() {
		String body = vector.get("body").asString();
		String header = vector.get("signature").asString();
		assertThatThrownBy(() -> Webhooks.verify(body.replace("90", "10"), header,
				List.of(vector.get("secret").asString()), Webhooks.DEFAULT_TOLERANCE, signedAt()))
			.isInstanceOf(Webhooks.InvalidSignature.class);
		assertThatThrownBy(
				() -> Webhooks.verify(body, header, List.of("whsec_other"), Webhooks.DEFAULT_TOLERANCE, signedAt()))
			.isInstanceOf(Webhooks.InvalidSignature.class);
		assertThatThrownBy(() -> Webhooks.verify(body, header, List.of(vector.get("secret").asString()),
				Webhooks.DEFAULT_TOLERANCE, signedAt().plus(Duration.ofMinutes(6))))
			.isInstanceOf(Webhooks.InvalidSignature.class);
	}

}
