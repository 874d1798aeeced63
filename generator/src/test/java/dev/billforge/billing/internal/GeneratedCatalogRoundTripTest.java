package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import dev.billforge.billing.CatalogEntry.CurrencyOption;
import dev.billforge.billing.CatalogEntry.Kind;
import dev.billforge.billing.FeatureCatalog;
import dev.billforge.billing.FeatureSet;
import dev.billforge.generator.internal.CatalogFixtures;
import dev.billforge.generator.internal.TenantAnswers;
import dev.billforge.generator.internal.Workspace;

/**
 * tenant.yml → generated catalog.yml → platform-core's own catalog parser: every field of
 * the generator's catalog arrives as the platform entry it stands for. (In billing's
 * internal package because the parser is internal; the generator module has platform-core
 * on its test class path only.)
 */
class GeneratedCatalogRoundTripTest {

	private static CatalogFile parse(String yaml) {
		return CatalogFile.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8))).orElseThrow();
	}

	private static FeatureSet features(Set<String> switches, Map<String, Long> limits) {
		return new FeatureSet(new TreeSet<>(switches), new TreeMap<>(limits));
	}

	@Test
	void everyFieldOfTenantYmlsCatalogReachesThePlatformCatalogUnchanged() {
		TenantAnswers answers = CatalogFixtures.read(CatalogFixtures.EVERY_FIELD);

		CatalogFile file = parse(CatalogFixtures.catalogYml(answers));

		assertThat(file.currency()).isEqualTo("eur");
		assertThat(file.items()).containsExactly(
				new CatalogFile.Item(Kind.PLAN, "team_seat", "Acme Team (per seat)", "acme_team_seat_v2", 4990, "year",
						new BigDecimal("100.5"), new BigDecimal("1.25"), null, null, null,
						features(Set.of("mcp_access"), Map.of("documents_per_month", 500L)), true,
						new CatalogFile.TrialSpec(14, false, new BigDecimal("250")), false,
						Map.of("usd", new CurrencyOption(5490, new BigDecimal("1.35")), "jpy",
								new CurrencyOption(7900, new BigDecimal("2")), "kwd",
								new CurrencyOption(16750, new BigDecimal("4")))),
				new CatalogFile.Item(Kind.PLAN, "basic", "Acme Docs Basic", "acme_docs_basic_monthly", 900, "month",
						new BigDecimal("1000"), null, null, null, null, FeatureSet.EMPTY, false, null, true),
				new CatalogFile.Item(Kind.PACK, "block_10h", "10 hours (1,500 Credits)", "acme_block_1500", 160000,
						null, null, null, new BigDecimal("1500"), 2, 10, features(Set.of("priority_queue"), Map.of()),
						false, null, true, Map.of("chf", new CurrencyOption(150050, null))),
				new CatalogFile.Item(Kind.PACK, "pack_100", "100 Credits", "acme_docs_pack_100", 500, null, null, null,
						new BigDecimal("100"), 1, 100, FeatureSet.EMPTY, false, null, true));
		assertThat(file.coupons()).containsExactly(
				new CatalogFile.CouponSpec("LAUNCH50", "Launch, 50 % for two months", new BigDecimal("50"), null,
						"repeating", 2, List.of("LAUNCH", "launch-friends")),
				new CatalogFile.CouponSpec("TENOFF", null, null, 1050L, "once", null, List.of()));
		assertThat(file.features()).isEqualTo(new FeatureCatalog(
				Map.of("documents_per_month", FeatureCatalog.Counter.ofMeter("page"), "seats",
						FeatureCatalog.Counter.MEMBERS),
				features(Set.of(), Map.of("documents_per_month", 20L)),
				features(Set.of("mcp_access", "priority_queue"), Map.of())));
		// what Stripe gets: the per-seat marker, the trial and the exact overage in the
		// price metadata
		assertThat(file.items().get(0).priceMetadata("acme_docs")).containsEntry("per_seat", "true")
			.containsEntry("included_credits", "100.5")
			.containsEntry("overage_unit_amount_decimal", "1.25")
			.containsEntry("trial_days", "14")
			.containsEntry("trial_card_required", "false")
			.containsEntry("trial_credits", "250")
			.containsEntry("features", "documents_per_month=500,mcp_access")
			.doesNotContainKey("allow_promotion_codes")
			// each other currency's overage rate, exact, in that currency's minor units
			// per credit
			.containsEntry("overage_unit_amount_decimal_usd", "1.35")
			.containsEntry("overage_unit_amount_decimal_jpy", "2")
			.containsEntry("overage_unit_amount_decimal_kwd", "4");
		assertThat(file.items().get(2).priceMetadata("acme_docs").keySet())
			.noneMatch(key -> key.startsWith(CatalogFile.OVERAGE_IN));
	}

	@Test
	void aPlanWithOnlyTheCommandLinesFieldsGetsNoMetadataItDidNotAskFor() {
		TenantAnswers answers = CatalogFixtures.read("""
				catalog:
				  currency: "usd"
				  plans:
				    - {key: "team", price: "99", included-credits: "15000", overage: "0.01"}
				  packs: []
				""");

		CatalogFile.Item team = parse(CatalogFixtures.catalogYml(answers)).items().get(0);

		// a key here that a tenant did not ask for would make the next push replace its
		// live price
		assertThat(team.priceMetadata("acme_docs").keySet()).containsExactlyInAnyOrder("product", "kind", "tier",
				"catalog_key", "included_credits", "overage_unit_amount_decimal");
		assertThat(team.overagePerCredit()).isEqualTo(new BigDecimal("1"));
		assertThat(team.currencyOptions()).isEmpty();
		assertThat(CatalogFixtures.catalogYml(answers)).doesNotContain("currencyOptions");
	}

	@Test
	void theLabPortalsCatalogHasItsPerSeatTeamPlanAndCreditPackFromTenantYml() throws Exception {
		Path repository = Path.of("..").toAbsolutePath().normalize();
		TenantAnswers lab = new Workspace(repository).tenants()
			.stream()
			.filter(t -> t.answers().tag().equals("lab_portal"))
			.findFirst()
			.orElseThrow()
			.answers();

		CatalogFile file = parse(CatalogFixtures.catalogYml(lab));

		assertThat(file.currency()).isEqualTo("eur");
		assertThat(file.items()).filteredOn(CatalogFile.Item::perSeat).singleElement().satisfies(seat -> {
			assertThat(seat.lookupKey()).isEqualTo("lab_portal_team_seat_monthly");
			assertThat(seat.amount()).isEqualTo(4900);
			assertThat(seat.includedCredits()).isEqualByComparingTo("100");
		});
		assertThat(file.items()).filteredOn(i -> i.kind() == Kind.PACK).singleElement().satisfies(pack -> {
			assertThat(pack.lookupKey()).isEqualTo("lab_portal_block_1500");
			assertThat(pack.credits()).isEqualByComparingTo("1500");
			assertThat(pack.maxQuantity()).isEqualTo(10);
		});
		// and it is the file the tenant ships (DemoTenantsDriftTest keeps them equal byte
		// for byte)
		assertThat(parse(Files.readString(repository.resolve("tenant-lab-portal/src/main/resources/catalog.yml"))))
			.isEqualTo(file);
	}

}
