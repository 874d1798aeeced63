package dev.billforge.mcp;

import dev.billforge.orgs.OrgId;

/**
 * What a tool does for the calling org. The answer is serialised as JSON (text and
 * structured content); throwing {@link dev.billforge.common.ProblemException} answers a
 * tool error with its code.
 */
@FunctionalInterface
public interface McpToolHandler {

	Object call(OrgId org, McpArguments arguments);

}
