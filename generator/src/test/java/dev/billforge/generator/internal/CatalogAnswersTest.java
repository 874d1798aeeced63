package dev.billforge.generator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** tenant.yml's catalog: every field survives writing and reading, and bad input is refused naming what to fix. */
class CatalogAnswersTest {

    @Test
    void everyCatalogFieldSurvivesWritingAndReadingTenantYml() {
        TenantAnswers a = CatalogFixtures.read(CatalogFixtures.EVERY_FIELD);

        assertThat(AnswersFile.read(AnswersFile.write(a), "tenant.yml")).isEqualTo(a);
        Plan seat = a.plans().get(0);
        assertThat(seat.seats()).isTrue();
        assertThat(seat.name()).isEqualTo("Acme Team (per seat)");
        assertThat(seat.features().values()).containsOnlyKeys("documents_per_month", "mcp_access"); // beta: false is off
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

        assertThat(CatalogFixtures.catalogYml(a)).contains("enterprise:\n  features: {mcp_access: true}\n", "plans: []\n");
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
                    - {key: "team", price: "19.995", included-credits: "100"}
                  packs: []
                """));

        assertThat(yen).contains("amount: 4900 ", "overagePerCredit: \"1.5\"\n");
        assertThat(dinar).contains("amount: 19995 ");
        assertThatThrownBy(() -> CatalogFixtures.read("""
                catalog:
                  currency: "jpy"
                  plans:
                    - {key: "team", price: "49.5", included-credits: "100"}
                """)).hasMessageContaining("--plan: price 49.5 has fractions of a whole JPY");
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "name: \"Acme Team (per seat)\"|name: \"" + "Acme Team with a name far longer than Stripe shows on a Checkout page, eighty-one" + "\"|--plan: plan 'team_seat': name must be one line of 1 to 80 characters",
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
    })
    void badCatalogInputIsRefusedNamingTheField(String line, String replacement, String message) {
        assertThat(CatalogFixtures.EVERY_FIELD).contains(line);
        String yaml = CatalogFixtures.EVERY_FIELD.replaceFirst(java.util.regex.Pattern.quote(line),
                java.util.regex.Matcher.quoteReplacement(replacement.replace("\\n", "\n")));

        assertThatThrownBy(() -> CatalogFixtures.read(yaml)).isInstanceOf(InvalidAnswerException.class)
                .hasMessageStartingWith("tenant-acme-docs/tenant.yml: ").hasMessageContaining(message);
    }

    @Test
    void moreThanTwentyFeaturesAreRefused() {
        String many = IntStream.range(0, 21).mapToObj(i -> "f" + i + ": true").collect(Collectors.joining(", ", "{", "}"));
        String yaml = CatalogFixtures.EVERY_FIELD.replace("features: {priority_queue: true}", "features: " + many);

        assertThatThrownBy(() -> CatalogFixtures.read(yaml)).hasMessageContaining("at most 20 features");
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
