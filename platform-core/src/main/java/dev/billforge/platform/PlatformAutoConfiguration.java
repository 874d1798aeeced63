package dev.billforge.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.billforge.api.ApiProperties;
import dev.billforge.common.ProductProperties;
import dev.billforge.ledger.LedgerProperties;
import dev.billforge.metering.MeteringProperties;
import dev.billforge.valuemetric.ValueMetric;
import dev.billforge.valuemetric.ValueMetricProperties;
import tools.jackson.databind.DeserializationFeature;

/**
 * The platform core as a library: tenants depend on it and get orgs, the credit ledger,
 * metering and the machine API without scanning its packages themselves.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@EnableConfigurationProperties({ ProductProperties.class, ValueMetricProperties.class, LedgerProperties.class,
		MeteringProperties.class, ApiProperties.class })
@EnableScheduling
// Test configurations living in these packages must not leak into every context, as with
// @SpringBootApplication.
@ComponentScan(
		basePackages = { "dev.billforge.accounts", "dev.billforge.api", "dev.billforge.billing",
				"dev.billforge.entitlements", "dev.billforge.ledger", "dev.billforge.mcp", "dev.billforge.metering",
				"dev.billforge.notifications", "dev.billforge.operator", "dev.billforge.orgs", "dev.billforge.outcomes",
				"dev.billforge.telemetry", "dev.billforge.web" },
		excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
				@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class) })
public class PlatformAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ValueMetric valueMetric(ValueMetricProperties properties) {
		return properties.toValueMetric();
	}

	/**
	 * Credit amounts and quantities must stay exact: JSON decimals bind as BigDecimal,
	 * never double.
	 */
	@Bean
	JsonMapperBuilderCustomizer exactDecimals() {
		return builder -> builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
	}

}
