package dev.billforge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class OperatorTokenTest {

	private static final String TOKEN = "0123456789abcdef0123456789abcdef";

	@Test
	void blankEnvVariableMeansTheOperatorApiIsOff() {
		OperatorToken token = OperatorToken.resolve(new ApiProperties(),
				new MockEnvironment().withProperty("BILLFORGE_OPERATOR_TOKEN", ""));

		assertThat(token.isSet()).isFalse();
		assertThat(token.matches("")).isFalse();
	}

	@Test
	void whitespaceOnlyPropertyFallsBackToTheEnvVariable() {
		ApiProperties properties = new ApiProperties();
		properties.setOperatorToken("   ");

		OperatorToken token = OperatorToken.resolve(properties,
				new MockEnvironment().withProperty("BILLFORGE_OPERATOR_TOKEN", TOKEN));

		assertThat(token.matches(TOKEN)).isTrue();
	}

	@Test
	void shortTokenStillStopsTheApp() {
		assertThatThrownBy(() -> OperatorToken.resolve(new ApiProperties(),
				new MockEnvironment().withProperty("BILLFORGE_OPERATOR_TOKEN", "short")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("at least 32");
	}

	@Test
	void onlyTheExactTokenMatches() {
		ApiProperties properties = new ApiProperties();
		properties.setOperatorToken(TOKEN);
		OperatorToken token = OperatorToken.resolve(properties, new MockEnvironment());

		assertThat(token.matches(TOKEN)).isTrue();
		assertThat(token.matches(TOKEN + "x")).isFalse();
		assertThat(token.matches(null)).isFalse();
	}

}
