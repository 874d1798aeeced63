package dev.billforge.identity.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.billforge.branding.Brand;
import dev.billforge.branding.BrandAnswers;
import dev.billforge.branding.BrandPackWriter;
import dev.billforge.branding.autoconfigure.BrandAutoConfiguration;
import dev.billforge.identity.IdentityAutoConfiguration;
import dev.billforge.identity.KeycloakProperties;
import dev.billforge.identity.KeycloakSettings;
import dev.billforge.identity.LoginBrand;
import dev.billforge.identity.LoginBrandSource;
import dev.billforge.identity.provisioning.internal.LoginThemeFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * The Keycloak login theme that provisioning installs carries the tenant's brand pack —
 * the one in its jar or one mounted with BRAND_DIR — and not the theme.* fallback
 * properties. No Keycloak: the theme files are written exactly as the provisioning
 * command writes them.
 */
class LoginThemeFromBrandPackTest {

	private final ApplicationContextRunner keycloakTenant = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class, BrandAutoConfiguration.class))
		.withPropertyValues("billforge.identity.keycloak.server-url=http://127.0.0.1:9",
				"billforge.identity.keycloak.realm=fjord", "billforge.identity.keycloak.client-secret=s3cret",
				"billforge.identity.keycloak.public-base-url=https://fjord.example",
				// fallbacks that must not win over a brand pack
				"billforge.product.name=Property Name", "billforge.identity.keycloak.theme.primary-color=#FF0000");

	@TempDir
	Path temp;

	@Test
	void aPackMountedWithBrandDirBecomesTheLoginTheme() throws Exception {
		Path packDir = temp.resolve("client-brand");
		Brand pack = BrandPackWriter.writeDefault(packDir,
				new BrandAnswers("Fjord Analytics", "Numbers from the north", "#0E7490", "help@fjord.example"));
		Path themes = temp.resolve("themes");

		keycloakTenant.withPropertyValues("BRAND_DIR=" + packDir, "billforge.identity.keycloak.themes-dir=" + themes)
			.run(context -> {
				RealmSpec spec = provisionedSpec(context);
				LoginThemeFiles.write(spec.theme());

				assertThat(spec.displayName()).isEqualTo("Fjord Analytics");
				String css = Files.readString(themes.resolve("fjord/login/resources/css/brand.css"));
				var light = pack.palette().light();
				var dark = pack.palette().dark();
				assertThat(css)
					.contains("--billforge-product-name: \"Fjord Analytics\";", "--billforge-primary: #0E7490;",
							"--billforge-background: " + light.background().hex() + ";",
							"--billforge-text: " + light.text().hex() + ";",
							"--billforge-on-primary: " + light.onPrimary().hex() + ";",
							"--keycloak-logo-url: url('../img/logo.svg');")
					.doesNotContain("#FF0000", "Property Name");
				assertThat(css.substring(css.indexOf(":root.pf-v5-theme-dark"))).contains(
						"--billforge-primary: " + dark.primary().hex() + ";",
						"--billforge-background: " + dark.background().hex() + ";",
						"--billforge-text: " + dark.text().hex() + ";");
				assertThat(Files.readString(themes.resolve("fjord/login/resources/img/logo.svg")))
					.isEqualTo(pack.logoSvg());
			});
	}

	@Test
	void theTenantsOwnPackGivesTheLoginThemeItsNameColoursFontsAndLogo() {
		keycloakTenant.withPropertyValues("billforge.brand.location=classpath:login-lab-brand/").run(context -> {
			LoginBrand brand = context.getBean(LoginBrandSource.class).loginBrand();

			assertThat(context).hasSingleBean(LoginBrandSource.class);
			assertThat(brand.productName()).isEqualTo("Login Lab");
			assertThat(brand.primaryColor()).isEqualTo("#7C3AED");
			assertThat(brand.logoSvg()).contains("aria-label=\"Login Lab\"");
			String css = LoginThemeFiles.render(brand).get("login/resources/css/brand.css");
			assertThat(css).contains(
					"--pf-v5-global--FontFamily--text: \"Atkinson Hyperlegible\", system-ui, sans-serif;",
					"--pf-v5-global--FontFamily--heading: \"Fraunces\", Georgia, serif;",
					"--billforge-accent: #0E7490;", "--billforge-primary: #A78BFA;");
		});
	}

	@Test
	void withoutABrandPackTheThemePropertiesAreTheFallback() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class))
			.withPropertyValues("billforge.identity.keycloak.server-url=http://127.0.0.1:9",
					"billforge.identity.keycloak.realm=fjord", "billforge.identity.keycloak.client-secret=s3cret",
					"billforge.product.name=Property Name", "billforge.identity.keycloak.theme.primary-color=#FF0000")
			.run(context -> {
				LoginBrand brand = context.getBean(LoginBrandSource.class).loginBrand();
				assertThat(brand).isEqualTo(new LoginBrand("Property Name", "#FF0000", null));
			});
	}

	@Test
	void aTenantsOwnLoginBrandSourceWinsOverThePack() {
		LoginBrand custom = new LoginBrand("Custom", "#123456", null);
		keycloakTenant.withBean(LoginBrandSource.class, () -> () -> custom).run(context -> {
			assertThat(context).hasSingleBean(LoginBrandSource.class);
			assertThat(context.getBean(LoginBrandSource.class).loginBrand()).isEqualTo(custom);
		});
	}

	private static RealmSpec provisionedSpec(ApplicationContext context) {
		return RealmSpecFactory.create(context.getBean(KeycloakSettings.class),
				context.getBean(KeycloakProperties.class), context.getBean(LoginBrandSource.class).loginBrand());
	}

}
