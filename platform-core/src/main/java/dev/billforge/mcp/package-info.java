/**
 * The platform's MCP server (Model Context Protocol, streamable HTTP, stateless) at
 * {@code /api/v1/mcp}, on when {@code billforge.mcp.enabled} (by default when telemetry
 * is on). It owns what every tenant's tools share: authentication by the org API key (the
 * machine API's security chain has checked it before the transport runs), tool
 * registration (every {@link dev.billforge.mcp.McpToolProvider} bean), bounded argument
 * reading ({@link dev.billforge.mcp.McpArguments}) and error mapping (a
 * {@link dev.billforge.common.ProblemException} becomes a tool error carrying the API's
 * stable code). Tools receive the caller's org and must scope every read and write to it.
 */
package dev.billforge.mcp;
