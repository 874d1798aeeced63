package dev.billforge.storage.internal;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when neither {@code spring.mongodb.uri} nor {@code spring.mongodb.host} is set
 * (after {@link MongoUriEnvironmentPostProcessor} mapped {@code MONGODB_URI}).
 */
public final class NoMongoConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		for (String key : new String[] { "spring.mongodb.uri", "spring.mongodb.host" }) {
			if (StringUtils.hasText(context.getEnvironment().getProperty(key))) {
				return ConditionOutcome.noMatch(key + " is set: using an external MongoDB");
			}
		}
		return ConditionOutcome.match("no MongoDB URI or host configured: using the embedded server");
	}

}
