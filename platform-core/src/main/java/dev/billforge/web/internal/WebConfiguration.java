package dev.billforge.web.internal;

import java.time.Duration;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.billforge.branding.Brand;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import dev.billforge.identity.BrowserSecurityCustomizer;

/** Message bundles with the brand's overrides on top, language choice, public pages. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * Bundle of a tenant's own pages, optional: {@code i18n/product.properties},
	 * {@code i18n/product_de.properties}.
	 */
	static final String PRODUCT_BUNDLE = "i18n/product";

	private final BrandView brandView;

	WebConfiguration(Brand brand) {
		this.brandView = BrandView.of(brand);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				request.setAttribute("brand", brandView);
				return true;
			}

		});
	}

	@Bean
	MessageSource messageSource(Brand brand) {
		ResourceBundleMessageSource app = new ResourceBundleMessageSource();
		// A tenant's own page texts (i18n/product*.properties) come after the platform's.
		if (new ClassPathResource(PRODUCT_BUNDLE + ".properties").exists()) {
			app.setBasenames("i18n/messages", PRODUCT_BUNDLE);
		}
		else {
			app.setBasenames("i18n/messages");
		}
		app.setDefaultEncoding("UTF-8");
		app.setFallbackToSystemLocale(false);
		// Every message goes through MessageFormat, so an apostrophe is always written as
		// two.
		app.setAlwaysUseMessageFormat(true);
		return brand.messageSource(app);
	}

	@Bean
	BrowserSecurityCustomizer webPublicPages() {
		return http -> http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/brand.css", "/brand/favicon", "/login", "/signup", "/password-reset",
					"/password-reset/**")
			.permitAll());
	}

	/**
	 * The brand's stylesheet as a file, so the strict CSP (style-src 'self') allows it.
	 */
	@RestController
	static class BrandAssets {

		private final Brand brand;

		BrandAssets(Brand brand) {
			this.brand = brand;
		}

		@GetMapping(value = "/brand.css", produces = "text/css")
		ResponseEntity<String> css() {
			return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(brand.css());
		}

		@GetMapping("/brand/favicon")
		ResponseEntity<byte[]> favicon() {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(brand.favicon().mediaType()))
				.cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
				.body(brand.favicon().bytes());
		}

	}

}
