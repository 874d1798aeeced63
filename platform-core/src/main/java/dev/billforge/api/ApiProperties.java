package dev.billforge.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Machine API settings under {@code billforge.api}. */
@ConfigurationProperties("billforge.api")
public class ApiProperties {

	/**
	 * Bearer token of the operator API; the operator API is off unless it is set (at
	 * least 32 characters).
	 */
	private String operatorToken;

	/** Largest request body accepted. */
	private DataSize maxBodySize = DataSize.ofMegabytes(2);

	/** Largest {@code /stripe/webhook} body accepted (Stripe events are a few KB). */
	private DataSize maxWebhookBodySize = DataSize.ofKilobytes(256);

	/**
	 * Largest body of any other request (web forms); multipart uploads have their own
	 * limits.
	 */
	private DataSize maxFormBodySize = DataSize.ofKilobytes(64);

	/**
	 * Requests per second allowed per API key (token bucket; bursts up to twice this).
	 */
	private int requestsPerSecond = 1000;

	public String getOperatorToken() {
		return operatorToken;
	}

	public void setOperatorToken(String operatorToken) {
		this.operatorToken = operatorToken;
	}

	public DataSize getMaxBodySize() {
		return maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public int getRequestsPerSecond() {
		return requestsPerSecond;
	}

	public void setRequestsPerSecond(int requestsPerSecond) {
		this.requestsPerSecond = requestsPerSecond;
	}

	public DataSize getMaxWebhookBodySize() {
		return maxWebhookBodySize;
	}

	public void setMaxWebhookBodySize(DataSize maxWebhookBodySize) {
		this.maxWebhookBodySize = maxWebhookBodySize;
	}

	public DataSize getMaxFormBodySize() {
		return maxFormBodySize;
	}

	public void setMaxFormBodySize(DataSize maxFormBodySize) {
		this.maxFormBodySize = maxFormBodySize;
	}

}
