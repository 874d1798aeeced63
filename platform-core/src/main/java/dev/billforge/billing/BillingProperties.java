package dev.billforge.billing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe billing settings under {@code billforge.billing}. The secrets also come from the
 * env variables {@code STRIPE_SECRET_KEY} and {@code STRIPE_WEBHOOK_SECRET}
 * (comma-separated during rotation), which is how a deployment should set them.
 */
@ConfigurationProperties("billforge.billing")
public class BillingProperties {

	/**
	 * Stripe secret key (sk_test_... or sk_live_...); env STRIPE_SECRET_KEY. Unset: the
	 * emulator (dev only).
	 */
	private String stripeSecretKey;

	/**
	 * Webhook signing secrets (whsec_...); several are accepted during rotation. Env
	 * STRIPE_WEBHOOK_SECRET.
	 */
	private List<String> webhookSecrets = new ArrayList<>();

	/**
	 * Public base URL of this app, used for Checkout success/cancel and Portal return
	 * URLs. Unset: http://localhost:port.
	 */
	private String publicBaseUrl;

	/**
	 * Where Checkout success and cancel land, relative to the public base URL (a UI page
	 * may finalize there too).
	 */
	private String returnPath = "/";

	/** How long a past_due subscription keeps access before new work is blocked. */
	private Duration pastDueGrace = Duration.ofDays(7);

	/** Maximum age of a webhook signature timestamp. */
	private Duration webhookTolerance = Duration.ofSeconds(300);

	/**
	 * Stripe client: automatic retries (with the same idempotency key) on network errors,
	 * 409, 429 and 5xx.
	 */
	private int maxNetworkRetries = 2;

	private Duration connectTimeout = Duration.ofSeconds(10);

	private Duration readTimeout = Duration.ofSeconds(30);

	private final Emulator emulator = new Emulator();

	private final Catalog catalog = new Catalog();

	private final Jobs jobs = new Jobs();

	private final AutoTopUp autoTopUp = new AutoTopUp();

	/** Automatic top-up of prepaid credits (docs/billing.md, "Automatic top-up"). */
	public static class AutoTopUp {

		/**
		 * Failed purchases in a row (declined, authentication required, no card) after
		 * which auto top-up turns itself off.
		 */
		private int maxFailures = 3;

		/**
		 * After a failed purchase, how long before a commit below the threshold tries
		 * again.
		 */
		private Duration retryAfter = Duration.ofHours(1);

		/**
		 * How often purchases left pending (a crash, Stripe down) are resumed and retries
		 * that came due are run.
		 */
		private Duration sweepInterval = Duration.ofMinutes(5);

		public int getMaxFailures() {
			return maxFailures;
		}

		public void setMaxFailures(int maxFailures) {
			this.maxFailures = maxFailures;
		}

		public Duration getRetryAfter() {
			return retryAfter;
		}

		public void setRetryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
		}

		public Duration getSweepInterval() {
			return sweepInterval;
		}

