package dev.billforge.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDKs verify org webhooks against {@code sdks/webhook-test-vector.json}; this pins
 * that vector to the platform's own signer, so an SDK can only pass if it checks exactly
 * what the platform sends.
 */
class WebhookSignatureVectorTest {

	@Test
	void sdkTestVectorIsSignedTheWayThePlatformSignsOrgWebhooks() throws Exception {
		JsonNode vector = JsonMapper.builder()
			.build()
			.readTree(Files.readString(Path.of("..", "sdks", "webhook-test-vector.json")));
		String signed = vector.get("timestamp").asLong() + "." + vector.get("body").asString();
		assertThat(vector.get("signature").asString()).isEqualTo("t=" + vector.get("timestamp").asLong() + ",v1="
				+ DeliveryChannels.hmac(vector.get("previousSecret").asString(), signed) + ",v1="
				+ DeliveryChannels.hmac(vector.get("secret").asString(), signed));
	}

}
