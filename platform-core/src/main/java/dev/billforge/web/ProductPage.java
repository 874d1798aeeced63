package dev.billforge.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a tenant's page controller as part of the web app. Its views can use the platform
 * layout ({@code ~{fragments/layout :: head(title)}}, {@code :: header},
 * {@code :: footer}: navigation, brand, org switcher, bell), because the web app adds the
 * layout's model to its requests, and its errors get the web app's readable pages:
 * {@link WebOrgs.NoCurrentOrgException} redirects to onboarding, a 402
 * {@code ProblemException} or {@code CreditsDeniedException} shows the
 * insufficient-credits page, any other {@code ProblemException} the error page with its
 * status (404 for another org's object).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProductPage {

}
