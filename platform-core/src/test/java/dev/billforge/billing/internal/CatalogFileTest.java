package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import dev.billforge.billing.CatalogEntry.Kind;
import dev.billforge.billing.FeatureCatalog;

class CatalogFileTest {

	private static CatalogFile parse(String yaml) {
		return CatalogFile.load(new ByteArrayResource(yaml.getBytes())).orElseThrow();
	}

	@Test
	void plansAndPacksBecomePricesWithTheMetadataBillingReadsBack() {
		CatalogFile file = parse(
				"""
						currency: USD
						plans:
						  - {key: team, name: Team, lookupKey: dr_team, amount: 9900, includedCredits: 15000, overagePerCredit: 0.5}
						packs:
						  - {key: pack_1000, name: 1k, lookupKey: dr_pack, amount: 1000, credits: 1000, maxQuantity: 5}
						""");
		assertThat(file.currency()).isEqualTo("usd");
		CatalogFile.Item plan = file.items().get(0);
		assertThat(plan.kind()).isEqualTo(Kind.PLAN);
		assertThat(plan.interval()).isEqualTo("month");
		assertThat(plan.priceMetadata("doc_router")).containsEntry("product", "doc_router")
			.containsEntry("kind", "plan")
			.containsEntry("tier", "team")
			.containsEntry("included_credits", "15000")
			.containsEntry("overage_unit_amount_decimal", "0.5");
		CatalogFile.Item pack = file.items().get(1);
		assertThat(pack.credits()).isEqualByComparingTo(new BigDecimal("1000"));
		assertThat(pack.priceMetadata("doc_router")).containsEntry("kind", "pack")
			.containsEntry("credits", "1000")
			.containsEntry("min_quantity", "1")
			.containsEntry("max_quantity", "5");
	}

	@Test
	void aPlanWithoutAllowanceOrWithDuplicateLookupKeysIsRefused() {
		assertThatThrownBy(() -> parse("""
				currency: usd
				plans:
				  - {key: team, name: Team, lookupKey: dr_team, amount: 9900}
				""")).hasMessageContaining("includedCredits");
		assertThatThrownBy(() -> parse("""
				currency: usd
				packs:
				  - {key: a, name: A, lookupKey: same, amount: 1, credits: 1}
				  - {key: b, name: B, lookupKey: same, amount: 2, credits: 2}
				""")).hasMessageContaining("unique");
		assertThatThrownBy(() -> parse("""
				currency: usd
				plans:
				  - {key: team, name: Team, lookupKey: t, amount: 12.5, includedCredits: 1}
				""")).hasMessageContaining("whole number");
	}

	@Test
	void trialsAndPromotionCodesBecomePriceMetadataOnlyWhereTheFileSetsThem() {
		CatalogFile file = parse(
				"""
						currency: usd
						allowPromotionCodes: true
						plans:
						  - {key: team, name: Team, lookupKey: t, amount: 9900, includedCredits: 15000, trialDays: 14, trialCredits: 500}
						  - {key: solo, name: Solo, lookupKey: s, amount: 1900, includedCredits: 2000, trialDays: 7,
						     trialCardRequired: false, allowPromotionCodes: false}
						packs:
						  - {key: p, name: P, lookupKey: p, amount: 1000, credits: 1000}
						""");
		assertThat(file.items().get(0).priceMetadata("dr")).containsEntry("trial_days", "14")
			.containsEntry("trial_card_required", "true")
			.containsEntry("trial_credits", "500")
			.containsEntry("allow_promotion_codes", "true");
		assertThat(file.items().get(1).priceMetadata("dr")).containsEntry("trial_card_required", "false")
			.doesNotContainKeys("trial_credits", "allow_promotion_codes");
		assertThat(file.items().get(2).priceMetadata("dr")).containsEntry("allow_promotion_codes", "true")
			.doesNotContainKey("trial_days");
		// A catalog without the new keys keeps exactly the metadata it had (so its prices
		// are not replaced).
		assertThat(parse("""
				currency: usd
				plans:
				  - {key: team, name: Team, lookupKey: t, amount: 9900, includedCredits: 15000}
				""").items().get(0).priceMetadata("dr")).containsOnlyKeys("product", "kind", "tier", "catalog_key",
				"included_credits");
	}

