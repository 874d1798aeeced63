package dev.billforge.entitlements;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a controller (class or method) behind a feature: a person whose org lacks it
 * sees the upgrade page (402), an API call gets problem+json 402
 * {@code feature_not_included}. The org is the signed-in person's current org on pages
 * and the API key's org under {@code /api/}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresFeature {

	/** The feature name, e.g. {@code mcp_access}. */
	String value();

}
