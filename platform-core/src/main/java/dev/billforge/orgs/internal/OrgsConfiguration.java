package dev.billforge.orgs.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.billforge.common.ProductProperties;
import dev.billforge.orgs.Orgs;

@Configuration(proxyBeanMethods = false)
class OrgsConfiguration {

	@Bean
	Orgs orgs(MongoTemplate mongo, ProductProperties product, Clock clock) {
		return new MongoOrgs(mongo, product, clock);
	}

}
