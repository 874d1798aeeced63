package dev.billforge.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.StaticMessageSource;

class BrandPackLoaderTest {

	@TempDir
	Path temp;

	private Brand example() {
		return BrandPackLoader.load(PackFixture.example(temp.resolve("brand")).dir());
	}

	@Test
	void validPackLoadsItsValues() {
		Brand brand = example();
		BrandValues v = brand.values();
		assertThat(v.productName()).isEqualTo("Acme Docs");
		assertThat(v.tagline()).isEqualTo("Documents in, data out");
		assertThat(v.palette().light().primary()).isEqualTo(Colour.parse("#0F766E"));
		assertThat(v.palette().dark().onPrimary()).isEqualTo(Colour.parse("#042F2E"));
		assertThat(v.fonts().heading()).isEqualTo("\"Inter Display\", \"Inter\", system-ui, sans-serif");
		assertThat(v.fonts().mono()).as("mono falls back to a system stack when omitted").contains("monospace");
		assertThat(v.supportEmail()).isEqualTo("support@acme.example");
		assertThat(v.emailSenderName()).isEqualTo("Acme Docs Team");
		assertThat(v.legal().terms()).isEqualTo(URI.create("https://acme.example/terms"));
		assertThat(brand.favicon().mediaType()).isEqualTo("image/png");
		assertThat(brand.favicon().fileName()).isEqualTo("favicon.png");
		assertThat(brand.source()).startsWith("directory ");
	}

	@Test
	void logoIsReadyToInlineWithoutPrologOrComments() {
		String svg = example().logoSvg();
		assertThat(svg).startsWith("<svg")
			.endsWith("</svg>")
			.doesNotContain("<?xml")
			.doesNotContain("<!--")
			.contains("aria-label=\"Acme Docs\"")
			.contains("xlink:href=\"#g\"");
	}

	@Test
	void cssCarriesLightAndDarkPaletteAndFonts() {
		String css = example().css();
		String root = css.substring(css.indexOf(":root {"), css.indexOf("}\n"));
		assertThat(root).contains("--bf-primary: #0F766E;", "--bf-on-primary: #FFFFFF;", "--bf-text: #111827;",
				"--bf-text-muted: #4B5563;", "--bf-background: #FFFFFF;", "--bf-surface: #F5F7F6;",
				"--bf-border: #D1D5DB;", "--bf-accent: #B45309;", "--bf-font-body: \"Inter\", system-ui, sans-serif;");
		String media = css.substring(css.indexOf("@media (prefers-color-scheme: dark)"),
				css.indexOf("[data-theme=dark] {"));
		assertThat(media).contains(":root:not([data-theme=light])", "--bf-primary: #2DD4BF;",
				"--bf-on-primary: #042F2E;", "--bf-background: #0B1412;");
		String toggle = css.substring(css.indexOf("[data-theme=dark] {"));
		assertThat(toggle).contains("--bf-primary: #2DD4BF;", "--bf-text: #F3F4F6;", "color-scheme: dark;");
	}

	@Test
	void cssHashIsTheSha256OfTheStylesheetForACspHeader() throws Exception {
		Brand brand = example();
		byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
			.digest(brand.css().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(brand.cssCspHash())
			.isEqualTo("'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'");
	}

	@Test
	void messageOverridesAreKeptPerLocale() {
		Brand brand = example();
		assertThat(brand.messageOverrides()).containsOnlyKeys(Locale.ROOT, Locale.GERMAN);
		assertThat(brand.messageOverrides().get(Locale.GERMAN)).containsEntry("billing.credits", "Seiten-Guthaben");
	}

	@Test
	void brandMessagesWinOverTheAppsBundleAndTheRestFallsThrough() {
		StaticMessageSource app = new StaticMessageSource();
		app.addMessage("app.title", Locale.ENGLISH, "Billforge");
		app.addMessage("home.welcome", Locale.GERMAN, "Willkommen, {0}!");
		app.addMessage("nav.billing", Locale.GERMAN, "Abrechnung");
		var messages = example().messageSource(app);

		assertThat(messages.getMessage("app.title", null, Locale.ENGLISH)).isEqualTo("Acme Docs");
		assertThat(messages.getMessage("home.welcome", new Object[] { "Ada" }, Locale.GERMANY))
			.isEqualTo("Willkommen bei Acme Docs, Ada!");
		assertThat(messages.getMessage("home.welcome", new Object[] { "Ada" }, Locale.ENGLISH))
			.isEqualTo("Welcome to Acme Docs, Ada!");
		assertThat(messages.getMessage("nav.billing", null, Locale.GERMAN)).isEqualTo("Abrechnung");
	}

	@Test
	void invalidPackThrowsWithEveryProblem() {
		PackFixture pack = PackFixture.example(temp.resolve("bad"))
			.replace("brand.yml", "primary: \"#0F766E\"", "primary: \"#12345\"")
			.delete("logo.svg");
		assertThatThrownBy(() -> BrandPackLoader.load(pack.dir()))
			.isInstanceOfSatisfying(InvalidBrandPackException.class, e -> {
				assertThat(e.problems()).hasSize(2);
				assertThat(e.getMessage()).contains("has 2 problems",
						"brand.yml: palette.light.primary: \"#12345\" is not a colour",
						"logo.svg: is missing from the brand pack");
			});
	}

}
