package dev.billforge.telemetry;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Agent telemetry settings under {@code billforge.telemetry}; the feature is off unless
 * {@code enabled}.
 */
@ConfigurationProperties("billforge.telemetry")
public class TelemetryProperties {

	/** Switches the OTLP receiver, the store, charging and the telemetry pages on. */
	private boolean enabled;

	/**
	 * Largest request body, checked after decompression (a gzip bomb stops here too); 413
	 * above.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(8);

	/** Most spans, log records or data points in one request; 400 above. */
	private int maxItemsPerRequest = 10_000;

	/**
	 * Most attributes on one span, event, link, log record, data point, resource or
	 * scope; 400 above.
	 */
	private int maxAttributes = 256;

	/**
	 * Deepest nesting of attribute values (arrays, key-value lists) and of JSON bodies;
	 * 400 above.
	 */
	private int maxDepth = 16;

	/**
	 * How long spans, log records and data points are kept (a purge job deletes older
	 * ones).
	 */
	private Duration retention = Duration.ofDays(30);

	/** How often the retention purge runs. */
	private Duration purgeInterval = Duration.ofHours(1);

	/** Whether the generic telemetry pages get links in the web app's navigation. */
	private boolean pages = true;

	private final Charging charging = new Charging();

	private final Prices prices = new Prices();

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public DataSize getMaxBodySize() {
		return maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public int getMaxItemsPerRequest() {
		return maxItemsPerRequest;
	}

	public void setMaxItemsPerRequest(int maxItemsPerRequest) {
		this.maxItemsPerRequest = maxItemsPerRequest;
	}

	public int getMaxAttributes() {
		return maxAttributes;
	}

	public void setMaxAttributes(int maxAttributes) {
		this.maxAttributes = maxAttributes;
	}

	public int getMaxDepth() {
		return maxDepth;
	}

	public void setMaxDepth(int maxDepth) {
		this.maxDepth = maxDepth;
	}

	public Duration getRetention() {
		return retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public Duration getPurgeInterval() {
		return purgeInterval;
	}

	public void setPurgeInterval(Duration purgeInterval) {
		this.purgeInterval = purgeInterval;
	}

	public boolean isPages() {
		return pages;
	}

	public void setPages(boolean pages) {
		this.pages = pages;
	}

	public Charging getCharging() {
		return charging;
	}

	public Prices getPrices() {
		return prices;
	}

	/**
	 * What is charged, by naming the value metric's meter for each kind of item
	 * ({@code billforge.value-metric.meters.<name>.rate} gives the price). A kind whose
	 * meter is not configured in the value metric is free.
	 */
	public static class Charging {

		/** Meter charged once per accepted span. */
		private String spanMeter = "span";

		/** Meter charged once per trace, with its first accepted span. */
		private String traceMeter = "trace";

		/** Meter charged once per accepted log record. */
		private String logMeter = "log_record";

		/** Meter charged once per accepted metric data point. */
		private String metricMeter = "data_point";

		/**
		 * Meter charged per USD of observed LLM cost (spans and LLM request log events).
		 */
		private String llmCostMeter = "llm_cost";

		/**
		 * Meter charged once per session ({@code gen_ai.conversation.id}, else
		 * {@code session.id}) of a span, log record or data point, across batches and
		 * retries: a copilot or chat session's fee.
		 */
		private String sessionMeter = "session";

		/**
		 * Factor on the observed LLM cost before rating (1.2 = 20 % markup); exact
		 * decimal.
		 */
		private BigDecimal llmCostMarkup = BigDecimal.ONE;

		public String getSpanMeter() {
			return spanMeter;
		}

		public void setSpanMeter(String spanMeter) {
			this.spanMeter = spanMeter;
		}

		public String getTraceMeter() {
			return traceMeter;
		}

		public void setTraceMeter(String traceMeter) {
			this.traceMeter = traceMeter;
		}

		public String getLogMeter() {
			return logMeter;
		}

		public void setLogMeter(String logMeter) {
			this.logMeter = logMeter;
		}

		public String getMetricMeter() {
			return metricMeter;
		}

		public void setMetricMeter(String metricMeter) {
			this.metricMeter = metricMeter;
		}

		public String getLlmCostMeter() {
			return llmCostMeter;
		}

		public void setLlmCostMeter(String llmCostMeter) {
			this.llmCostMeter = llmCostMeter;
		}

		public String getSessionMeter() {
			return sessionMeter;
		}

		public void setSessionMeter(String sessionMeter) {
			this.sessionMeter = sessionMeter;
		}

		public BigDecimal getLlmCostMarkup() {
			return llmCostMarkup;
		}

		public void setLlmCostMarkup(BigDecimal llmCostMarkup) {
			this.llmCostMarkup = llmCostMarkup;
		}

	}

	/**
	 * The model price table (USD per million tokens), versioned: each span's cost is
	 * computed at ingestion and stored with the table's version, so a later price change
	 * never rewrites history.
	 */
	public static class Prices {

		/**
		 * Version stored with every cost computed from this table (change it with the
		 * prices).
		 */
		private String version = "none";

		/**
		 * Prices by model; the longest {@code match} that prefixes the model name wins.
		 */
		private List<ModelPrice> models = new ArrayList<>();

		public String getVersion() {
			return version;
		}

		public void setVersion(String version) {
			this.version = version;
		}

		public List<ModelPrice> getModels() {
			return models;
		}

		public void setModels(List<ModelPrice> models) {
			this.models = models;
		}

	}

	/** One model's prices in USD per million tokens of each type; exact decimals. */
	public static class ModelPrice {

		/**
		 * Model name or prefix, e.g. {@code claude-sonnet-4} matches
		 * {@code claude-sonnet-4-5-20250929}.
		 */
		private String match;

		private BigDecimal input = BigDecimal.ZERO;

		private BigDecimal output = BigDecimal.ZERO;

		/** Cached input read; defaults to the input price when unset. */
		private BigDecimal cacheRead;

		/** Cache writes; defaults to the input price when unset. */
		private BigDecimal cacheCreation;

		public String getMatch() {
			return match;
		}

		public void setMatch(String match) {
			this.match = match;
		}

		public BigDecimal getInput() {
			return input;
		}

		public void setInput(BigDecimal input) {
			this.input = input;
		}

		public BigDecimal getOutput() {
			return output;
		}

		public void setOutput(BigDecimal output) {
			this.output = output;
		}

		public BigDecimal getCacheRead() {
			return cacheRead;
		}

		public void setCacheRead(BigDecimal cacheRead) {
			this.cacheRead = cacheRead;
		}

		public BigDecimal getCacheCreation() {
			return cacheCreation;
		}

		public void setCacheCreation(BigDecimal cacheCreation) {
			this.cacheCreation = cacheCreation;
		}

	}

}
