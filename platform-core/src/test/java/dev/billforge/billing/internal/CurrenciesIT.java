package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.core.io.ClassPathResource;

import com.stripe.StripeClient;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.checkout.Session;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.checkout.SessionListParams;

import dev.billforge.billing.CatalogEntry;
import dev.billforge.common.ProblemException;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantSource;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Membership;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.metering.Metering;
import dev.billforge.metering.UsageEvent;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.LocalAccountsTestSupport;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;
import dev.billforge.web.BillingLinks;

/**
 * More than one currency (catalog {@code billing-currencies-catalog.yml}: USD with EUR,
 * JPY and KWD options) through Checkout and a test clock: the org's currency is fixed by
 * its first purchase, prices and invoices are in it, the renewal's overage is billed in
 * it at its rate with Stripe's zero- and three-decimal rules, and credits never depend on
 * it.
 */
@BillingIntegrationTest(properties = { "billforge.product.tag=cur_shop",
		"billforge.billing.catalog.location=classpath:billing-currencies-catalog.yml" })
@AutoConfigureMockMvc
class CurrenciesIT {

	@Autowired
	EmulatorSteps steps;

	@Autowired
	StripeClient stripe;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	BillingFlows flows;

	@Autowired
	SubscriptionSync subscriptions;

	@Autowired
	BillingLinks links;

	@Autowired
	Metering metering;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogPusher pusher;

	@Autowired
	CatalogService catalog;

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifications notifications;

	@Autowired
	Memberships memberships;

