package dev.billforge.branding.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.billforge.branding.Brand;
import dev.billforge.branding.BrandPackLoader;
import dev.billforge.branding.InvalidBrandPackException;
import dev.billforge.branding.PackFixture;

class BrandAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BrandAutoConfiguration.class));

	@TempDir
	Path temp;

	@Test
	void tenantPackOnTheClasspathBecomesTheBrandBean() {
		runner.run(context -> {
			assertThat(context).hasNotFailed().hasSingleBean(Brand.class).hasBean("brand");
			Brand brand = context.getBean(Brand.class);
			assertThat(brand.productName()).isEqualTo("Acme Docs");
			assertThat(brand.source()).isEqualTo("classpath:brand/");
			assertThat(brand.css()).contains("--bf-primary: #0F766E;");
			assertThat(brand.messageOverrides().get(java.util.Locale.GERMAN)).containsEntry("billing.credits",
					"Seiten-Guthaben");
		});
	}

	@Test
	void externalDirectoryWinsOverTheClasspathPack() {
		PackFixture pack = PackFixture.example(temp.resolve("mounted"))
			.replace("brand.yml", "name: \"Acme Docs\"", "name: \"Client Rebrand\"");
		runner.withPropertyValues("billforge.brand.dir=" + pack.dir())
			.run(context -> assertThat(context.getBean(Brand.class).productName()).isEqualTo("Client Rebrand"));
	}

	@Test
	void brandDirEnvironmentVariableWinsOverTheClasspathPack() {
		PackFixture pack = PackFixture.example(temp.resolve("mounted"))
			.replace("brand.yml", "name: \"Acme Docs\"", "name: \"Mounted Brand\"");
		// environment variables reach Spring as properties with their own name
		runner.withPropertyValues("BRAND_DIR=" + pack.dir())
			.run(context -> assertThat(context.getBean(Brand.class).productName()).isEqualTo("Mounted Brand"));
	}

	@Test
	void billforgeBrandDirWinsOverBrandDir() {
		PackFixture a = PackFixture.example(temp.resolve("a"))
			.replace("brand.yml", "name: \"Acme Docs\"", "name: \"From property\"");
		PackFixture b = PackFixture.example(temp.resolve("b"))
			.replace("brand.yml", "name: \"Acme Docs\"", "name: \"From env\"");
		runner.withPropertyValues("billforge.brand.dir=" + a.dir(), "BRAND_DIR=" + b.dir())
			.run(context -> assertThat(context.getBean(Brand.class).productName()).isEqualTo("From property"));
	}

	@Test
	void externalDirectoryThatDoesNotExistStopsStartupInsteadOfFallingBack() {
		runner.withPropertyValues("BRAND_DIR=" + temp.resolve("typo")).run(context -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyse(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("BRAND_DIR: \"" + temp.resolve("typo") + "\" is not a directory");
		});
	}

	@Test
	void withoutATenantPackTheNeutralDefaultIsUsed() {
		runner.withPropertyValues("billforge.brand.location=classpath:no-such-pack/").run(context -> {
			Brand brand = context.getBean(Brand.class);
			assertThat(brand.productName()).isEqualTo("Billforge");
			assertThat(brand.source()).isEqualTo("classpath:brand-default/");
		});
	}

	@Test
	void withoutATenantPackStartupFailsWhenTheDefaultIsNotAllowed() {
		runner
			.withPropertyValues("billforge.brand.location=classpath:no-such-pack/",
					"billforge.brand.allow-default=false")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(analyse(context.getStartupFailure()).getDescription())
					.contains("no brand pack found at classpath:no-such-pack/");
			});
	}

	@Test
	void badPackStopsStartupAndTheFailureAnalysisNamesTheField() {
		PackFixture pack = PackFixture.example(temp.resolve("bad"))
			.replace("brand.yml", "primary: \"#0F766E\"", "primary: \"#12345\"")
			.replace("brand.yml", "text: \"#111827\"", "text: \"#777777\"");
		runner.withPropertyValues("billforge.brand.dir=" + pack.dir()).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(InvalidBrandPackException.class);
			FailureAnalysis analysis = analyse(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("has 3 problems")
				.contains("brand.yml: palette.light.primary: \"#12345\" is not a colour (#RRGGBB or #RGB expected)")
				.contains("brand.yml: palette.light.text: contrast of text #777777 on background #FFFFFF is 4.47:1");
			assertThat(analysis.getAction()).contains("BrandPackValidator");
		});
	}

	@Test
	void lazyInitialisationDoesNotHideABadPack() {
		PackFixture pack = PackFixture.example(temp.resolve("bad")).delete("logo.svg");
		runner.withPropertyValues("billforge.brand.dir=" + pack.dir(), "spring.main.lazy-initialization=true")
			.withInitializer(ctx -> ctx
				.addBeanFactoryPostProcessor(new org.springframework.boot.LazyInitializationBeanFactoryPostProcessor()))
			.run(context -> assertThat(context).hasFailed());
	}

	@Test
	void anAppProvidedBrandBeanTakesPrecedence() {
		Path dir = PackFixture.copy("brand-default", temp.resolve("own")).dir();
		runner.withUserConfiguration(OwnBrand.class)
			.withPropertyValues("own.dir=" + dir)
			.run(context -> assertThat(context.getBean(Brand.class).productName()).isEqualTo("Billforge"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBrand {

		@Bean
		Brand brand(org.springframework.core.env.Environment env) {
			return BrandPackLoader.load(Path.of(env.getRequiredProperty("own.dir")));
		}

	}

	private static FailureAnalysis analyse(Throwable failure) {
		FailureAnalysis analysis = new InvalidBrandPackFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("the brand failure analyzer recognises %s", failure).isNotNull();
		return analysis;
	}

}
