package dev.billforge.mcp.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.billforge.api.ApiPrincipal;
import dev.billforge.entitlements.Entitlements;

/**
 * Keeps the MCP server to orgs whose plan includes
 * {@code billforge.mcp.required-feature}: any other org gets 402
 * {@code feature_not_included} before a tool runs. Registered behind the API's security
 * chain, which has resolved the org from the key.
 */
class McpFeatureGate extends OncePerRequestFilter {

	private final Entitlements entitlements;

	private final String feature;

	McpFeatureGate(Entitlements entitlements, String feature) {
		this.entitlements = entitlements;
		this.feature = feature;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ApiPrincipal principal && principal.orgId() != null
				&& !entitlements.has(principal.orgId(), feature)) {
			response.setStatus(402);
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			// the feature name comes from configuration ([a-z0-9_]), never from the
			// request
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Payment Required\",\"status\":402,\"code\":\""
						+ Entitlements.NOT_INCLUDED + "\",\"detail\":\"the org's plan does not include " + feature
						+ " (the MCP server); upgrade on the billing page\"}");
			return;
		}
		chain.doFilter(request, response);
	}

}