		public void setSweepInterval(Duration sweepInterval) {
			this.sweepInterval = sweepInterval;
		}

	}

	private final Tax tax = new Tax();

	/** Stripe Tax: {@code billforge.billing.tax.enabled}. */
	public static class Tax {

		/**
		 * Checkout and the invoices of its subscriptions compute tax
		 * ({@code automatic_tax[enabled]}), with the billing address and tax IDs
		 * collected. Needs Stripe Tax set up (registrations, origin address) on the
		 * account.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public Tax getTax() {
		return tax;
	}

	/** The in-process Stripe emulator (development and tests only). */
	public static class Emulator {

		/**
		 * Run the emulator although storage is external (development switch). Unset: only
		 * with the embedded storage default. Ignored when a Stripe secret key is set.
		 */
		private Boolean enabled;

		/** Port of the emulator on 127.0.0.1; 0 picks a free one. */
		private int port = 0;

		/**
		 * Base URL browsers use for the emulator's hosted Checkout and Portal pages.
		 * Unset: http://127.0.0.1:port.
		 */
		private String publicBaseUrl;

		/**
		 * Base URL of an emulator running as its own service (e.g.
		 * http://stripe-emulator:12111 in compose) instead of in-process; needs the
		 * development switch {@code enabled=true}.
		 */
		private String url;

		/**
		 * Where that emulator service delivers webhooks to this app. Unset:
		 * http://127.0.0.1:port/stripe/webhook.
		 */
		private String webhookUrl;

		public Boolean getEnabled() {
			return enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public int getPort() {
			return port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public String getPublicBaseUrl() {
			return publicBaseUrl;
		}

		public void setPublicBaseUrl(String publicBaseUrl) {
			this.publicBaseUrl = publicBaseUrl;
		}

		public String getUrl() {
			return url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getWebhookUrl() {
			return webhookUrl;
		}

		public void setWebhookUrl(String webhookUrl) {
			this.webhookUrl = webhookUrl;
		}

	}

	/** Catalog as code. */
	public static class Catalog {

		/** The tenant's catalog file. A missing file means "nothing to push". */
		private String location = "classpath:catalog.yml";

		/**
		 * Push the catalog file to Stripe and exit (0 = pushed or nothing to do, 1 =
		 * failed).
		 */
		private boolean push;

		/** With push: only print what a push would change, and exit. */
		private boolean dryRun;

		/** Push the catalog into the emulator at startup (the embedded default). */
		private boolean pushToEmulatorOnStartup = true;

		/**
		 * How long the cached catalog is trusted before it is discovered again (events
		 * refresh it sooner).
		 */
		private Duration cacheTtl = Duration.ofHours(1);

		public String getLocation() {
			return location;
		}

		public void setLocation(String location) {
			this.location = location;
		}

		public boolean isPush() {
			return push;
		}

		public void setPush(boolean push) {
			this.push = push;
		}

		public boolean isDryRun() {
			return dryRun;
		}

		public void setDryRun(boolean dryRun) {
			this.dryRun = dryRun;
		}

		public boolean isPushToEmulatorOnStartup() {
			return pushToEmulatorOnStartup;
		}

		public void setPushToEmulatorOnStartup(boolean pushToEmulatorOnStartup) {
			this.pushToEmulatorOnStartup = pushToEmulatorOnStartup;
		}

		public Duration getCacheTtl() {
			return cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

	}

	/** Scheduled jobs (one instance at a time, via a lock in the shedlock collection). */
	public static class Jobs {

		/**
		 * Run the overage catch-up, reconciliation and contract allowance jobs at all.
		 */
		private boolean enabled = true;

		/** How often missed overage is billed as pending invoice items. */
		private Duration overageInterval = Duration.ofMinutes(15);

		/** How often the local mirror is compared with Stripe. */
		private Duration reconcileInterval = Duration.ofHours(1);

		/**
		 * How often enterprise contracts' period allowances are granted (idempotent per
		 * org and period).
		 */
		private Duration contractInterval = Duration.ofMinutes(15);

		public Duration getContractInterval() {
			return contractInterval;
		}

		public void setContractInterval(Duration contractInterval) {
			this.contractInterval = contractInterval;
		}

		public boolean isEnabled() {
			return enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getOverageInterval() {
			return overageInterval;
		}

		public void setOverageInterval(Duration overageInterval) {
			this.overageInterval = overageInterval;
		}

		public Duration getReconcileInterval() {
			return reconcileInterval;
		}

		public void setReconcileInterval(Duration reconcileInterval) {
			this.reconcileInterval = reconcileInterval;
		}

	}

	public String getStripeSecretKey() {
		return stripeSecretKey;
	}

	public void setStripeSecretKey(String stripeSecretKey) {
		this.stripeSecretKey = stripeSecretKey;
	}

	public List<String> getWebhookSecrets() {
		return webhookSecrets;
	}

	public void setWebhookSecrets(List<String> webhookSecrets) {
		this.webhookSecrets = webhookSecrets;
	}

	public String getPublicBaseUrl() {
		return publicBaseUrl;
	}

	public void setPublicBaseUrl(String publicBaseUrl) {
		this.publicBaseUrl = publicBaseUrl;
	}

	public String getReturnPath() {
		return returnPath;
	}

	public void setReturnPath(String returnPath) {
		this.returnPath = returnPath;
	}

	public Duration getPastDueGrace() {
		return pastDueGrace;
	}

	public void setPastDueGrace(Duration pastDueGrace) {
		this.pastDueGrace = pastDueGrace;
	}

	public Duration getWebhookTolerance() {
		return webhookTolerance;
	}

	public void setWebhookTolerance(Duration webhookTolerance) {
		this.webhookTolerance = webhookTolerance;
	}

	public int getMaxNetworkRetries() {
		return maxNetworkRetries;
	}

	public void setMaxNetworkRetries(int maxNetworkRetries) {
		this.maxNetworkRetries = maxNetworkRetries;
	}

	public Duration getConnectTimeout() {
		return connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Emulator getEmulator() {
		return emulator;
	}

	public Catalog getCatalog() {
		return catalog;
	}

	public Jobs getJobs() {
		return jobs;
	}

	public AutoTopUp getAutoTopUp() {
		return autoTopUp;
	}

}
