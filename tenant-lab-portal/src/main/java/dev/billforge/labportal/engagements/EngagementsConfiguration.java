package dev.billforge.labportal.engagements;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import dev.billforge.web.ProductNavItem;

/**
 * The engagements' navigation link and the sweep that finishes interrupted ledger steps.
 */
@Configuration(proxyBeanMethods = false)
class EngagementsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EngagementsConfiguration.class);

	private final EngagementService engagements;

	EngagementsConfiguration(EngagementService engagements) {
		this.engagements = engagements;
	}

	@Bean
	ProductNavItem engagementsNavItem() {
		return new ProductNavItem("/engagements", "labportal.engagements.nav");
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
	void sweep() {
		try {
			int finished = engagements.sweep();
			if (finished > 0) {
				log.info("Finished {} interrupted engagement step(s)", finished);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Engagement sweep failed; the next run retries", ex);
		}
	}

}
