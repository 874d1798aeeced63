package dev.billforge.telemetry.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.metering.Metering;
import dev.billforge.telemetry.TelemetryProperties;
import dev.billforge.valuemetric.ValueMetric;
import dev.billforge.web.ProductNavItem;

/** The telemetry feature's beans, only when {@code billforge.telemetry.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("billforge.telemetry.enabled")
@EnableConfigurationProperties(TelemetryProperties.class)
class TelemetryConfiguration {

	@Bean
	TelemetryStore telemetryStore(MongoTemplate mongo) {
		return new TelemetryStore(mongo);
	}

	@Bean
	ModelPrices modelPrices(TelemetryProperties properties) {
		return new ModelPrices(properties.getPrices());
	}

	@Bean
	MongoTelemetryQueries telemetryQueries(TelemetryStore store) {
		return new MongoTelemetryQueries(store);
	}

	/**
	 * The pages' links, unless the tenant links them itself
	 * ({@code billforge.telemetry.pages=false}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "billforge.telemetry.pages", matchIfMissing = true)
	static class TelemetryNav {

		@Bean
		@Order(10)
		ProductNavItem telemetryTracesNav() {
			return new ProductNavItem("/telemetry/traces", "telemetry.nav.traces");
		}

		@Bean
		@Order(11)
		ProductNavItem telemetrySessionsNav() {
			return new ProductNavItem("/telemetry/sessions", "telemetry.nav.sessions");
		}

		@Bean
		@Order(12)
		ProductNavItem telemetryCostsNav() {
			return new ProductNavItem("/telemetry/costs", "telemetry.nav.costs");
		}

		@Bean
		@Order(13)
		ProductNavItem telemetryClaudeCodeNav() {
			return new ProductNavItem("/telemetry/claude-code", "telemetry.nav.claudeCode");
		}

		@Bean
		@Order(14)
		ProductNavItem telemetryAlertsNav() {
			return new ProductNavItem("/telemetry/alerts", "telemetry.nav.alerts");
		}

		@Bean
		@Order(15)
		ProductNavItem telemetryQuickStartNav() {
			return new ProductNavItem("/telemetry/quick-start", "telemetry.nav.quickStart");
		}

	}

	/**
	 * Telemetry's MCP tools, served when the platform's MCP server is on
	 * ({@code billforge.mcp.enabled}).
	 */
	@Bean
	TelemetryMcpTools telemetryMcpTools(MongoTelemetryQueries queries, CreditLedger ledger, ValueMetric metric,
			Clock clock) {
		return new TelemetryMcpTools(queries, ledger, metric, clock);
	}

	@Bean
	TelemetryIngest telemetryIngest(TelemetryStore store, Metering metering, ValueMetric metric, ModelPrices prices,
			TelemetryProperties properties, Clock clock) {
		Limits limits = new Limits(properties.getMaxBodySize().toBytes(), properties.getMaxItemsPerRequest(),
				properties.getMaxAttributes(), properties.getMaxDepth());
		return new TelemetryIngest(store, new TelemetryCharges(metering, metric, properties.getCharging()), prices,
				limits, clock);
	}

}
