package dev.billforge.docrouter.mcp;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ai.mcp.server.common.autoconfigure.properties.McpServerStreamableHttpProperties;
import org.springframework.ai.mcp.server.webmvc.transport.WebMvcStatelessServerTransport;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.billforge.api.ApiPrincipal;
import dev.billforge.entitlements.Entitlements;
import io.modelcontextprotocol.common.McpTransportContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP transport and tools. The endpoint lives under {@code /api/**}, so the machine API's
 * security chain has authenticated the org API key before the transport sees the request; the
 * transport copies that org into the MCP call's context, where the tools read it.
 */
@Configuration(proxyBeanMethods = false)
class McpConfiguration {

	static final String ORG = "docrouter.org";

	/** The catalog feature that opens the MCP server. */
	static final String MCP_FEATURE = "mcp_access";

	/** Replaces Spring AI's default stateless transport to add the org to each call's context. */
	@Bean
	WebMvcStatelessServerTransport webMvcStatelessServerTransport(JsonMapper json, McpServerStreamableHttpProperties properties) {
		return WebMvcStatelessServerTransport.builder()
			.jsonMapper(new JacksonMcpJsonMapper(json))
			.messageEndpoint(properties.getMcpEndpoint())
			.contextExtractor(request -> {
				Map<String, Object> values = new HashMap<>();
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				if (auth != null && auth.getPrincipal() instanceof ApiPrincipal principal && principal.orgId() != null) {
					values.put(ORG, principal.orgId());
				}
				return McpTransportContext.create(values);
			})
			.build();
	}

	/**
	 * The MCP server is a paid-plan feature ({@code mcp_access} in the catalog): an org without it gets
	 * 402 {@code feature_not_included}. Runs after the API's security chain, which has resolved the org.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> mcpAccessFilter(Entitlements entitlements,
			McpServerStreamableHttpProperties properties) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				if (auth != null && auth.getPrincipal() instanceof ApiPrincipal principal && principal.orgId() != null
						&& !entitlements.has(principal.orgId(), MCP_FEATURE)) {
					response.setStatus(402);
					response.setContentType("application/problem+json");
					response.setCharacterEncoding("UTF-8");
					response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payment Required\",\"status\":402,"
							+ "\"code\":\"" + Entitlements.NOT_INCLUDED + "\",\"detail\":\"the org's plan does not include "
							+ MCP_FEATURE + " (the MCP server); upgrade on the billing page\"}");
					return;
				}
				chain.doFilter(request, response);
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(properties.getMcpEndpoint());
		return registration;
	}

	@Bean
	List<SyncToolSpecification> docRouterMcpTools(DocRouterTools tools) {
		return tools.specifications();
	}

}
