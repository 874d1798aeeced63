package dev.billforge.mcp;

import java.util.List;

/**
 * A bean that contributes tools to the platform's MCP server (a tenant's product code or
 * a platform feature).
 */
public interface McpToolProvider {

	List<McpTool> mcpTools();

}
