package dev.billforge.docrouter.mcp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ai.mcp.server.common.autoconfigure.properties.McpServerStreamableHttpProperties;
import org.springframework.ai.mcp.server.webmvc.transport.WebMvcStatelessServerTransport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.billforge.api.ApiPrincipal;
import io.modelcontextprotocol.common.McpTransportContext;
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

	@Bean
	List<SyncToolSpecification> docRouterMcpTools(DocRouterTools tools) {
		return tools.specifications();
	}

}