	@Test
	void couponsNeedOneKindOfDiscountAValidDurationAndUniqueCodes() {
		CatalogFile file = parse(
				"""
						currency: eur
						coupons:
						  - {id: LAUNCH50, name: Launch, percentOff: 50, duration: repeating, durationInMonths: 2, promotionCodes: [LAUNCH]}
						  - {id: TEN, amountOff: 1000, promotionCodes: [TEN, TENNER]}
						""");
		assertThat(file.coupons()).hasSize(2);
		assertThat(file.coupons().get(0).percentOff()).isEqualByComparingTo("50");
		assertThat(file.coupons().get(1).duration()).isEqualTo("once");
		assertThat(CatalogCoupons.terms(file.coupons().get(1), file.currency())).isEqualTo("1000 eur off, once");
		assertThatThrownBy(() -> parse("""
				currency: usd
				coupons: [{id: BOTH, percentOff: 10, amountOff: 100}]
				""")).hasMessageContaining("either percentOff");
		assertThatThrownBy(() -> parse("""
				currency: usd
				coupons: [{id: BIG, percentOff: 100.001}]
				""")).hasMessageContaining("either percentOff");
		assertThatThrownBy(() -> parse("""
				currency: usd
				coupons: [{id: R, percentOff: 10, duration: repeating}]
				""")).hasMessageContaining("durationInMonths");
		assertThatThrownBy(() -> parse("""
				currency: usd
				coupons:
				  - {id: A, percentOff: 10, promotionCodes: [SAME]}
				  - {id: B, percentOff: 20, promotionCodes: [same]}
				""")).hasMessageContaining("unique");
		assertThatThrownBy(() -> parse("""
				currency: usd
				coupons: [{id: A, percentOff: 10, promotionCodes: ["no spaces"]}]
				""")).hasMessageContaining("promotion code");
		assertThatThrownBy(() -> parse("""
				currency: usd
				plans:
				  - {key: team, name: Team, lookupKey: t, amount: 9900, includedCredits: 1, trialDays: 0}
				""")).hasMessageContaining("trialDays");
		assertThatThrownBy(() -> parse("""
				currency: usd
				plans:
				  - {key: team, name: Team, lookupKey: t, amount: 9900, includedCredits: 1, trialCredits: 5}
				""")).hasMessageContaining("need trialDays");
	}

	@Test
	void currencyOptionsCarryEachCurrencysAmountAndOverageRate() {
		CatalogFile file = parse(
				"""
						currency: usd
						plans:
						  - key: team
						    name: Team
						    lookupKey: dr_team
						    amount: 9900
						    includedCredits: 15000
						    overagePerCredit: 1
						    currencyOptions:
						      eur: {amount: 9200, overagePerCredit: 0.92}
						      jpy: {amount: 1500, overagePerCredit: 0.15}
						      kwd: {amount: 3050, overagePerCredit: 0.3}
						packs:
						  - {key: pack, name: Pack, lookupKey: dr_pack, amount: 1000, credits: 1000, currencyOptions: {eur: {amount: 920}}}
						""");
		CatalogFile.Item plan = file.items().get(0);
		assertThat(plan.currencyOptions()).containsOnlyKeys("eur", "jpy", "kwd");
		assertThat(plan.currencyOptions().get("jpy").unitAmount()).isEqualTo(1500L);
		assertThat(plan.priceMetadata("doc_router")).containsEntry("overage_unit_amount_decimal", "1")
			.containsEntry("overage_unit_amount_decimal_eur", "0.92")
			.containsEntry("overage_unit_amount_decimal_jpy", "0.15")
			.containsEntry("overage_unit_amount_decimal_kwd", "0.3");
		CatalogFile.Item pack = file.items().get(1);
		assertThat(pack.currencyOptions().get("eur").unitAmount()).isEqualTo(920L);
		assertThat(pack.currencyOptions().get("eur").overageUnitAmountDecimal()).isNull();
		assertThat(pack.priceMetadata("doc_router")).doesNotContainKey("overage_unit_amount_decimal_eur");
		assertThat(parse("""
				currency: usd
				packs:
				  - {key: pack, name: Pack, lookupKey: dr_pack, amount: 1000, credits: 1000}
				""").items().get(0).currencyOptions()).isEmpty();
	}

