package dev.billforge.identity;

import org.springframework.context.annotation.PropertySource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant reduced to platform-core's auto-configuration and a few pages, for the
 * identity tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(IdentityTestApp.Pages.class)
@PropertySource("classpath:identity-test-app.properties")
public class IdentityTestApp {

	@RestController
	static class Pages {

		@GetMapping("/")
		String home(Authentication authentication) {
			return "Signed in as " + authentication.getName();
		}

		@GetMapping("/operator")
		String operator() {
			return "Operator console";
		}

		@GetMapping("/pricing")
		String pricing() {
			return "Pricing";
		}

		@GetMapping("/hello")
		String hello() {
			return "Hello";
		}

	}

}
