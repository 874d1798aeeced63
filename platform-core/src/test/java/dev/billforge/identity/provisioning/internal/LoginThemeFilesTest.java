package dev.billforge.identity.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.billforge.identity.LoginBrand;
import dev.billforge.identity.provisioning.RealmSpec.ThemeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginThemeFilesTest {

	private static final String LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>";

	@Test
	void themeExtendsKeycloakV2AndCarriesTheBrandColoursNameAndLogo() {
		Map<String, String> files = LoginThemeFiles.render(new LoginBrand("Acme Docs", "#0f766e", LOGO));

		assertThat(files.get("login/theme.properties")).contains("parent=keycloak.v2",
				"styles=css/styles.css css/brand.css");
		assertThat(files.get("login/resources/css/brand.css")).contains("--billforge-primary: #0F766E;",
				"--billforge-product-name: \"Acme Docs\";", "--keycloak-logo-url: url('../img/logo.svg');",
				"--billforge-primary-dark: #0C5E58;");
		assertThat(files.get("login/resources/img/logo.svg")).isEqualTo(LOGO);
	}

	@Test
	void withoutLogoTheProductNameIsShownAsText() {
		Map<String, String> files = LoginThemeFiles.render(new LoginBrand("Acme Docs", "#0F766E", null));

		assertThat(files).doesNotContainKey("login/resources/img/logo.svg");
		assertThat(files.get("login/resources/css/brand.css"))
			.contains("div.kc-logo-text span {\n    display: inline;");
	}

	@Test
	void headerTextIsDarkOnTheLightBackgroundAndLightInDarkMode() {
		String css = LoginThemeFiles.css(new LoginBrand("Acme Docs", "#0F766E", null));

		assertThat(css).contains("#kc-header-wrapper,\ndiv.kc-logo-text span {\n    color: #151515;")
			.contains(
					".pf-v5-theme-dark #kc-header-wrapper,\n.pf-v5-theme-dark div.kc-logo-text span {\n    color: #F0F0F0;");
	}

	@Test
	void productNameCannotBreakOutOfTheCssString() {
		String css = LoginThemeFiles.css(new LoginBrand("Evil\"; } body { display:none } </style>", "#000000", null));

		assertThat(css).contains("--billforge-product-name: \"Evil\\22 ; } body { display:none } \\3c /style\\3e \";");
	}

	@Test
	void writingTheSameThemeTwiceWritesNothingTheSecondTime(@TempDir Path themes) throws Exception {
		ThemeSpec theme = new ThemeSpec(themes, "acme", new LoginBrand("Acme Docs", "#0F766E", LOGO));

		assertThat(LoginThemeFiles.write(theme)).hasSize(3);
		assertThat(LoginThemeFiles.write(theme)).isEmpty();

		ThemeSpec recoloured = new ThemeSpec(themes, "acme", new LoginBrand("Acme Docs", "#1D4ED8", LOGO));
		assertThat(LoginThemeFiles.write(recoloured))
			.containsExactly("theme acme: wrote login/resources/css/brand.css");
		assertThat(Files.readString(themes.resolve("acme/login/resources/css/brand.css"))).contains("#1D4ED8");
		try (var leftovers = Files.walk(themes)) {
			assertThat(leftovers.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
		}
	}

	@Test
	void aFullPaletteStylesPageTextButtonsAndDarkMode() {
		LoginBrand.Colours light = new LoginBrand.Colours("#FFFFFF", "#F6F5FB", "#17151F", "#55506A", "#D4D0E2",
				"#7C3AED", "#FFFFFF", "#0E7490");
		LoginBrand.Colours dark = new LoginBrand.Colours("#120F1A", "#1C1826", "#EEEBF5", "#ABA5BD", "#3A3450",
				"#A78BFA", "#1E1035", "#22D3EE");
		String css = LoginThemeFiles.css(new LoginBrand("Login Lab", "#7C3AED", LOGO,
				new LoginBrand.Style(light, dark, "\"Inter\", sans-serif", "Georgia, serif")));

		String lightPart = css.substring(0, css.indexOf(":root.pf-v5-theme-dark"));
		String darkPart = css.substring(css.indexOf(":root.pf-v5-theme-dark"), css.indexOf(".login-pf body"));
		assertThat(lightPart).contains("--billforge-background: #FFFFFF;", "--billforge-text: #17151F;",
				"--pf-v5-global--Color--100: var(--billforge-text);",
				"--pf-v5-global--FontFamily--text: \"Inter\", sans-serif;",
				"--pf-v5-global--FontFamily--heading: Georgia, serif;");
		assertThat(darkPart).contains("--billforge-background: #120F1A;", "--billforge-text: #EEEBF5;",
				"--billforge-primary: #A78BFA;", "--billforge-on-primary: #1E1035;");
		assertThat(css)
			.contains(".pf-v5-c-button.pf-m-primary {\n    background-color: var(--billforge-primary);\n"
					+ "    color: var(--billforge-on-primary);")
			.doesNotContain("#151515");
	}

}
