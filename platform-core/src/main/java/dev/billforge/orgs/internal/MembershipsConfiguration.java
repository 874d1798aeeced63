package dev.billforge.orgs.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.SeatPolicy;

@Configuration(proxyBeanMethods = false)
class MembershipsConfiguration {

	@Bean
	Memberships memberships(MongoTemplate mongo, Clock clock, ObjectProvider<SeatPolicy> seatPolicy) {
		return new MongoMemberships(mongo, clock, seatPolicy);
	}

}
