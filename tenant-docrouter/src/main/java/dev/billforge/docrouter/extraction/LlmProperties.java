package dev.billforge.docrouter.extraction;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code docrouter.llm.*}: the OpenAI-compatible endpoint (OpenAI, a LiteLLM proxy, ...).
 * Off unless {@code enabled}; with it off nothing calls out.
 */
@ConfigurationProperties("docrouter.llm")
public class LlmProperties {

	private boolean enabled;

	/**
	 * Base URL including the version path, e.g. {@code https://api.openai.com/v1} or
	 * {@code http://litellm:4000/v1}.
	 */
	private String baseUrl;

	private String apiKey;

	private String model;

	/** Upper bound on the completion; part of the hold estimate. */
	private int maxOutputTokens = 1024;

	/**
	 * Longest document text sent to the model (longer text is cut); bounds the prompt and
	 * so the hold.
	 */
	private int maxInputChars = 48_000;

	private Duration timeout = Duration.ofSeconds(60);

	private int maxRetries = 1;

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBaseUrl() {
		return baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getApiKey() {
		return apiKey;
	}

	public void setApiKey(String apiKey) {
		this.apiKey = apiKey;
	}

	public String getModel() {
		return model;
	}

	public void setModel(String model) {
		this.model = model;
	}

	public int getMaxOutputTokens() {
		return maxOutputTokens;
	}

	public void setMaxOutputTokens(int maxOutputTokens) {
		this.maxOutputTokens = maxOutputTokens;
	}

	public int getMaxInputChars() {
		return maxInputChars;
	}

	public void setMaxInputChars(int maxInputChars) {
		this.maxInputChars = maxInputChars;
	}

	public Duration getTimeout() {
		return timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public int getMaxRetries() {
		return maxRetries;
	}

	public void setMaxRetries(int maxRetries) {
		this.maxRetries = maxRetries;
	}

}
