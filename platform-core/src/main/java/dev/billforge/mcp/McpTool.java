package dev.billforge.mcp;

import java.util.Map;
import java.util.Objects;

/**
 * One MCP tool: its name, what an agent reads about it, the JSON schema of its arguments
 * and the handler that runs it for the calling org.
 */
public record McpTool(String name, String description, Map<String, Object> inputSchema, McpToolHandler handler) {

	public McpTool {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		inputSchema = Map.copyOf(inputSchema);
		Objects.requireNonNull(handler, "handler");
	}

	/**
	 * A JSON schema of an object with these properties (each itself a schema) and none
	 * required.
	 */
	public static Map<String, Object> objectSchema(Map<String, Object> properties) {
		return Map.of("type", "object", "properties", properties);
	}

}
