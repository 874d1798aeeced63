package dev.billforge.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.billforge.identity.internal.OnKeycloakLoginCondition;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when browser sign-in goes through Keycloak
 * (billforge.identity.keycloak.server-url or issuer-uri is set). Use
 * {@code @ConditionalOnKeycloakLogin(false)} for beans that only make sense with local
 * accounts (sign-up, password reset pages).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnKeycloakLoginCondition.class)
public @interface ConditionalOnKeycloakLogin {

	/**
	 * {@code true}: match in Keycloak mode; {@code false}: match in local-accounts mode.
	 */
	boolean value() default true;

}
