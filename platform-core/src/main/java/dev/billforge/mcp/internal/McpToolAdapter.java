package dev.billforge.mcp.internal;

import dev.billforge.common.ProblemException;
import dev.billforge.mcp.McpArguments;
import dev.billforge.mcp.McpTool;
import dev.billforge.orgs.OrgId;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a {@link McpTool} for the org in the call's context. The answer is JSON text plus
 * the same as structured content; a refused call (no org, bad input, unknown object, no
 * credits) is a tool error whose structured content carries the API's stable {@code code}
 * and {@code detail}.
 */
final class McpToolAdapter {

	static final String ORG = "billforge.mcp.org";

	private final JsonMapper json;

	McpToolAdapter(JsonMapper json) {
		this.json = json;
	}

	SyncToolSpecification specification(McpTool tool) {
		return SyncToolSpecification.builder()
			.tool(Tool.builder()
				.name(tool.name())
				.description(tool.description())
				.inputSchema(tool.inputSchema())
				.build())
			.callHandler((context, request) -> call(context, request, tool))
			.build();
	}

	CallToolResult call(McpTransportContext context, CallToolRequest request, McpTool tool) {
		if (!(context.get(ORG) instanceof OrgId org)) {
			return error("unauthorized", "an org API key is required: Authorization: Bearer <key>");
		}
		try {
			Object answer = tool.handler().call(org, new McpArguments(request.arguments()));
			return CallToolResult.builder()
				.addTextContent(json.writeValueAsString(answer))
				.structuredContent(answer)
				.build();
		}
		catch (ProblemException ex) {
			return error(ex.code(), ex.getMessage());
		}
	}

	private static CallToolResult error(String code, String message) {
		return CallToolResult.builder()
			.isError(true)
			.addTextContent(code + ": " + message)
			.structuredContent(java.util.Map.of("code", code, "detail", message))
			.build();
	}

}
