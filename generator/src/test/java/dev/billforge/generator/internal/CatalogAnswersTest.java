package dev.billforge.generator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * tenant.yml's catalog: every field survives writing and reading, and bad input is
 * refused naming what to fix.
 */
class CatalogAnswersTest {

	@Test
	void everyCatalogFieldSurvivesWritingAndReadingTenantYml() {
		TenantAnswers a = CatalogFixtures.read(CatalogFixtures.EVERY_FIELD);

		assertThat(AnswersFile.read(AnswersFile.write(a), "tenant.yml")).isEqualTo(a);
		Plan seat = a.plans().get(0);
		assertThat(seat.seats()).isTrue();
		assertThat(seat.name()).isEqualTo("Acme Team (per seat)");
		assertThat(seat.features().values()).containsOnlyKeys("documents_per_month", "mcp_access"); // beta:
																									// false
																									// is
																									// off
		assertThat(a.catalog().coupons()).extracting(Coupon::id).containsExactly("LAUNCH50", "TENOFF");
		assertThat(a.catalog().counters()).containsEntry("seats", Catalog.Counter.MEMBERS);
	}

	@Test
	void aCatalogWithOnlyFeatureSetsIsStillGenerated() {
		TenantAnswers a = CatalogFixtures.read("""
				catalog:
				  currency: "usd"
				  enterprise-features: {mcp_access: true}
				  plans: []
				  packs: []
				""");

		assertThat(CatalogFixtures.catalogYml(a)).contains("enterprise:\n  features: {mcp_access: true}\n",
				"plans: []\n");
	}

