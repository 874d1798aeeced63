package dev.billforge.stripe.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Configuration of a {@link StripeEmulator}. Build with {@link #builder()}.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param stateDirectory where the JSON state snapshot lives; empty keeps state in memory
 * only
 * @param publicBaseUrl base URL people's browsers use for hosted pages; empty uses
 * {@code http://127.0.0.1:port}
 * @param clock the emulator's notion of "now" for objects not attached to a test clock
 * @param chaos chaotic webhook delivery, or empty for orderly delivery
 * @param dunning retry schedule for failed subscription payments
 * @param draftWindow how long a subscription invoice stays draft before automatic
 * finalization
 * @param asyncSettlementDelay how long a delayed (async) payment method takes to settle
 * @param webhookInitialBackoff first retry delay of a failed webhook delivery (doubles
 * each time)
 * @param webhookMaxAttempts attempts per event and endpoint before delivery gives up
 * @param tickInterval how often the emulator advances real-time work (finalization,
 * retries, expiry)
 * @param apiKey the only secret key accepted; empty accepts any {@code sk_test_...} key
 * @param bindAddress address to listen on; empty is the loopback address (a container
 * publishing the port needs {@code 0.0.0.0})
 */
public record EmulatorConfig(int port, Optional<Path> stateDirectory, Optional<String> publicBaseUrl, Clock clock,
		Optional<WebhookChaos> chaos, DunningSchedule dunning, Duration draftWindow, Duration asyncSettlementDelay,
		Duration webhookInitialBackoff, int webhookMaxAttempts, Duration tickInterval, Optional<String> apiKey,
		Optional<String> bindAddress) {

	public EmulatorConfig {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be 0..65535");
		}
		if (webhookMaxAttempts < 1) {
			throw new IllegalArgumentException("webhookMaxAttempts must be >= 1");
		}
		stateDirectory = stateDirectory == null ? Optional.empty() : stateDirectory;
		publicBaseUrl = publicBaseUrl == null ? Optional.empty() : publicBaseUrl.map(EmulatorConfig::trimSlash);
		chaos = chaos == null ? Optional.empty() : chaos;
		apiKey = apiKey == null ? Optional.empty() : apiKey;
		bindAddress = bindAddress == null ? Optional.empty() : bindAddress.filter(a -> !a.isBlank());
		apiKey.ifPresent(key -> {
			if (!key.startsWith("sk_test_") || key.length() <= "sk_test_".length()) {
				throw new IllegalArgumentException("the emulator accepts only test-mode secret keys (sk_test_...)");
			}
		});
	}

	private static String trimSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Defaults: free port, in-memory state, system UTC clock, orderly delivery, standard
	 * dunning.
	 */
	public static EmulatorConfig defaults() {
		return builder().build();
	}

	/** Builder with sensible defaults for every field. */
	public static final class Builder {

		private int port;

		private Path stateDirectory;

		private String publicBaseUrl;

		private Clock clock = Clock.systemUTC();

		private WebhookChaos chaos;

		private DunningSchedule dunning = DunningSchedule.standard();

		private Duration draftWindow = Duration.ofHours(1);

		private Duration asyncSettlementDelay = Duration.ofMinutes(1);

		private Duration webhookInitialBackoff = Duration.ofSeconds(1);

		private int webhookMaxAttempts = 8;

		private Duration tickInterval = Duration.ofSeconds(1);

		private String apiKey;

		private String bindAddress;

		public Builder port(int port) {
			this.port = port;
			return this;
		}

		public Builder stateDirectory(Path dir) {
			this.stateDirectory = dir;
			return this;
		}

		public Builder publicBaseUrl(String url) {
			this.publicBaseUrl = url;
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		public Builder chaos(WebhookChaos chaos) {
			this.chaos = chaos;
			return this;
		}

		public Builder dunning(DunningSchedule dunning) {
			this.dunning = dunning;
			return this;
		}

		public Builder draftWindow(Duration window) {
			this.draftWindow = window;
			return this;
		}

		public Builder asyncSettlementDelay(Duration delay) {
			this.asyncSettlementDelay = delay;
			return this;
		}

		public Builder webhookInitialBackoff(Duration backoff) {
			this.webhookInitialBackoff = backoff;
			return this;
		}

		public Builder webhookMaxAttempts(int attempts) {
			this.webhookMaxAttempts = attempts;
			return this;
		}

		public Builder tickInterval(Duration interval) {
			this.tickInterval = interval;
			return this;
		}

		/** Accept only this {@code sk_test_...} key (default: any test key). */
		public Builder apiKey(String key) {
			this.apiKey = key;
			return this;
		}

		/**
		 * Listen on this address instead of the loopback address ({@code 0.0.0.0}: every
		 * interface).
		 */
		public Builder bindAddress(String address) {
			this.bindAddress = address;
			return this;
		}

		public EmulatorConfig build() {
			return new EmulatorConfig(port, Optional.ofNullable(stateDirectory), Optional.ofNullable(publicBaseUrl),
					clock, Optional.ofNullable(chaos), dunning, draftWindow, asyncSettlementDelay,
					webhookInitialBackoff, webhookMaxAttempts, tickInterval, Optional.ofNullable(apiKey),
					Optional.ofNullable(bindAddress));
		}

	}
}
