package dev.billforge.outcomes.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import dev.billforge.outcomes.Outcomes;
import dev.billforge.outcomes.OutcomesProperties;

/**
 * Outcomes' settings and the window sweep. The sweep runs on every instance: each outcome
 * is billed by one compare-and-set on its status and its charge is keyed by its hold, so
 * two instances sweeping at once still bill it exactly once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutcomesProperties.class)
class OutcomesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(OutcomesConfiguration.class);

	private final Outcomes outcomes;

	private final OutcomeTypes types;

	OutcomesConfiguration(Outcomes outcomes, OutcomeTypes types) {
		this.outcomes = outcomes;
		this.types = types;
	}

	@Scheduled(fixedDelayString = "${billforge.outcomes.sweep-interval:PT1M}", initialDelayString = "PT30S")
	void sweep() {
		if (!types.enabled()) {
			return;
		}
		try {
			int billed = outcomes.sweep();
			if (billed > 0) {
				log.info("Billed {} outcome(s) whose dispute window closed", billed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Outcome sweep failed; the next run retries", ex);
		}
	}

}
