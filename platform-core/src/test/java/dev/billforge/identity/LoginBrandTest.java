package dev.billforge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoginBrandTest {

	@Test
	void shortHexColoursAreNormalisedSoEqualBrandsGiveEqualThemes() {
		assertThat(new LoginBrand("Acme", "#0af", null).primaryColor()).isEqualTo("#00AAFF");
	}

	@Test
	void malformedColourIsRefusedNamingTheField() {
		assertThatThrownBy(() -> new LoginBrand("Acme", "red; background:url(x)", null))
			.hasMessageContaining("primary colour");
	}

	@Test
	void logoMustBeAnSvgWithoutScripts() {
		assertThatThrownBy(() -> new LoginBrand("Acme", "#000", "PNG...")).hasMessageContaining("not an SVG");
		assertThatThrownBy(() -> new LoginBrand("Acme", "#000", "<svg><script>alert(1)</script></svg>"))
			.hasMessageContaining("scripts");
	}

	@Test
	void emptyProductNameIsRefused() {
		assertThatThrownBy(() -> new LoginBrand(" ", "#000", null)).hasMessageContaining("product name");
	}

	@Test
	void fontsThatCouldLeaveTheCssDeclarationAreRefused() {
		LoginBrand.Colours colours = new LoginBrand.Colours("#fff", "#fff", "#000", "#333", "#ccc", "#00f", "#fff",
				"#f0f");
		assertThatThrownBy(() -> new LoginBrand.Style(colours, colours, "Inter; } body { display:none", "Inter"))
			.hasMessageContaining("body font");
		assertThat(new LoginBrand.Style(colours, colours, " \"Inter\", sans-serif ", "Inter").bodyFont())
			.isEqualTo("\"Inter\", sans-serif");
		assertThat(colours.background()).isEqualTo("#FFFFFF");
	}

}