	@Test
	void amountsFollowTheCurrencysMinorUnit() {
		String yen = CatalogFixtures.catalogYml(CatalogFixtures.read("""
				catalog:
				  currency: "jpy"
				  plans:
				    - {key: "team", price: "4900", included-credits: "100", overage: "1.5"}
				  packs: []
				"""));
		String dinar = CatalogFixtures.catalogYml(CatalogFixtures.read("""
				catalog:
				  currency: "kwd"
				  plans:
				    - {key: "team", price: "19.990", included-credits: "100"}
				  packs: []
				"""));

		assertThat(yen).contains("amount: 4900 ", "overagePerCredit: \"1.5\"\n");
		assertThat(dinar).contains("amount: 19990 ");
		// Stripe refuses three-decimal amounts that are not multiples of 10, in the
		// catalog's own currency too
		assertThatThrownBy(() -> CatalogFixtures.read("""
				catalog:
				  currency: "kwd"
				  plans:
				    - {key: "team", price: "19.995", included-credits: "100"}
				  packs: []
				""")).hasMessageContaining("must end in 0");
		assertThatThrownBy(() -> CatalogFixtures.read("""
				catalog:
				  currency: "jpy"
				  plans:
				    - {key: "team", price: "49.5", included-credits: "100"}
				""")).hasMessageContaining("--plan: price 49.5 has fractions of a whole JPY");
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@CsvSource(delimiter = '|', value = {
			"name: \"Acme Team (per seat)\"|name: \""
					+ "Acme Team with a name far longer than Stripe shows on a Checkout page, eighty-one"
					+ "\"|--plan: plan 'team_seat': name must be one line of 1 to 80 characters",
			"name: \"Acme Team (per seat)\"|name: \"Acme\\tTeam\"|--plan: plan 'team_seat': name must be one line of 1 to 80 characters, without control characters",
			"name: \"Acme Team (per seat)\"|name: \" Acme Team\"|--plan: plan 'team_seat': name must be one line of 1 to 80 characters, without control characters or spaces around it",
			"name: \"10 hours (1,500 Credits)\"|name: \"\"|--pack: pack 'block_10h': name must be one line",
			"lookup-key: \"acme_team_seat_v2\"|lookup-key: \"Acme Team\"|lookup key 'Acme Team' must be lower case letters",
			"lookup-key: \"acme_team_seat_v2\"|lookup-key: \"acme_block_1500\"|lookup-key: 'acme_block_1500' is given twice",
			"price: \"49.90\"|price: \"-49.90\"|price of plan 'team_seat' '-49.90' is not a non-negative decimal",
			"price: \"49.90\"|price: 49.90|must be quoted (\"49.9\"): decimals are read exactly, never as floating point",
			"price: \"49.90\"|price: \"49.999\"|--plan: price 49.999 has fractions of a cent",
			"price: \"49.90\"|price: \"1234567890123456\"|is not a non-negative decimal like 19 or 0.001 (at most 15 digits",
			"price: \"49.90\"|price: \"999999999999\"|price 999999999999 is larger than Stripe accepts",
			"included-credits: \"100.5\"|included-credits: \"100.555\"|included credits of plan 'team_seat' 100.555 has more than 2 fractional digits",
			"interval: \"year\"|interval: \"fortnight\"|interval of plan 'team_seat' must be one of",
			"seats: true|seats: \"maybe\"|seats: plan 'team_seat': must be true or false",
			"trial-days: 14|trial-days: 0|trial-days must be a whole number from 1 to 730",
			"trial-days: 14|trial-days: 731|trial-days must be a whole number from 1 to 730",
			"trial-days: 14|trial-days: 7.5|trial-days: plan 'team_seat': must be a whole number",
			"trial-days: 14|trial-reminder: 14|trial-reminder: plan 'team_seat': unknown field; known:",
			"seats: true|seat: true|seat: plan 'team_seat': unknown field; known:",
			"key: \"team_seat\"|key: \"Team Seat\"|plan key 'Team Seat' must be lower case letters",
			"key: \"team_seat\"|key: \"block_10h\"|--pack: 'block_10h' is given twice",
			"features: {mcp_access: true, documents_per_month: 500, beta: false}|features: {MCP: true}|feature name 'MCP' must be lower case",
			"features: {mcp_access: true, documents_per_month: 500, beta: false}|features: {documents_per_month: 1.5}|feature documents_per_month must be true, false or a whole number",
			"features: {mcp_access: true, documents_per_month: 500, beta: false}|features: {documents_per_month: 1000000000000}|feature documents_per_month must be true, false or a whole number from 0 to 999999999999",
			"features: {mcp_access: true, documents_per_month: 500, beta: false}|features: [mcp_access]|features must be a mapping",
			"documents_per_month: {meter: \"page\"}|documents_per_month: {meter: \"pages\"}|documents_per_month counts meter 'pages', which is not one of the tenant's meters [llm_token, page]",
			"seats: {counter: \"members\"}|seats: {counter: \"admins\"}|feature-counters: seats needs {meter: <meter>} or {counter: members}",
			"min-quantity: 2|min-quantity: 0|quantities must satisfy 1 <= min-quantity <= max-quantity <= 10000",
			"max-quantity: 10|max-quantity: 1|quantities must satisfy 1 <= min-quantity <= max-quantity <= 10000",
			"max-quantity: 10|max-quantity: 10001|quantities must satisfy 1 <= min-quantity <= max-quantity <= 10000",
			"price: \"1600\"|price: \"0\"|price of the 1500 credit pack must be positive",
			"credits: \"1500\"|credits: \"1500.5\"|credits of a pack must be a positive whole number",
			"percent-off: \"50\"|percent-off: \"100.5\"|coupon LAUNCH50: give either percent-off (above 0, at most 100, two decimals)",
			"amount-off: \"10.50\"|amount-off: \"10.50\"\\n      percent-off: \"5\"|coupon TENOFF: give either percent-off",
			"name: \"Launch, 50 % for two months\"|name: \"Launch, 50 % for two months, new customers only\"|coupons: coupon LAUNCH50: name must be one line of 1 to 40 characters",
			"duration-in-months: 2|duration-in-months: 37|duration is once, repeating (with duration-in-months 1 to 36) or forever",
			"\"launch-friends\"|\"Launch\"|coupons: 'LAUNCH' is given twice",
			"\"launch-friends\"|\"launch friends!\"|promotion code 'launch friends!' must be letters, digits, _ and -",
			"id: \"TENOFF\"|id: \"LAUNCH50\"|coupons: 'LAUNCH50' is given twice",
			"currency: \"eur\"|currency: \"euro\"|--currency: 'euro' is not a three-letter ISO currency code",
			"usd: {price: \"54.90\", overage: \"0.0135\"}|USD: {price: \"54.90\", overage: \"0.0135\"}|--plan: plan 'team_seat': currency-options: 'USD' is not a lower-case three-letter ISO 4217 currency code",
			"usd: {price: \"54.90\", overage: \"0.0135\"}|usdollar: {price: \"54.90\", overage: \"0.0135\"}|currency-options: 'usdollar' is not a lower-case three-letter ISO 4217 currency code",
			"usd: {price: \"54.90\", overage: \"0.0135\"}|eur: {price: \"54.90\", overage: \"0.0135\"}|--plan: plan 'team_seat': currency-options: eur is the catalog's own currency",
			"jpy: {price: \"7900\", overage: \"2\"}|usd: {price: \"7900\", overage: \"2\"}|found duplicate key usd",
			"usd: {price: \"54.90\", overage: \"0.0135\"}|usd: \"54.90\"|--plan: plan 'team_seat': currency-options: usd needs {price: ...}",
			"usd: {price: \"54.90\", overage: \"0.0135\"}|usd: {price: 54.90, overage: \"0.0135\"}|price of plan 'team_seat': currency-options: usd 54.9 must be quoted",
			"usd: {price: \"54.90\", overage: \"0.0135\"}|usd: {price: \"54.90\", overage: 0.0135}|overage of plan 'team_seat': currency-options: usd 0.0135 must be quoted",
			"usd: {price: \"54.90\", overage: \"0.0135\"}|usd: {price: \"-54.90\", overage: \"0.0135\"}|is not a non-negative decimal",
			"usd: {price: \"54.90\", overage: \"0.0135\"}|usd: {price: \"54.905\", overage: \"0.0135\"}|--plan: plan 'team_seat': currency-options: usd: price 54.905 has fractions of a cent",
			"jpy: {price: \"7900\", overage: \"2\"}|jpy: {price: \"7900.5\", overage: \"2\"}|currency-options: jpy: price 7900.5 has fractions of a whole JPY",
			"kwd: {price: \"16.750\", overage: \"0.004\"}|kwd: {price: \"16.7505\", overage: \"0.004\"}|currency-options: kwd: price 16.7505 has fractions of a thousandth of KWD",
			"kwd: {price: \"16.750\", overage: \"0.004\"}|kwd: {price: \"16.755\", overage: \"0.004\"}|currency-options: kwd: price 16.755 must end in 0",
			"usd: {price: \"54.90\", overage: \"0.0135\"}|usd: {price: \"999999999999\", overage: \"0.0135\"}|currency-options: usd: price 999999999999 is larger than Stripe accepts",
			"usd: {price: \"54.90\", overage: \"0.0135\"}|usd: {price: \"54.90\"}|--plan: plan 'team_seat': currency-options: usd: overage is required, since the plan has overage",
			"usd: {price: \"54.90\", overage: \"0.0135\"}|usd: {price: \"54.90\", overage: \"0.0135\", amount: 5490}|currency-options: usd: unknown field 'amount'; known: overage, price",
			"chf: {price: \"1500.50\"}|chf: {price: \"1500.50\", overage: \"0.01\"}|--pack: pack block_10h: currency-options: chf: unknown field 'overage'; known: price",
			"chf: {price: \"1500.50\"}|chf: {price: \"0\"}|--pack: pack 'block_10h': currency-options: chf: price must be positive", })
	void badCatalogInputIsRefusedNamingTheField(String line, String replacement, String message) {
		assertThat(CatalogFixtures.EVERY_FIELD).contains(line);
		String yaml = CatalogFixtures.EVERY_FIELD.replaceFirst(java.util.regex.Pattern.quote(line),
				java.util.regex.Matcher.quoteReplacement(replacement.replace("\\n", "\n")));

		assertThatThrownBy(() -> CatalogFixtures.read(yaml)).isInstanceOf(InvalidAnswerException.class)
			.hasMessageStartingWith("tenant-acme-docs/tenant.yml: ")
			.hasMessageContaining(message);
	}

	@Test
	void moreThanTwentyFeaturesAreRefused() {
		String many = IntStream.range(0, 21)
			.mapToObj(i -> "f" + i + ": true")
			.collect(Collectors.joining(", ", "{", "}"));
		String yaml = CatalogFixtures.EVERY_FIELD.replace("features: {priority_queue: true}", "features: " + many);

		assertThatThrownBy(() -> CatalogFixtures.read(yaml)).hasMessageContaining("at most 20 features");
	}

	@Test
	void currencyOptionsAreRenderedInEachCurrencysMinorUnitsOnlyWhereSet() {
		TenantAnswers a = CatalogFixtures.read(CatalogFixtures.EVERY_FIELD);

		assertThat(a.plans().get(0).currencyOptions()).containsOnlyKeys("jpy", "kwd", "usd")
			.containsEntry("kwd", new CurrencyOption(new BigDecimal("16.75"), new BigDecimal("0.004")));
		assertThat(a.plans().get(1).currencyOptions()).isEmpty();
		assertThat(CatalogFixtures.catalogYml(a)).contains("""
				    currencyOptions:
				      jpy: {amount: 7900, overagePerCredit: 2}  # JPY 7900
				      kwd: {amount: 16750, overagePerCredit: 4}  # KWD 16.75
				      usd: {amount: 5490, overagePerCredit: "1.35"}  # USD 54.9
				""", """
				    currencyOptions:
				      chf: {amount: 150050}  # CHF 1500.5
				""").containsOnlyOnce("currencyOptions:\n      jpy");
	}

	@Test
	void overageInAnotherCurrencyNeedsOverageInTheCatalogsCurrency() {
		assertThatThrownBy(() -> CatalogFixtures.read("""
				catalog:
				  currency: "usd"
				  plans:
				    - key: "basic"
				      price: "9"
				      included-credits: "100"
				      currency-options: {eur: {price: "8", overage: "0.01"}}
				""")).hasMessageContaining(
				"--plan: plan 'basic': currency-options: eur: overage is allowed only on a plan with overage");
	}

	@Test
	void currencyOptionsMustBeABoundedMappingOfCurrencies() {
		String many = IntStream.range(0, CurrencyOption.MAX + 1)
			.mapToObj(i -> "a" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + ": {price: \"1\"}")
			.collect(Collectors.joining(", ", "{", "}"));

		assertThatThrownBy(() -> CatalogFixtures.read(pack("currency-options: " + many)))
			.hasMessageContaining("--pack: pack 100: at most 30 currency-options");
		assertThatThrownBy(() -> CatalogFixtures.read(pack("currency-options: [eur]")))
			.hasMessageContaining("--pack: pack 100: currency-options must be a mapping of currency: {price: ...}");
		assertThatThrownBy(() -> CatalogFixtures.read(pack("currency-options: {true: {price: \"1\"}}")))
			.hasMessageContaining("currency-options: 'true' is not a lower-case three-letter ISO 4217 currency code");
	}

	private static String pack(String line) {
		return """
				catalog:
				  currency: "usd"
				  plans: []
				  packs:
				    - credits: "100"
				      price: "5"
				      %s
				""".formatted(line);
	}

	@Test
	void theCommandLinesPlanTakesSeatsAndATrial() {
		Plan plan = Plan.parse("team:49:100:overage=0.011:seats:trial=14");

		assertThat(plan.seats()).isTrue();
		assertThat(plan.trialDays()).isEqualTo(14);
		assertThatThrownBy(() -> Plan.parse("team:49:100:seat")).hasMessageContaining("unknown part 'seat'");
		assertThat(List.of(plan)).isNotEmpty();
	}

}
