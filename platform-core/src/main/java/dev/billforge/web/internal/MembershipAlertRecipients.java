package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.billforge.notifications.AlertRecipients;
import dev.billforge.orgs.Memberships;

/**
 * Alert emails go to the org's owners and billing members (a tenant may declare its own
 * bean instead).
 */
@Configuration(proxyBeanMethods = false)
class MembershipAlertRecipients {

	@Bean
	@ConditionalOnMissingBean(AlertRecipients.class)
	AlertRecipients alertRecipients(Memberships memberships) {
		return org -> memberships.members(org)
			.stream()
			.filter(m -> m.role().receivesAlerts())
			.map(m -> m.email())
			.toList();
	}

}
