package dev.billforge.telemetry.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.billforge.metering.Metering;
import dev.billforge.telemetry.TelemetryProperties;
import dev.billforge.valuemetric.ValueMetric;

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
	TelemetryIngest telemetryIngest(TelemetryStore store, Metering metering, ValueMetric metric, ModelPrices prices,
			TelemetryProperties properties, Clock clock) {
		Limits limits = new Limits(properties.getMaxBodySize().toBytes(), properties.getMaxItemsPerRequest(),
				properties.getMaxAttributes(), properties.getMaxDepth());
		return new TelemetryIngest(store, new TelemetryCharges(metering, metric, properties.getCharging()), prices,
				limits, clock);
	}

}
