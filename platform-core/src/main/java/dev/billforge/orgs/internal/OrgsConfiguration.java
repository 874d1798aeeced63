package dev.billforge.orgs.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.billforge.common.ProductProperties;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.OrgsProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrgsProperties.class)
class OrgsConfiguration {

	@Bean
	Orgs orgs(MongoTemplate mongo, ProductProperties product, Clock clock, OrgsProperties limits) {
		return new MongoOrgs(mongo, product, clock, limits);
	}

}