	@Test
	void aCurrencyOptionMustBeAnotherCurrencyWithAChargeableAmountAndOverageWhereThePlanHasIt() {
		String plan = """
				currency: usd
				plans:
				  - {key: team, name: Team, lookupKey: dr_team, amount: 9900, includedCredits: 15000, overagePerCredit: 1,
				     currencyOptions: {%s}}
				""";
		assertThatThrownBy(() -> parse(plan.formatted("usd: {amount: 9000, overagePerCredit: 1}")))
			.hasMessageContaining("other than the catalog's usd");
		assertThatThrownBy(() -> parse(plan.formatted("EURO: {amount: 9000, overagePerCredit: 1}")))
			.hasMessageContaining("three-letter currency code");
		assertThatThrownBy(() -> parse(plan.formatted("eur: {amount: 9000}")))
			.hasMessageContaining("overagePerCredit is required");
		assertThatThrownBy(() -> parse(plan.formatted("eur: {amount: 90.5, overagePerCredit: 1}")))
			.hasMessageContaining("whole number of minor units");
		assertThatThrownBy(() -> parse(plan.formatted("kwd: {amount: 3055, overagePerCredit: 1}")))
			.hasMessageContaining("multiple of 10");
		assertThatThrownBy(() -> parse("""
				currency: kwd
				packs:
				  - {key: pack, name: Pack, lookupKey: kw_pack, amount: 3055, credits: 1000}
				""")).hasMessageContaining("pack: amount must be a multiple of 10");
		assertThatThrownBy(() -> parse(plan.formatted("eur: {amount: 9000, overagePerCredit: 1, credits: 5}")))
			.hasMessageContaining("only amount and overagePerCredit");
		assertThatThrownBy(() -> parse("""
				currency: usd
				packs:
				  - {key: pack, name: Pack, lookupKey: dr_pack, amount: 1000, credits: 1000,
				     currencyOptions: {eur: {amount: 920, overagePerCredit: 1}}}
				""")).hasMessageContaining("allowed only on a plan with overagePerCredit");
	}

	@Test
	void missingFileMeansNothingToPush() {
		assertThat(CatalogFile.load(new ByteArrayResource(new byte[0]) {
			@Override
			public boolean exists() {
				return false;
			}
		})).isEmpty();
	}

	@Test
	void featuresAndPerSeatPlansBecomePriceMetadataAndTheFreeTierAndEnterpriseSetsAreRead() {
		CatalogFile file = parse(
				"""
						currency: usd
						features:
						  documents_per_month: {meter: page}
						  seats: {counter: members}
						freeTier:
						  features: {documents_per_month: 20}
						enterprise:
						  features: {mcp_access: true, priority_queue: true}
						plans:
						  - {key: team, name: Team, lookupKey: dr_team, amount: 1500, includedCredits: 1000, seats: true,
						     features: {mcp_access: true, documents_per_month: 500}}
						  - {key: solo, name: Solo, lookupKey: dr_solo, amount: 900, includedCredits: 100}
						packs:
						  - {key: boost, name: Boost, lookupKey: dr_boost, amount: 1000, credits: 1000, features: {priority_queue: true}}
						""");
		assertThat(file.items().get(0).priceMetadata("doc_router")).containsEntry("per_seat", "true")
			.containsEntry("features", "documents_per_month=500,mcp_access");
		assertThat(file.items().get(1).priceMetadata("doc_router")).as("unchanged for a plan without features or seats")
			.doesNotContainKeys("per_seat", "features");
		assertThat(file.items().get(2).priceMetadata("doc_router")).containsEntry("features", "priority_queue");
		assertThat(file.features().counters())
			.containsEntry("documents_per_month", FeatureCatalog.Counter.ofMeter("page"))
			.containsEntry("seats", FeatureCatalog.Counter.MEMBERS);
		assertThat(file.features().freeTier().limit("documents_per_month")).hasValue(20);
		assertThat(file.features().enterprise().has("priority_queue")).isTrue();
	}

	@Test
	void badFeaturesAndSeatsAreRefusedNamingThePlan() {
		assertThatThrownBy(() -> parse("""
				currency: usd
				plans:
				  - {key: team, name: Team, lookupKey: dr_team, amount: 1, includedCredits: 1, seats: 3}
				""")).hasMessageContaining("plan team").hasMessageContaining("seats");
		assertThatThrownBy(() -> parse(
				"""
						currency: usd
						plans:
						  - {key: team, name: Team, lookupKey: dr_team, amount: 1, includedCredits: 1, features: {mcp_access: yes please}}
						"""))
			.hasMessageContaining("plan team");
		assertThatThrownBy(() -> parse("""
				currency: usd
				features:
				  documents_per_month: {counter: documents}
				""")).hasMessageContaining("documents_per_month");
	}

}
