package dev.billforge.orgs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code billforge.orgs.*}: limits on orgs people create themselves (the operator API is
 * not limited).
 *
 * @param freeTierOrgsPerPerson how many of a person's own orgs get the free tier (later
 * ones start empty)
 * @param maxCreatedPerWindow orgs one person may create within {@code creationWindow}
 * @param creationWindow the window of that rate limit
 */
@ConfigurationProperties("billforge.orgs")
public record OrgsProperties(Integer freeTierOrgsPerPerson, Integer maxCreatedPerWindow, Duration creationWindow) {

	public OrgsProperties {
		freeTierOrgsPerPerson = freeTierOrgsPerPerson == null ? 1 : freeTierOrgsPerPerson;
		maxCreatedPerWindow = maxCreatedPerWindow == null ? 5 : maxCreatedPerWindow;
		creationWindow = creationWindow == null ? Duration.ofHours(1) : creationWindow;
	}

}
