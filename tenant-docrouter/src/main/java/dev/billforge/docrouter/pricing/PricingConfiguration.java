package dev.billforge.docrouter.pricing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.billforge.valuemetric.Meter;
import dev.billforge.valuemetric.ValueMetric;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PricingProperties.class)
class PricingConfiguration {

	/**
	 * The page floor uses the {@code page} meter's rate, so the tenant's meter config is
	 * the single source.
	 */
	@Bean
	SpuPricing spuPricing(PricingProperties properties, ValueMetric metric) {
		Meter page = metric.meter("page")
			.orElseThrow(
					() -> new IllegalStateException("DocRouter needs the meter billforge.value-metric.meters.page"));
		return new SpuPricing(new PriceTable(properties.getPriceTables()), properties.getMarkup(),
				properties.getCreditPriceUsd(), page.creditsPerUnit());
	}

}
