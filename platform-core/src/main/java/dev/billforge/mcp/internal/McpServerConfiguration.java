package dev.billforge.mcp.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.ai.mcp.server.webmvc.transport.WebMvcStatelessServerTransport;

import dev.billforge.api.ApiPrincipal;
import dev.billforge.entitlements.Entitlements;
import dev.billforge.mcp.McpProperties;
import dev.billforge.mcp.McpTool;
import dev.billforge.mcp.McpToolProvider;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stateless MCP server at {@value #ENDPOINT}. The endpoint lives under
 * {@code /api/**}, so the machine API's security chain has authenticated the org API key
 * before the transport sees the request; the transport copies that org into the call's
 * context, where {@link McpToolAdapter} reads it. Tool handlers run on the request
 * thread.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("billforge.mcp.enabled")
@EnableConfigurationProperties(McpProperties.class)
class McpServerConfiguration {

	static final String ENDPOINT = "/api/v1/mcp";

	@Bean
	WebMvcStatelessServerTransport billforgeMcpTransport(JsonMapper json) {
		return WebMvcStatelessServerTransport.builder()
			.jsonMapper(new JacksonMcpJsonMapper(json))
			.messageEndpoint(ENDPOINT)
			.contextExtractor(request -> {
				Map<String, Object> values = new HashMap<>();
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				if (auth != null && auth.getPrincipal() instanceof ApiPrincipal principal
						&& principal.orgId() != null) {
					values.put(McpToolAdapter.ORG, principal.orgId());
				}
				return McpTransportContext.create(values);
			})
			.build();
	}

	@Bean
	McpToolAdapter mcpToolAdapter(JsonMapper json) {
		return new McpToolAdapter(json);
	}

	@Bean(destroyMethod = "close")
	McpStatelessSyncServer billforgeMcpServer(WebMvcStatelessServerTransport transport, McpToolAdapter adapter,
			ObjectProvider<McpToolProvider> providers, McpProperties properties, Environment environment,
			JsonMapper json) {
		List<McpTool> tools = providers.orderedStream().flatMap(provider -> provider.mcpTools().stream()).toList();
		String name = properties.getName() != null ? properties.getName()
				: environment.getProperty("spring.application.name", "billforge");
		McpServer.StatelessSyncSpecification server = McpServer.sync(transport)
			.jsonMapper(new JacksonMcpJsonMapper(json))
			.serverInfo(name, properties.getVersion())
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.requestTimeout(properties.getRequestTimeout())
			.immediateExecution(true)
			.tools(tools.stream().map(adapter::specification).toList());
		if (properties.getInstructions() != null) {
			server.instructions(properties.getInstructions());
		}
		return server.build();
	}

	/**
	 * The plan gate, when {@code billforge.mcp.required-feature} names a feature
	 * (DocRouter: {@code mcp_access}).
	 */
	@Bean
	FilterRegistrationBean<McpFeatureGate> mcpFeatureGate(McpProperties properties,
			ObjectProvider<Entitlements> entitlements) {
		String feature = properties.getRequiredFeature();
		Entitlements checker = entitlements.getIfAvailable();
		FilterRegistrationBean<McpFeatureGate> registration = new FilterRegistrationBean<>(
				new McpFeatureGate(checker, feature));
		registration.addUrlPatterns(ENDPOINT);
		registration.setEnabled(feature != null && checker != null);
		return registration;
	}

	@Bean
	RouterFunction<ServerResponse> billforgeMcpRoutes(WebMvcStatelessServerTransport transport) {
		return transport.getRouterFunction();
	}

}
