package dev.billforge.mcp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MCP server under {@code billforge.mcp}. {@code enabled} defaults to
 * {@code billforge.telemetry.enabled} (platform defaults), so the telemetry tools come
 * with the feature; DocRouter switches it on itself.
 */
@ConfigurationProperties("billforge.mcp")
public class McpProperties {

	/** Whether {@code /api/v1/mcp} answers. */
	private boolean enabled;

	/**
	 * The server's name in {@code initialize} (defaults to
	 * {@code spring.application.name}).
	 */
	private String name;

	private String version = "1.0.0";

	/** What an agent reads about the server as a whole. */
	private String instructions;

	/**
	 * A catalog feature an org's plan must include to use the server (e.g.
	 * {@code mcp_access}); none when unset.
	 */
	private String requiredFeature;

	/** Longest a tool call may take. */
	private Duration requestTimeout = Duration.ofSeconds(90);

	public String getRequiredFeature() {
		return requiredFeature;
	}

	public void setRequiredFeature(String requiredFeature) {
		this.requiredFeature = requiredFeature == null || requiredFeature.isBlank() ? null : requiredFeature;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getVersion() {
		return version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public String getInstructions() {
		return instructions;
	}

	public void setInstructions(String instructions) {
		this.instructions = instructions;
	}

	public Duration getRequestTimeout() {
		return requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

}
