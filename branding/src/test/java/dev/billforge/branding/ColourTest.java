package dev.billforge.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.billforge.branding.internal.ContrastRules;

class ColourTest {

	@Test
	void shortAndLongHexFormsMeanTheSameColour() {
		assertThat(Colour.parse("#0af")).isEqualTo(Colour.parse("#00AAFF"));
		assertThat(Colour.parse("#0f766e").hex()).isEqualTo("#0F766E");
	}

	@ParameterizedTest
	@ValueSource(strings = { "#12345", "0F766E", "#GGGGGG", "#1234567", "red", "", "#12" })
	void textThatIsNotAHexColourIsRefused(String text) {
		assertThat(Colour.tryParse(text)).isEmpty();
		assertThatThrownBy(() -> Colour.parse(text)).hasMessageContaining("is not a colour");
	}

	@Test
	void luminanceFollowsWcagDefinition() {
		assertThat(Colour.WHITE.relativeLuminance()).isEqualTo(1.0);
		assertThat(Colour.BLACK.relativeLuminance()).isEqualTo(0.0);
		// mid grey #808080: channel 128/255 linearised is 0.21586...
		assertThat(Colour.parse("#808080").relativeLuminance()).isCloseTo(0.2158605, within(1e-6));
		// low channel values use the linear segment: 10/255/12.92
		assertThat(Colour.parse("#0A0A0A").relativeLuminance()).isCloseTo(10 / 255.0 / 12.92, within(1e-12));
	}

	@Test
	void contrastRatiosMatchKnownWcagValues() {
		assertThat(Colour.WHITE.contrastWith(Colour.BLACK)).isEqualTo(21.0);
		assertThat(Colour.BLACK.contrastWith(Colour.WHITE)).isEqualTo(21.0);
		// the classic AA boundary: #767676 passes on white, #777777 does not
		assertThat(Colour.parse("#767676").contrastWith(Colour.WHITE)).isGreaterThanOrEqualTo(4.5);
		assertThat(Colour.parse("#777777").contrastWith(Colour.WHITE)).isLessThan(4.5);
	}

	@Test
	void ratioIsShownRoundedDownSoAFailingValueNeverLooksLikeAPass() {
		assertThat(ContrastRules.formatRatio(4.4999)).isEqualTo("4.49:1");
		assertThat(ContrastRules.formatRatio(21.0)).isEqualTo("21.00:1");
	}

}
