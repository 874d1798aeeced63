package dev.billforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.billforge.accounts.Accounts;
import dev.billforge.ledger.Alert;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.outcomes.Outcomes;
import dev.billforge.testsupport.AbuseCorpus;
import dev.billforge.testsupport.AbuseHarness;
import dev.billforge.testsupport.AbuseSessions;
import dev.billforge.testsupport.AbuseHarness.Answer;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of the machine, operator and billing API, the Stripe webhook and the
 * sign-up, sign-in and reset forms against the hostile values of {@link AbuseCorpus}:
 * each answer is a refusal (a 4xx problem, the form's error, or for the usage batch an
 * {@code invalid} result per event), carries no stack trace, comes within a small
 * multiple of a normal request's time measured in this run, and nothing is written. A new
 * endpoint joins by being added to {@link #endpoints()}.
 */
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "billforge.product.tag=doc_router", "billforge.value-metric.credit-name=SPU",
				"billforge.value-metric.free-tier=100", "billforge.value-metric.meters.page.rate=1",
				"billforge.api.operator-token=" + AbuseSuiteIT.OPERATOR_TOKEN,
				"billforge.api.requests-per-second=100000", "billforge.value-metric.meters.span.rate=1",
				"billforge.outcomes.types.lab_report.fee=1", "billforge.outcomes.types.lab_report.resolver-role=owner",
				"billforge.telemetry.enabled=true",
				"billforge.telemetry.max-body-size=" + AbuseSuiteIT.OTLP_LIMIT + "B" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbuseSuiteIT {

	static final String OPERATOR_TOKEN = "op-token-abuse-0123456789abcdef0123456789";

	private static final long API_LIMIT = 2 * 1024 * 1024;

	private static final long WEBHOOK_LIMIT = 256 * 1024;

	/**
	 * OTLP exports are bounded by the receiver's own limit, not the API's (exporters send
	 * uncompressed).
	 */
	static final long OTLP_LIMIT = 1024 * 1024;

	private static final int FORM_TEXT = 60_000;

	private static final int QUERY_TEXT = 3_000;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Accounts accounts;

	@Autowired
	Notifications notifications;

	@Autowired
	Memberships memberships;

	@Autowired
	Orgs orgs;

	@Autowired
	Outcomes outcomes;

	@Autowired
	CreditLedger ledger;

	private AbuseHarness harness;

	/**
	 * Browsers signed in through the sign-in form: the org's owner, a plain member, an
	 * operator.
	 */
	private AbuseHarness owner;

	private AbuseHarness member;

	private AbuseHarness operator;

	private AbuseSuiteEndpoints.Fixture fixture;

	private String orgId;

	private String key;

	private String reservationId;

	enum Kind {

		JSON, FORM, QUERY,
		/**
		 * The path's {@code {id}} replaced by hostile values; the body, if any, is
		 * {@code valid}.
		 */
		PATH

	}

	enum Caller {

		NOBODY, ORG_KEY, OPERATOR,
		/**
		 * Signed in through the sign-in form: an owner of the org, a plain member of it,
		 * an operator.
		 */
		OWNER_WEB, MEMBER_WEB, OPERATOR_WEB

	}

	/**
	 * One endpoint: its normal request, the fields the corpus is poured into, and what a
	 * refusal looks like.
	 */
	record Endpoint(String name, Kind kind, String method, String path, Caller caller, String valid,
			List<String> numbers, List<String> texts, Predicate<Answer> refused) {
	}

	// ---------------------------------------------------------------- the endpoint list

	private List<Endpoint> endpoints() {
		List<Endpoint> all = new ArrayList<>(billingAndAccountEndpoints());
		all.addAll(AbuseSuiteEndpoints.outcomes(fixture()));
		all.addAll(AbuseSuiteEndpoints.telemetryOperatorAndAccount(fixture()));
		all.addAll(AbuseSuiteEndpoints.entitlements());
		all.addAll(AbuseSuiteEndpoints.autoTopUpAndUpcomingInvoice());
		all.addAll(AbuseSuiteEndpoints.currencies());
		return all;
	}

	private List<Endpoint> billingAndAccountEndpoints() {
		String org = "/api/v1/operator/orgs/" + orgId;
		Predicate<Answer> problem = Answer::isProblem;
		return List.of(
				json("usage batch", "POST", "/api/v1/usage", Caller.ORG_KEY,
						"{\"events\":[{\"idempotencyKey\":\"u1\",\"meter\":\"page\",\"quantity\":1,\"occurredAt\":null,"
								+ "\"properties\":{\"operation\":\"extract\"}}]}",
						List.of("events/0/quantity"),
						List.of("events/0/idempotencyKey", "events/0/meter", "events/0/occurredAt",
								"events/0/properties/operation"),
						problem.or(this::everyEventInvalid)),
				json("entitlement check by credits", "POST", "/api/v1/entitlements/check", Caller.ORG_KEY,
						"{\"credits\":1}", List.of("credits"), List.of(), problem),
				json("entitlement check by meter", "POST", "/api/v1/entitlements/check", Caller.ORG_KEY,
						"{\"meter\":\"page\",\"quantity\":1}", List.of("quantity"), List.of("meter"), problem),
				json("reservation", "POST", "/api/v1/reservations", Caller.ORG_KEY,
						"{\"idempotencyKey\":\"abuse-r\",\"credits\":1,\"ttlSeconds\":60}",
						List.of("credits", "ttlSeconds"), List.of("idempotencyKey"), problem),
				json("reservation commit", "POST", "/api/v1/reservations/" + reservationId + "/commit", Caller.ORG_KEY,
						"{\"credits\":1}", List.of("credits"), List.of(), problem),
				json("checkout session", "POST", "/api/v1/billing/checkout-sessions", Caller.ORG_KEY,
						"{\"lookupKey\":\"pack_small\",\"quantity\":1}", List.of("quantity"), List.of("lookupKey"),
						problem),
				json("operator: create org", "POST", "/api/v1/operator/orgs", Caller.OPERATOR,
						"{\"name\":\"Abuse\",\"timeZone\":\"UTC\"}", List.of(), List.of("name", "timeZone"), problem),
				json("operator: api key", "POST", org + "/api-keys", Caller.OPERATOR, "{\"name\":\"ci\"}", List.of(),
						List.of("name"), problem),
				json("operator: grant", "POST", org + "/grants", Caller.OPERATOR,
						"{\"credits\":5,\"source\":\"promo\",\"reason\":\"goodwill\"}", List.of("credits"),
						List.of("source", "reason"), problem),
				json("operator: cap", "PUT", org + "/cap", Caller.OPERATOR, "{\"credits\":50,\"mode\":\"hard\"}",
						List.of("credits"), List.of("mode"), problem),
				json("operator: contract", "PUT", org + "/contract", Caller.OPERATOR,
						"{\"name\":\"Enterprise\",\"creditsPerPeriod\":1000,\"interval\":\"month\",\"intervalCount\":1,"
								+ "\"overageAllowed\":false,\"cap\":2000,\"capMode\":\"hard\",\"reason\":\"signed\"}",
						List.of("creditsPerPeriod", "intervalCount", "cap"),
						List.of("name", "interval", "capMode", "reason"), problem),
				json("operator: stripe event replay", "POST", org + "/stripe-events/evt_none/replay", Caller.OPERATOR,
						"{\"reason\":\"check\"}", List.of(), List.of("reason"), problem),
				json("stripe webhook", "POST", "/stripe/webhook", Caller.NOBODY,
						"{\"id\":\"evt_abuse\",\"type\":\"invoice.paid\",\"data\":{\"object\":{\"amount_paid\":100}}}",
						List.of("data/object/amount_paid"), List.of("type"), answer -> answer.status() / 100 == 4),
				query("ledger page", "/api/v1/ledger", Caller.ORG_KEY, "limit=10&cursor=", List.of("limit"),
						List.of("cursor")),
				query("alerts", "/api/v1/alerts", Caller.ORG_KEY, "limit=10", List.of("limit"), List.of()),
				query("usage summary", "/api/v1/usage/summary", Caller.ORG_KEY,
						"from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&granularity=day&groupBy=meter", List.of(),
						List.of("from", "to", "granularity", "groupBy")),
				query("operator: stripe events", org + "/stripe-events", Caller.OPERATOR, "limit=10", List.of("limit"),
						List.of()),
				new Endpoint("operator: end contract", Kind.QUERY, "DELETE", org + "/contract", Caller.OPERATOR,
						"reason=x", List.of(), List.of("reason"), problem),
				form("sign-up form", "/signup", "/signup",
						"email=new-person%40example.test&password=correct-horse-battery", List.of("email", "password"),
						answer -> !location(answer).contains("registered")),
				form("sign-in form", "/login", "/login", "username=nobody%40example.test&password=wrong-password-1",
						List.of("username", "password"), answer -> location(answer).contains("error")),
				form("password reset form", "/password-reset", "/password-reset", "email=nobody%40example.test",
						List.of("email"), answer -> true));
	}

	static Endpoint json(String name, String method, String path, Caller caller, String valid, List<String> numbers,
			List<String> texts, Predicate<Answer> refused) {
		return new Endpoint(name, Kind.JSON, method, path, caller, valid, numbers, texts, refused);
	}

	static Endpoint query(String name, String path, Caller caller, String valid, List<String> numbers,
			List<String> texts) {
		return new Endpoint(name, Kind.QUERY, "GET", path, caller, valid, numbers, texts, Answer::isProblem);
	}

	/**
	 * A form posted from its page (session and CSRF token from {@code page}); refused
	 * with a 4xx page or the form's error.
	 */
	static Endpoint form(String name, String page, String path, String valid, List<String> fields,
			Predicate<Answer> refused) {
		return new Endpoint(name + " " + page, Kind.FORM, "POST", path, Caller.NOBODY, valid, List.of(), fields,
				answer -> answer.status() / 100 == 4 || (answer.status() / 100 != 5 && refused.test(answer)));
	}

	// ---------------------------------------------------------------- set-up and
	// baseline

	@BeforeAll
	void createOrgKeyReservationAndMeasureNormalRequests() throws Exception {
		harness = new AbuseHarness(port, mongo);
		JsonNode org = json.readTree(send("POST", "/api/v1/operator/orgs", Caller.OPERATOR, "application/json",
				utf8("{\"name\":\"Target\",\"timeZone\":\"UTC\"}"))
			.body());
		orgId = org.get("id").asString();
		key = json
			.readTree(send("POST", "/api/v1/operator/orgs/" + orgId + "/api-keys", Caller.OPERATOR, "application/json",
					utf8("{\"name\":\"abuse\"}"))
				.body())
			.get("key")
			.asString();
		Answer reserved = send("POST", "/api/v1/reservations", Caller.ORG_KEY, "application/json",
				utf8("{\"idempotencyKey\":\"held\",\"credits\":2}"));
		assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
		reservationId = json.readTree(reserved.body()).get("id").asString();

		signInBrowsersAndCreateOutcomesAndTraces();

		// the catalog is cached on first use: a cache fill is not a write the suite
		// should blame on hostile input
		send("GET", "/api/v1/billing/catalog", Caller.ORG_KEY, null, null);

		harness.calibrate(15,
				List.of(() -> send("POST", "/api/v1/entitlements/check", Caller.ORG_KEY, "application/json",
						utf8("{\"credits\":1}")), () -> send("GET", "/api/v1/balance", Caller.ORG_KEY, null, null),
						() -> send("GET", "/signup", Caller.NOBODY, null, null)));
	}

	private static final String PASSWORD = "abuse-suite-password-1";

	private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	/**
	 * An owner, a plain member and an operator signed in through the forms; outcomes of
	 * the org in each state a step starts from; another org with an outcome and a trace
	 * of its own.
	 */
	private void signInBrowsersAndCreateOutcomesAndTraces() throws Exception {
		AbuseSessions sessions = new AbuseSessions(port, mongo, accounts, notifications);
		String ownerEmail = "owner-" + orgId + "@abuse.test";
		String memberEmail = "member-" + orgId + "@abuse.test";
		memberships.add(new OrgId(orgId), ownerEmail, Role.OWNER);
		memberships.add(new OrgId(orgId), memberEmail, Role.MEMBER);
		owner = sessions.verifiedMember(ownerEmail, PASSWORD);
		member = sessions.verifiedMember(memberEmail, PASSWORD);
		operator = sessions.operator("operator-" + orgId + "@abuse.test", PASSWORD);

		String actor = "\"actor\":{\"id\":\"abuse\",\"email\":\"" + ownerEmail + "\"}";
		for (String id : List.of("proposed-1", "approved-1", "disputed-1", "billed-1")) {
			expect(201, "POST", "/api/v1/outcomes",
					"{\"id\":\"" + id + "\",\"type\":\"lab_report\",\"subject\":\"Report\","
							+ "\"evidence\":{\"url\":\"https://lab.example/r.pdf\",\"sha256\":\"" + SHA + "\"}}");
		}
		for (String id : List.of("approved-1", "disputed-1", "billed-1")) {
			expect(200, "POST", "/api/v1/outcomes/" + id + "/approve", "{" + actor + "}");
		}
		for (String id : List.of("disputed-1", "billed-1")) {
			expect(200, "POST", "/api/v1/outcomes/" + id + "/dispute", "{" + actor + ",\"reason\":\"wrong sample\"}");
		}
		expect(200, "POST", "/api/v1/outcomes/billed-1/resolve",
				"{" + actor + ",\"reason\":\"fine\",\"resolution\":\"bill\"}");

		OrgId other = orgs.create("Other", java.time.ZoneId.of("UTC")).id();
		outcomes.propose(other,
				new dev.billforge.outcomes.OutcomeCandidate("theirs-1", "lab_report", "Theirs",
						new dev.billforge.outcomes.Evidence("https://lab.example/t.pdf", SHA, null), null),
				new dev.billforge.outcomes.Actor("svc", null));
		String otherKey = orgs.createApiKey(other, "other").key();
		Answer traced = harness.send("POST", "/v1/traces", "application/json",
				utf8(AbuseSuiteEndpoints.span(OTHER_TRACE)), "Authorization", "Bearer " + otherKey);
		assertThat(traced.status()).as(traced.body()).isEqualTo(200);
		fixture = new AbuseSuiteEndpoints.Fixture(orgId, ownerEmail, "theirs-1", OTHER_TRACE);
		// the due sweep's first run (30 s after start) writes its one-time marker: run it
		// now, not mid-suite
		ledger.settleDueAccounts();
		awaitProjections();
	}

	/**
	 * The set-up's ledger commits are projected (rollups, due dates) after the answer:
	 * wait until the store is still.
	 */
	private void awaitProjections() throws InterruptedException {
		Map<String, Object> last = snapshot();
		for (int quiet = 0, round = 0; quiet < 3 && round < 100; round++) {
			Thread.sleep(100);
			Map<String, Object> now = snapshot();
			quiet = now.equals(last) ? quiet + 1 : 0;
			last = now;
		}
	}

	private static final String OTHER_TRACE = "5b8efff798038103d269b633813fc60c";

	private void expect(int status, String method, String path, String body) throws Exception {
		Answer answer = send(method, path, Caller.ORG_KEY, "application/json", utf8(body));
		assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(status);
	}

	private AbuseSuiteEndpoints.Fixture fixture() {
		return fixture;
	}

	// ---------------------------------------------------------------- the suite

	@TestFactory
	Stream<DynamicNode> everyEndpointRefusesEveryHostileValueQuicklyWithoutWriting() {
		return endpoints().stream().map(endpoint -> {
			List<DynamicNode> cases = new ArrayList<>();
			Map<String, Object> before = new TreeMap<>();
			cases.add(DynamicTest.dynamicTest("(snapshot before)", () -> before.putAll(snapshot())));
			for (Map.Entry<String, Request> hostile : hostileRequests(endpoint).entrySet()) {
				cases.add(DynamicTest.dynamicTest(hostile.getKey(),
						() -> assertRefused(endpoint.name() + ": " + hostile.getKey(), endpoint, hostile.getValue())));
			}
			cases.add(DynamicTest.dynamicTest("nothing was written",
					() -> assertThat(snapshot()).as(endpoint.name() + ": nothing written").isEqualTo(before)));
			return DynamicContainer.dynamicContainer(endpoint.name(), cases);
		});
	}

	record Request(String path, String contentType, byte[] body) {
	}

	private Map<String, Request> hostileRequests(Endpoint endpoint) {
		Map<String, Request> requests = new java.util.LinkedHashMap<>();
		switch (endpoint.kind()) {
			case JSON -> {
				for (String field : endpoint.numbers()) {
					AbuseCorpus.numberValues()
						.forEach((what, value) -> requests.put(field + " = " + what, new Request(endpoint.path(),
								"application/json", utf8(AbuseCorpus.withField(endpoint.valid(), field, value)))));
				}
				for (String field : endpoint.texts()) {
					AbuseCorpus.stringValues()
						.forEach((what, value) -> requests.put(field + " = " + what, new Request(endpoint.path(),
								"application/json", utf8(AbuseCorpus.withField(endpoint.valid(), field, value)))));
				}
				long oversize = endpoint.path().equals("/stripe/webhook") ? WEBHOOK_LIMIT
						: endpoint.path().startsWith("/v1/") ? OTLP_LIMIT : API_LIMIT;
				AbuseCorpus.jsonBodies(endpoint.valid(), oversize)
					.forEach((what, body) -> requests.put("body: " + what,
							new Request(endpoint.path(), "application/json", body)));
			}
			case QUERY -> {
				for (String param : endpoint.numbers()) {
					AbuseCorpus.numberParams(QUERY_TEXT)
						.forEach((what, value) -> requests.put(param + " = " + what, new Request(
								endpoint.path() + "?" + withParam(endpoint.valid(), param, value), null, null)));
				}
				for (String param : endpoint.texts()) {
					AbuseCorpus.textParams(QUERY_TEXT)
						.forEach((what, value) -> requests.put(param + " = " + what, new Request(
								endpoint.path() + "?" + withParam(endpoint.valid(), param, value), null, null)));
				}
			}
			case FORM -> {
				for (String field : endpoint.texts()) {
					AbuseCorpus.textParams(FORM_TEXT)
						.forEach((what, value) -> requests.put(field + " = " + what, new Request(endpoint.path(),
								FORM_TYPE, utf8(withParam(endpoint.valid(), field, value)))));
					requests.put(field + " = invalid UTF-8", new Request(endpoint.path(), FORM_TYPE,
							utf8(endpoint.valid().replace(field + "=", field + "=%FF%FE%C3%28"))));
				}
				if (endpoint.texts().isEmpty()) { // a form without fields: the caller's
													// role is what refuses it
					requests.put("body: the page's own form",
							new Request(endpoint.path(), FORM_TYPE, utf8(endpoint.valid())));
				}
				requests.put("body: oversize form", new Request(endpoint.path(), FORM_TYPE,
						utf8(endpoint.valid() + "&pad=" + "a".repeat(100_000))));
			}
			case PATH -> {
				String type = endpoint.valid() == null ? null
						: endpoint.valid().startsWith("{") ? "application/json" : FORM_TYPE;
				byte[] body = endpoint.valid() == null ? null : utf8(endpoint.valid());
				AbuseCorpus.pathValues()
					.forEach((what, value) -> requests.put("{id} = " + what,
							new Request(endpoint.path().replace("{id}", value), type, body)));
				for (String id : endpoint.texts()) {
					requests.put("{id} = " + id + " (not this caller's)",
							new Request(endpoint.path().replace("{id}", id), type, body));
				}
			}
		}
		return requests;
	}

	private static final String FORM_TYPE = "application/x-www-form-urlencoded";

	private void assertRefused(String name, Endpoint endpoint, Request request) throws Exception {
		byte[] body = request.body();
		if (endpoint.kind() == Kind.FORM || FORM_TYPE.equals(request.contentType())) {
			String token = csrfToken(endpoint);
			body = utf8(new String(body, StandardCharsets.ISO_8859_1) + "&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8));
		}
		Answer answer = send(endpoint.method(), request.path(), endpoint.caller(), request.contentType(), body);
		harness.assertRefused(name, answer, endpoint.refused());
		if (name.endsWith("(not this caller's)")) {
			boolean operatorOnly = endpoint.path().startsWith("/api/v1/operator/")
					|| endpoint.path().startsWith("/operator/");
			boolean asOperator = endpoint.caller() == Caller.OPERATOR || endpoint.caller() == Caller.OPERATOR_WEB;
			assertThat(answer.status())
				.as(name + ": another org's object is not found, an operator's step is forbidden")
				.isIn(operatorOnly && !asOperator ? List.of(401, 403, 404) : List.of(404));
		}
	}

	// ---------------------------------------------------------------- section 8 and the
	// regressions found here

	@Test
	void anUnknownApiPathAnswersTheDocumentedProblemJson() throws Exception {
		Answer answer = send("GET", "/api/v1/no-such-thing", Caller.ORG_KEY, null, null);
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contentType()).contains("application/problem+json");
		assertThat(json.readTree(answer.body()).get("code").asString()).isEqualTo("not_found");
		assertThat(answer.body()).doesNotContain("timestamp");
	}

	@Test
	void idsAreWrittenAsStringsInJsonAnswers() throws Exception {
		String written = json.writeValueAsString(new Alert("a1", new OrgId(orgId), Alert.AlertType.THRESHOLD, 70,
				Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), Map.of()));
		assertThat(json.readTree(written).get("orgId").isString()).as(written).isTrue();
		assertThat(json.readTree(written).get("orgId").asString()).isEqualTo(orgId);

		// and on the wire: spend past 70 % of the free 100 so the alerts list has one
		send("POST", "/api/v1/usage", Caller.ORG_KEY, "application/json",
				utf8("{\"events\":[{\"idempotencyKey\":\"spend-75\",\"meter\":\"page\",\"quantity\":75}]}"));
		JsonNode alerts = null;
		for (int i = 0; i < 50 && (alerts == null || alerts.isEmpty()); i++) {
			alerts = json.readTree(send("GET", "/api/v1/alerts", Caller.ORG_KEY, null, null).body()).get("alerts");
			Thread.sleep(alerts.isEmpty() ? 200 : 0);
		}
		assertThat(alerts).isNotEmpty();
		assertThat(alerts.get(0).get("orgId").isString()).as(alerts.toString()).isTrue();
		assertThat(alerts.get(0).get("orgId").asString()).isEqualTo(orgId);
	}

	@Test
	void aUsageQuantityTheStoreCannotHoldIsRefusedNamingTheField() throws Exception {
		Answer answer = send("POST", "/api/v1/usage", Caller.ORG_KEY, "application/json",
				utf8("{\"events\":[{\"idempotencyKey\":\"d36\",\"meter\":\"page\",\"quantity\":\""
						+ AbuseCorpus.DIGITS_36 + "\"}]}"));
		JsonNode result = json.readTree(answer.body()).get("results").get(0);
		assertThat(result.get("status").asString()).isEqualTo("invalid");
		assertThat(result.get("error").get("code").asString()).isEqualTo("invalid_request");
		assertThat(result.get("error").get("field").asString()).isEqualTo("quantity");
	}

	@Test
	void aMadeUpVerificationLinkIsRefusedWithItsPageAndA400() throws Exception {
		Answer answer = send("GET", "/verify-email/" + "0".repeat(64), Caller.NOBODY, null, null);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("banner error");
	}

	@Test
	void aTraceDurationFilterWhoseNanosecondsALongCannotHoldIsRefused() throws Exception {
		// minMs x 1,000,000 overflowed to a negative bound: the filter matched every
		// trace
		Answer answer = send("GET", "/telemetry/traces?minMs=" + Long.MAX_VALUE, Caller.OWNER_WEB, null, null);
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(send("GET", "/telemetry/traces?minMs=1000", Caller.OWNER_WEB, null, null).status()).isEqualTo(200);
	}

	// ---------------------------------------------------------------- helpers

	private boolean everyEventInvalid(Answer answer) {
		if (answer.status() != 200) {
			return false;
		}
		JsonNode results = json.readTree(answer.body()).get("results");
		for (JsonNode result : results) {
			if (!"invalid".equals(result.get("status").asString())
					|| !"invalid_request".equals(result.get("error").get("code").asString())) {
				return false;
			}
		}
		return !results.isEmpty();
	}

	private static String location(Answer answer) {
		return answer.location() == null ? "" : answer.location();
	}

	/**
	 * Counts of every collection, the balance, holds and cap: a refused request changes
	 * none of them.
	 */
	private Map<String, Object> snapshot() {
		JsonNode balance = json.readTree(sendQuietly("GET", "/api/v1/balance").body());
		return harness.snapshot(Map.of("balance.available", balance.get("available").asString(), "balance.held",
				balance.get("held").asString(), "balance.cap", String.valueOf(balance.get("cap"))));
	}

	private Answer sendQuietly(String method, String path) {
		try {
			return send(method, path, Caller.ORG_KEY, null, null);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String csrfToken(Endpoint endpoint) throws Exception {
		switch (endpoint.caller()) {
			case OWNER_WEB -> {
				return AbuseSessions.csrf(owner, "/outcomes");
			}
			case MEMBER_WEB -> {
				return AbuseSessions.csrf(member, "/outcomes");
			}
			case OPERATOR_WEB -> {
				return AbuseSessions.csrf(operator, "/operator/projections");
			}
			default -> {
			}
		}
		String page = endpoint.path().equals("/login") ? "/login" : endpoint.path();
		Answer form = send("GET", page, Caller.NOBODY, null, null);
		Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		assertThat(matcher.find()).as("a CSRF field on " + page).isTrue();
		return matcher.group(1);
	}

	private static String withParam(String valid, String name, String value) {
		String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
		return valid.replaceAll("(^|&)" + name + "=[^&]*", "$1" + name + "=" + Matcher.quoteReplacement(encoded));
	}

	private Answer send(String method, String path, Caller caller, String contentType, byte[] body)
			throws IOException, InterruptedException {
		List<String> headers = new ArrayList<>();
		AbuseHarness browser = harness;
		switch (caller) {
			case ORG_KEY -> headers.addAll(List.of("Authorization", "Bearer " + key));
			case OPERATOR -> headers.addAll(List.of("Authorization", "Bearer " + OPERATOR_TOKEN));
			case NOBODY -> headers.addAll(path.startsWith("/stripe/") ? List.of("Stripe-Signature", "t=1,v1=0000")
					: List.of("Accept", "text/html")); // as a browser sends it
			case OWNER_WEB, MEMBER_WEB, OPERATOR_WEB -> {
				headers.addAll(List.of("Accept", "text/html"));
				browser = caller == Caller.OWNER_WEB ? owner : caller == Caller.MEMBER_WEB ? member : operator;
			}
		}
		return browser.send(method, path, contentType, body, headers.toArray(String[]::new));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
