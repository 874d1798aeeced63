/**
 * The MCP transport, server and the adapter from {@link dev.billforge.mcp.McpTool} to the
 * SDK's tool specification.
 */
package dev.billforge.mcp.internal;
