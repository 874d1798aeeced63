package dev.billforge.identity.internal;

import java.util.Map;

import dev.billforge.identity.ConditionalOnKeycloakLogin;
import dev.billforge.identity.KeycloakSettings;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Backs {@link ConditionalOnKeycloakLogin}. */
public final class OnKeycloakLoginCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnKeycloakLogin.class.getName());
		boolean wanted = attributes == null || (Boolean) attributes.get("value");
		boolean configured = KeycloakSettings.isConfigured(context.getEnvironment());
		String state = configured ? "Keycloak sign-in configured"
				: "no Keycloak server-url/issuer-uri (local accounts)";
		return wanted == configured ? ConditionOutcome.match(state) : ConditionOutcome.noMatch(state);
	}

}