	@Test
	void theBillingPageOffersTheCurrenciesUntilTheFirstPurchaseThenShowsAndChargesOnlyTheOrgsOne() throws Exception {
		String email = "pages@currency.test";
		MockHttpSession owner = signUpAndSignIn(email);
		mvc.perform(post("/onboarding").param("name", "Page Co").param("timeZone", "UTC").with(csrf()).session(owner))
			.andExpect(redirectedUrl("/"));
		OrgId org = memberships.ofPerson(email).stream().map(Membership::orgId).findFirst().orElseThrow();

		String usd = page("/billing", owner);
		assertThat(usd).contains("$99.00")
			.contains("name=\"currency\"")
			.contains(">EUR</option>")
			.contains(">JPY</option>")
			.contains(">KWD</option>");
		String eur = page("/billing?currency=eur", owner);
		assertThat(eur).contains("€92.00")
			.contains("€9.20")
			.doesNotContain("$99.00")
			.contains("<input type=\"hidden\" name=\"currency\" value=\"eur\">");
		assertThat(page("/billing?currency=%3Cb%3E", owner)).as("a malformed choice shows the default")
			.contains("$99.00");

		// The page's checkout form in euros hands over to a Checkout in euros.
		mvc.perform(post("/billing/checkout").param("lookupKey", "cur_pack_1000")
			.param("currency", "eur")
			.with(csrf())
			.session(owner)).andExpect(status().isOk());
		String customer = customers.customerOf(org).orElseThrow();
		assertThat(stripe.v1()
			.checkout()
			.sessions()
			.list(SessionListParams.builder().setCustomer(customer).build())
			.getData()).singleElement().satisfies(s -> {
				assertThat(s.getCurrency()).isEqualTo("eur");
				assertThat(s.getAmountTotal()).isEqualTo(920L);
			});

		// Once a purchase fixed the currency: prices in it, no choice, and a post in
		// another is a readable refusal.
		customers.fixCurrency(org, "eur");
		String fixed = page("/billing?currency=usd", owner);
		assertThat(fixed).contains("Prices are in EUR").contains("€92.00").doesNotContain(">JPY</option>");
		MvcResult refused = mvc
			.perform(post("/billing/checkout").param("lookupKey", "cur_pack_1000")
				.param("currency", "usd")
				.with(csrf())
				.session(owner))
			.andExpect(redirectedUrl("/billing"))
			.andReturn();
		assertThat(mvc.perform(get("/billing").session(owner).flashAttrs(refused.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Your org pays in the currency of its first purchase")
			.contains("role=\"alert\"");
		assertThat(sessions(customer)).as("nothing created in Stripe").isEqualTo(1);
	}

	private MockHttpSession signUpAndSignIn(String email) throws Exception {
		return LocalAccountsTestSupport.signUpAndSignIn(mvc, notifications, email, "a long enough password");
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void anOrgBuysInEurosRenewsIntoOverageBilledInEuroCentsAndCannotThenBuyInDollars() throws Exception {
		Org org = orgs.create("Euro team", ZoneId.of("UTC"));
		String testClock = customerOnTestClock(org);
		// Before the first purchase: the default currency, with the catalog's others on
		// offer.
		BillingLinks.Currencies before = links.currencies(org.id(), null);
		assertThat(before.current()).isEqualTo("usd");
		assertThat(before.fixed()).isFalse();
		assertThat(before.choices()).startsWith("usd").contains("eur", "jpy", "kwd");
		BillingLinks.Currencies chosen = links.currencies(org.id(), "eur");
		assertThat(chosen.current()).isEqualTo("eur");
		assertThat(team(links.plans(org.id(), Locale.ENGLISH, "eur")))
			.satisfies(o -> assertThat(o.price()).isEqualTo("€92.00"));
		assertThat(links.packs(org.id(), Locale.ENGLISH, "jpy")).as("the pack is not sold in JPY").isEmpty();

		String session = flows.checkout(org.id(), "cur_team_monthly", 1, "eur").id();
		Session created = stripe.v1().checkout().sessions().retrieve(session);
		assertThat(created.getCurrency()).isEqualTo("eur");
		assertThat(created.getAmountTotal()).isEqualTo(9200L);
		complete(session);

		assertThat(customers.currencyOf(org.id())).hasValue("eur");
		Invoice first = invoices(org, "subscription_create").get(0);
		assertThat(first.getCurrency()).isEqualTo("eur");
		assertThat(first.getAmountPaid()).isEqualTo(9200L);
		assertThat(ledger.balance(org.id()).grants()).anySatisfy(g -> {
			assertThat(g.source()).isEqualTo(GrantSource.PLAN_ALLOWANCE);
			assertThat(g.amount()).as("the same allowance as in dollars").isEqualTo(Credits.of(15000));
		});
		assertThat(links.invoices(org.id(), Locale.ENGLISH))
			.anySatisfy(i -> assertThat(i.amount()).isEqualTo("€92.00"));
		BillingLinks.Currencies after = links.currencies(org.id(), "usd");
		assertThat(after.current()).as("fixed: a request for another currency is ignored").isEqualTo("eur");
		assertThat(after.fixed()).isTrue();
		assertThat(links.packs(org.id(), Locale.ENGLISH, after.current())).singleElement()
			.satisfies(o -> assertThat(o.price()).isEqualTo("€9.20"));

		// 500 SPU beyond the allowance and the free tier: the renewal's overage line is
		// 500 × 0.9 euro cents.
		Instant periodEnd = subscriptions.current(org.id()).orElseThrow().currentPeriodEnd();
		metering.record(org.id(),
				List.of(new UsageEvent("eur-1", "page", new BigDecimal("15600"), clock.instant(), Map.of())), false);
		renew(testClock, periodEnd);
		Invoice renewal = invoices(org, "subscription_cycle").get(0);
		assertThat(renewal.getCurrency()).isEqualTo("eur");
		assertThat(overageLine(renewal)).satisfies(l -> {
			assertThat(l.getCurrency()).isEqualTo("eur");
			assertThat(l.getAmount()).isEqualTo(450L);
		});
		assertThat(renewal.getAmountPaid()).isEqualTo(9200L + 450L);

		// A second purchase in another currency is refused before anything is created in
		// Stripe.
		String customer = customers.customerOf(org.id()).orElseThrow();
		int sessionsBefore = sessions(customer);
		assertThatThrownBy(() -> flows.checkout(org.id(), "cur_pack_1000", 1, "usd"))
			.isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("currency_mismatch"));
		assertThatThrownBy(() -> links.checkout(org.id(), "cur_pack_1000", "usd"))
			.isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("currency_mismatch"));
		assertThat(sessions(customer)).isEqualTo(sessionsBefore);
		assertThat(customers.currencyOf(org.id())).hasValue("eur");

		// Without a currency the pack is sold in the org's: 9.20 EUR for the same 1,000
		// credits.
		Credits available = ledger.balance(org.id()).available();
		String pack = flows.checkout(org.id(), "cur_pack_1000", 1, null).id();
		assertThat(stripe.v1().checkout().sessions().retrieve(pack).getCurrency()).isEqualTo("eur");
		assertThat(stripe.v1().checkout().sessions().retrieve(pack).getAmountTotal()).isEqualTo(920L);
		complete(pack);
		assertThat(ledger.balance(org.id()).available()).isEqualTo(available.plus(Credits.of(1000)));
	}

	@Test
	void aYenOrgIsBilledWholeYenAndAKuwaitiDinarOrgWholeTensOfFils() throws Exception {
		Org yen = orgs.create("Yen team", ZoneId.of("UTC"));
		String yenClock = customerOnTestClock(yen);
		assertThat(team(links.plans(yen.id(), Locale.ENGLISH, "jpy")))
			.satisfies(o -> assertThat(o.price()).isEqualTo("¥1,500"));
		complete(flows.checkout(yen.id(), "cur_team_monthly", 1, "jpy").id());
		assertThat(invoices(yen, "subscription_create").get(0).getAmountPaid()).isEqualTo(1500L);
		// 333 SPU × 0.15 yen = 49.95 yen: charged as 50 yen (JPY has no minor unit).
		Instant yenEnd = subscriptions.current(yen.id()).orElseThrow().currentPeriodEnd();
		metering.record(yen.id(),
				List.of(new UsageEvent("jpy-1", "page", new BigDecimal("15433"), clock.instant(), Map.of())), false);
		renew(yenClock, yenEnd);
		Invoice yenRenewal = invoices(yen, "subscription_cycle").get(0);
		assertThat(yenRenewal.getCurrency()).isEqualTo("jpy");
		assertThat(overageLine(yenRenewal).getAmount()).isEqualTo(50L);
		assertThat(yenRenewal.getAmountPaid()).isEqualTo(1500L + 50L);

		Org dinar = orgs.create("Dinar team", ZoneId.of("UTC"));
		String dinarClock = customerOnTestClock(dinar);
		assertThat(team(links.plans(dinar.id(), Locale.ENGLISH, "kwd")))
			.satisfies(o -> assertThat(o.price()).contains("3.050"));
		complete(flows.checkout(dinar.id(), "cur_team_monthly", 1, "kwd").id());
		assertThat(invoices(dinar, "subscription_create").get(0).getAmountPaid()).isEqualTo(3050L);
		assertThat(ledger.balance(dinar.id()).grants()).anySatisfy(g -> {
			assertThat(g.source()).isEqualTo(GrantSource.PLAN_ALLOWANCE);
			assertThat(g.amount()).isEqualTo(Credits.of(15000));
		});
		// 333 SPU × 0.3 fils = 99.9 fils: charged as 100 (three-decimal amounts end in
		// 0).
		Instant dinarEnd = subscriptions.current(dinar.id()).orElseThrow().currentPeriodEnd();
		metering.record(dinar.id(),
				List.of(new UsageEvent("kwd-1", "page", new BigDecimal("15433"), clock.instant(), Map.of())), false);
		renew(dinarClock, dinarEnd);
		Invoice dinarRenewal = invoices(dinar, "subscription_cycle").get(0);
		assertThat(dinarRenewal.getCurrency()).isEqualTo("kwd");
		assertThat(overageLine(dinarRenewal).getAmount()).isEqualTo(100L);
	}

	@Test
	void aCurrencyThePriceIsNotSoldInIsRefusedAndNothingIsFixed() throws Exception {
		Org org = orgs.create("Pound team", ZoneId.of("UTC"));
		customerOnTestClock(org);
		assertThatThrownBy(() -> flows.checkout(org.id(), "cur_pack_1000", 1, "jpy"))
			.isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("invalid_request"))
			.hasMessageContaining("is sold in EUR, USD only");
		assertThatThrownBy(() -> flows.checkout(org.id(), "cur_pack_1000", 1, "e1r"))
			.isInstanceOf(ProblemException.class);
		assertThat(customers.currencyOf(org.id())).isEmpty();
		assertThat(links.currencies(org.id(), "chf").current()).as("not on offer: the default").isEqualTo("usd");
	}

	@Test
	void currencyOptionsRoundTripThroughPushAndDiscovery() throws Exception {
		CatalogFile file = CatalogFile.load(new ClassPathResource("billing-currencies-catalog.yml")).orElseThrow();
		assertThat(pusher.diff(file)).as("pushed at startup").isEmpty();
		CatalogEntry team = catalog.refresh()
			.stream()
			.filter(e -> e.lookupKey().equals("cur_team_monthly"))
			.findFirst()
			.orElseThrow();
		assertThat(team.currency()).isEqualTo("usd");
		assertThat(team.currencyOptions()).containsOnlyKeys("eur", "jpy", "kwd");
		assertThat(team.unitAmountIn("EUR")).hasValue(9200L);
		assertThat(team.overageUnitAmountDecimalIn("jpy")).isEqualByComparingTo("0.15");
		assertThat(team.overageUnitAmountDecimalIn("usd")).isEqualByComparingTo("1");
		assertThat(team.unitAmountIn("gbp")).isEmpty();

		// A plan with options pushed and changed: a changed option is a changed price (a
		// new one takes the lookup
		// key, the old one is archived). Its own lookup key, so the other tests' prices
		// stay as the file has them.
		CatalogFile.Item item = file.items().get(0);
		CatalogFile.Item extra = roundTripPlan(item,
				Map.of("eur", new CatalogEntry.CurrencyOption(4600, new BigDecimal("0.45"))));
		CatalogFile withExtra = new CatalogFile(file.currency(), List.of(item, file.items().get(1), extra),
				file.features(), file.coupons());
		assertThat(pusher.push(withExtra)).extracting(CatalogPusher.Change::action).contains("create price");
		assertThat(pusher.diff(withExtra)).isEmpty();
		CatalogEntry pushed = discovered("cur_round_trip");
		assertThat(pushed.unitAmountIn("eur")).hasValue(4600L);
		assertThat(pushed.overageUnitAmountDecimalIn("eur")).isEqualByComparingTo("0.45");

		CatalogFile.Item changed = roundTripPlan(item,
				Map.of("eur", new CatalogEntry.CurrencyOption(4700, new BigDecimal("0.45")), "gbp",
						new CatalogEntry.CurrencyOption(3900, new BigDecimal("0.4"))));
		CatalogFile next = new CatalogFile(file.currency(), List.of(item, file.items().get(1), changed),
				file.features(), file.coupons());
		assertThat(pusher.push(next)).extracting(CatalogPusher.Change::action).containsExactly("replace price");
		assertThat(stripe.v1().prices().retrieve(pushed.priceId()).getActive()).as("archived").isFalse();
		assertThat(pusher.diff(next)).isEmpty();
		CatalogEntry replaced = discovered("cur_round_trip");
		assertThat(replaced.priceId()).isNotEqualTo(pushed.priceId());
		assertThat(replaced.currencyOptions()).containsOnlyKeys("eur", "gbp");
		assertThat(replaced.unitAmountIn("eur")).hasValue(4700L);
		assertThat(replaced.unitAmountIn("gbp")).hasValue(3900L);
		assertThat(replaced.overageUnitAmountDecimalIn("gbp")).isEqualByComparingTo("0.4");
		assertThat(discovered("cur_team_monthly").priceId()).as("untouched").isEqualTo(team.priceId());
	}

	private static CatalogFile.Item roundTripPlan(CatalogFile.Item like,
			Map<String, CatalogEntry.CurrencyOption> options) {
		return new CatalogFile.Item(like.kind(), "round_trip", "Round trip", "cur_round_trip", 5000, like.interval(),
				like.includedCredits(), like.overagePerCredit(), null, null, null, like.features(), false, null, false,
				options);
	}

	private CatalogEntry discovered(String lookupKey) {
		return catalog.refresh().stream().filter(e -> e.lookupKey().equals(lookupKey)).findFirst().orElseThrow();
	}

	/** The file's plan (the round-trip test may add another). */
	private static BillingLinks.Offer team(List<BillingLinks.Offer> offers) {
		return offers.stream().filter(o -> o.lookupKey().equals("cur_team_monthly")).findFirst().orElseThrow();
	}

	private InvoiceLineItem overageLine(Invoice invoice) throws Exception {
		List<InvoiceLineItem> lines = stripe.v1()
			.invoices()
			.lineItems()
			.list(invoice.getId())
			.getData()
			.stream()
			.filter(l -> l.getDescription() != null && l.getDescription().startsWith("Overage"))
			.toList();
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

	private void renew(String testClock, Instant periodEnd) throws Exception {
		steps.advance(testClock, periodEnd.plusSeconds(60));
		steps.advance(testClock, periodEnd.plus(Duration.ofHours(2)));
	}

	private int sessions(String customer) throws Exception {
		return stripe.v1()
			.checkout()
			.sessions()
			.list(SessionListParams.builder().setCustomer(customer).setLimit(100L).build())
			.getData()
			.size();
	}

	private void complete(String session) throws Exception {
		steps.completeCheckout(session, "card_success");
		steps.settle();
	}

	private List<Invoice> invoices(Org org, String reason) throws Exception {
		String customer = customers.customerOf(org.id()).orElseThrow();
		return stripe.v1()
			.invoices()
			.list(InvoiceListParams.builder().setCustomer(customer).build())
			.getData()
			.stream()
			.filter(i -> reason.equals(i.getBillingReason()))
			.toList();
	}

	private String customerOnTestClock(Org org) throws Exception {
		// Each test's clock starts where the app's clock is (tests run in any order and
		// move it forward).
		String testClock = steps.testClock(clock.instant());
		steps.customerOn(testClock, org);
		return testClock;
	}

}
