package dev.billforge.branding.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import dev.billforge.branding.PackFixture;

/**
 * Starts a real Spring Boot application, as a tenant would, to see what a person sees on
 * failure.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrandStartupFailureTest {

	@TempDir
	Path temp;

	@Test
	void badPackPrintsAReadableReportNamingTheFieldNotAStackTrace(CapturedOutput output) {
		PackFixture pack = PackFixture.example(temp.resolve("bad"))
			.replace("brand.yml", "https://acme.example/terms", "http://acme.example/terms");
		assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("billforge.brand.dir=" + pack.dir(), "spring.main.banner-mode=off")
			.run());
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("brand.yml: legal.terms: \"http://acme.example/terms\" must be an https:// URL")
			.contains("BrandPackValidator")
			.doesNotContain("Application run failed");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
