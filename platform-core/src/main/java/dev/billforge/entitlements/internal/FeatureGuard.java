package dev.billforge.entitlements.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.billforge.api.ApiPrincipal;
import dev.billforge.entitlements.Entitlements;
import dev.billforge.entitlements.RequiresFeature;
import dev.billforge.orgs.OrgId;
import dev.billforge.web.WebOrgs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Enforces {@link RequiresFeature}: the refusal is a 402 {@code feature_not_included}
 * problem, which the API answers as problem+json and the web app (for
 * {@code @ProductPage} controllers) as the upgrade page.
 */
@Configuration(proxyBeanMethods = false)
class FeatureGuard implements WebMvcConfigurer {

	private final Entitlements entitlements;

	private final WebOrgs webOrgs;

	FeatureGuard(Entitlements entitlements, org.springframework.beans.factory.ObjectProvider<WebOrgs> webOrgs) {
		this.entitlements = entitlements;
		this.webOrgs = webOrgs.getIfAvailable();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (handler instanceof HandlerMethod method) {
					RequiresFeature required = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
							RequiresFeature.class);
					if (required == null) {
						required = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(),
								RequiresFeature.class);
					}
					if (required != null) {
						OrgId org = org(request);
						// No org (signed out, no org yet): the controller's own checks
						// answer.
						if (org != null) {
							entitlements.require(org, required.value());
						}
					}
				}
				return true;
			}

		});
	}

	private OrgId org(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ApiPrincipal principal) {
			return principal.orgId();
		}
		return webOrgs == null ? null : webOrgs.current(request).map(c -> c.orgId()).orElse(null);
	}

}
