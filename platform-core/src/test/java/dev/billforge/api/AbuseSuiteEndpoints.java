package dev.billforge.api;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.billforge.api.AbuseSuiteIT.Caller;
import dev.billforge.api.AbuseSuiteIT.Endpoint;
import dev.billforge.api.AbuseSuiteIT.Kind;
import dev.billforge.testsupport.AbuseHarness.Answer;

/**
 * The outcome, telemetry, operator-projection and address-verification endpoints of
 * {@link AbuseSuiteIT}, given what its set-up created. A path endpoint's {@code texts}
 * are ids that exist but not for its caller (another org's outcome or trace, an unknown
 * org): they must be 404, or 401/403 on operator endpoints called by someone who is not
 * an operator.
 */
final class AbuseSuiteEndpoints {

	/**
	 * What the suite's set-up created: the org, its owner's address, another org's
	 * outcome and trace.
	 */
	record Fixture(String orgId, String ownerEmail, String otherOutcome, String otherTrace) {
	}

	static final String UNKNOWN_ORG = "00000000-0000-4000-8000-000000000000";

	private static final Predicate<Answer> PROBLEM = Answer::isProblem;

	private static final Predicate<Answer> CLIENT_ERROR = answer -> answer.status() / 100 == 4;

	/**
	 * A page whose filter is refused, ignored or matches nothing: anything but an error,
	 * quickly.
	 */
	private static final Predicate<Answer> PAGE = answer -> answer.status() / 100 == 4 || answer.status() == 200;

	/**
	 * OTLP answers with a google.rpc.Status: a 4xx, or a 200 whose partial success
	 * rejected the one item sent.
	 */
	private static final Pattern REJECTED = Pattern.compile("\"rejected\\w+\"\\s*:\\s*\"?[1-9]");

	private static final Predicate<Answer> OTLP = answer -> answer.status() / 100 == 4
			|| (answer.status() == 200 && REJECTED.matcher(answer.body()).find());

	private AbuseSuiteEndpoints() {
	}

	static List<Endpoint> outcomes(Fixture f) {
		String actor = "\"actor\":{\"id\":\"abuse\",\"email\":\"" + f.ownerEmail() + "\"}";
		List<String> actorTexts = List.of("actor/id", "actor/email", "reason");
		String api = "/api/v1/outcomes";
		List<String> theirs = List.of(f.otherOutcome());
		return List.of(AbuseSuiteIT.json("outcomes: propose", "POST", api, Caller.ORG_KEY,
				"{\"id\":\"abuse-new\",\"type\":\"lab_report\",\"subject\":\"Report\",\"evidence\":{\"url\":"
						+ "\"https://lab.example/r.pdf\",\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
						+ "\"summary\":\"CBC\"},\"occurredAt\":\"2026-01-01T00:00:00Z\"," + actor + "}",
				List.of(),
				List.of("id", "type", "subject", "evidence/url", "evidence/sha256", "evidence/summary", "occurredAt",
						"actor/id", "actor/email"),
				PROBLEM),
				AbuseSuiteIT.query("outcomes: list", api, Caller.ORG_KEY, "status=proposed&type=lab_report&limit=10",
						List.of("limit"), List.of("status", "type")),
				path("outcomes: one", "GET", api + "/{id}", Caller.ORG_KEY, null, theirs, CLIENT_ERROR),
				path("outcomes: audit CSV", "GET", api + "/{id}/audit.csv", Caller.ORG_KEY, null, theirs, CLIENT_ERROR),
				path("outcomes: approve by id", "POST", api + "/{id}/approve", Caller.ORG_KEY, "{" + actor + "}",
						theirs, CLIENT_ERROR),
				AbuseSuiteIT.json("outcomes: approve", "POST", api + "/proposed-1/approve", Caller.ORG_KEY,
						"{" + actor + ",\"reason\":\"ok\"}", List.of(), actorTexts, PROBLEM),
				AbuseSuiteIT.json("outcomes: dispute", "POST", api + "/approved-1/dispute", Caller.ORG_KEY,
						"{" + actor + ",\"reason\":\"wrong sample\"}", List.of(), actorTexts, PROBLEM),
				AbuseSuiteIT.json("outcomes: resolve", "POST", api + "/disputed-1/resolve", Caller.ORG_KEY,
						"{" + actor + ",\"reason\":\"fine\",\"resolution\":\"bill\"}", List.of(),
						List.of("actor/id", "actor/email", "reason", "resolution"), PROBLEM),
				AbuseSuiteIT.json("outcomes: reverse", "POST", api + "/billed-1/reverse", Caller.ORG_KEY,
						"{" + actor + ",\"reason\":\"refund\"}", List.of(), actorTexts, PROBLEM),
				new Endpoint("outcome pages: queue", Kind.QUERY, "GET", "/outcomes", Caller.OWNER_WEB,
						"status=proposed", List.of(), List.of("status"), PAGE),
				path("outcome pages: one", "GET", "/outcomes/{id}", Caller.OWNER_WEB, null, theirs, CLIENT_ERROR),
				path("outcome pages: audit CSV", "GET", "/outcomes/{id}/audit.csv", Caller.OWNER_WEB, null, theirs,
						CLIENT_ERROR),
				path("outcome pages: approve", "POST", "/outcomes/{id}/approve", Caller.OWNER_WEB, "", theirs,
						CLIENT_ERROR),
				webForm("outcome pages: dispute", Caller.OWNER_WEB, "/outcomes/approved-1/dispute", "reason=wrong",
						List.of("reason")),
				webForm("outcome pages: resolve", Caller.OWNER_WEB, "/outcomes/disputed-1/resolve",
						"reason=fine&resolution=bill", List.of("reason", "resolution")),
				webForm("outcome pages: reverse", Caller.OWNER_WEB, "/outcomes/billed-1/reverse", "reason=refund",
						List.of("reason")));
	}

	static List<Endpoint> telemetryOperatorAndAccount(Fixture f) {
		String spans = "resourceSpans/0/scopeSpans/0/spans/0/";
		String logs = "resourceLogs/0/scopeLogs/0/logRecords/0/";
		String points = "resourceMetrics/0/scopeMetrics/0/metrics/0/sum/dataPoints/0/";
		return List.of(
				AbuseSuiteIT.json("OTLP traces", "POST", "/v1/traces", Caller.ORG_KEY,
						span("0af7651916cd43dd8448eb211c80319c"),
						List.of(spans + "startTimeUnixNano", spans + "attributes/0/value/intValue",
								spans + "attributes/1/value/doubleValue"),
						List.of(spans + "traceId", spans + "name", spans + "attributes/0/key"), OTLP),
				AbuseSuiteIT.json("OTLP logs", "POST", "/v1/logs", Caller.ORG_KEY, """
						{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1764763200000000000",
						"severityText":"INFO","body":{"stringValue":"hello"},
						"attributes":[{"key":"n","value":{"intValue":"1"}}]}]}]}]}""",
						List.of(logs + "timeUnixNano", logs + "attributes/0/value/intValue"),
						List.of(logs + "severityText", logs + "attributes/0/key"), OTLP),
				AbuseSuiteIT.json("OTLP metrics", "POST", "/v1/metrics", Caller.ORG_KEY,
						"""
								{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"requests","sum":{"dataPoints":[
								{"timeUnixNano":"1764763200000000000","asInt":"1"}],"aggregationTemporality":1,"isMonotonic":true}}]}]}]}""",
						List.of(points + "timeUnixNano", points + "asInt"),
						List.of("resourceMetrics/0/scopeMetrics/0/metrics/0/name"), OTLP),
				new Endpoint("telemetry pages: traces", Kind.QUERY, "GET", "/telemetry/traces", Caller.OWNER_WEB,
						"service=svc&agent=a&model=m&status=ok&minMs=1&maxMs=2&from=2026-01-01&to=2026-01-02&q=x&page=0",
						List.of("minMs", "maxMs", "page"),
						List.of("service", "agent", "model", "status", "from", "to", "q"), PAGE),
				path("telemetry pages: trace", "GET", "/telemetry/traces/{id}", Caller.OWNER_WEB, null,
						List.of(f.otherTrace()), CLIENT_ERROR),
				new Endpoint("telemetry pages: sessions", Kind.QUERY, "GET", "/telemetry/sessions", Caller.OWNER_WEB,
						"days=30", List.of("days"), List.of(), PAGE),
				new Endpoint("telemetry pages: costs", Kind.QUERY, "GET", "/telemetry/costs", Caller.OWNER_WEB,
						"days=30", List.of("days"), List.of(), PAGE),
				new Endpoint("telemetry pages: Claude Code", Kind.QUERY, "GET", "/telemetry/claude-code",
						Caller.OWNER_WEB, "days=30", List.of("days"), List.of(), PAGE),
				// a plain member may not create API keys: the page's own form is refused
				// too
				webForm("telemetry pages: quick-start key as a plain member", Caller.MEMBER_WEB,
						"/telemetry/quick-start/key", "", List.of()),
				webForm("telemetry pages: agent alerts", Caller.OWNER_WEB, "/telemetry/alerts",
						"errorRatePercent=50&windowMinutes=15&minTraces=5&llmCostPerHourUsd=1.5",
						List.of("errorRatePercent", "windowMinutes", "minTraces", "llmCostPerHourUsd")),
				// only owners change the alerts: a plain member's form is refused
				webForm("telemetry pages: agent alerts as a plain member", Caller.MEMBER_WEB, "/telemetry/alerts",
						"errorRatePercent=50", List.of()),
				AbuseSuiteIT.json("operator: create operator", "POST", "/api/v1/operator/operators", Caller.OPERATOR,
						"{\"email\":\"new-operator@abuse.test\"}", List.of(), List.of("email"), PROBLEM),
				AbuseSuiteIT.query("operator: parked projections", "/api/v1/operator/projections/parked",
						Caller.OPERATOR, "limit=10", List.of("limit"), List.of()),
				path("operator: rebuild rollups", "POST", "/api/v1/operator/orgs/{id}/rollups/rebuild", Caller.OPERATOR,
						null, List.of(UNKNOWN_ORG), CLIENT_ERROR),
				path("operator: rebuild rollups with an org key", "POST", "/api/v1/operator/orgs/{id}/rollups/rebuild",
						Caller.ORG_KEY, null, List.of(f.orgId()), CLIENT_ERROR),
				path("operator console: rebuild", "POST", "/operator/projections/orgs/{id}/rebuild",
						Caller.OPERATOR_WEB, "", List.of(UNKNOWN_ORG), CLIENT_ERROR),
				path("operator console: rebuild as an org owner", "POST", "/operator/projections/orgs/{id}/rebuild",
						Caller.OWNER_WEB, "", List.of(f.orgId()), CLIENT_ERROR),
				new Endpoint("check-mail: resend when verified", Kind.FORM, "POST", "/check-mail/resend",
						Caller.OWNER_WEB, "", List.of(), List.of(), answer -> answer.status() / 100 != 5),
				path("verify-email link", "GET", "/verify-email/{id}", Caller.NOBODY, null, List.of(), CLIENT_ERROR));
	}

	/**
	 * Auto top-up and the next invoice: the API with the org key and the billing page's
	 * form.
	 */
	static List<Endpoint> autoTopUpAndUpcomingInvoice() {
		String api = "/api/v1/billing/auto-top-up";
		String form = "lookupKey=pack_small&threshold=100&monthlyLimit=3";
		List<String> fields = List.of("lookupKey", "threshold", "monthlyLimit");
		return List.of(
				AbuseSuiteIT.json("auto top-up: turn on", "PUT", api, Caller.ORG_KEY,
						"{\"lookupKey\":\"pack_small\",\"threshold\":\"100\",\"monthlyLimit\":3}",
						List.of("monthlyLimit"), List.of("lookupKey", "threshold"), PROBLEM),
				AbuseSuiteIT.query("auto top-up: show", api, Caller.ORG_KEY, "", List.of(), List.of()),
				AbuseSuiteIT.query("upcoming invoice", "/api/v1/billing/upcoming-invoice", Caller.ORG_KEY, "",
						List.of(), List.of()),
				// the page answers a refused form with a redirect back to its message,
				// never an error page
				new Endpoint("billing page: auto top-up", Kind.FORM, "POST", "/billing/auto-top-up", Caller.OWNER_WEB,
						form, List.of(), fields, answer -> answer.status() / 100 != 5),
				webForm("billing page: auto top-up as a plain member", Caller.MEMBER_WEB, "/billing/auto-top-up", form,
						List.of()),
				webForm("billing page: auto top-up off as a plain member", Caller.MEMBER_WEB,
						"/billing/auto-top-up/off", "", List.of()));
	}

	/**
	 * The currency a purchase is made in: the API's {@code currency} field, the billing
	 * page's choice ({@code GET /billing?currency=}, ignored unless well-formed) and its
	 * checkout form, which a plain member may not post.
	 */
	static List<Endpoint> currencies() {
		String form = "lookupKey=pack_small&currency=usd";
		return List.of(
				AbuseSuiteIT.json("checkout session in a currency", "POST", "/api/v1/billing/checkout-sessions",
						Caller.ORG_KEY, "{\"lookupKey\":\"pack_small\",\"quantity\":1,\"currency\":\"usd\"}",
						List.of("quantity"), List.of("lookupKey", "currency"), PROBLEM),
				new Endpoint("billing page: currency choice", Kind.QUERY, "GET", "/billing", Caller.OWNER_WEB,
						"currency=eur", List.of(), List.of("currency"), PAGE),
				// a refused purchase comes back to the billing page with its message,
				// never an error page
				new Endpoint("billing page: checkout in a currency", Kind.FORM, "POST", "/billing/checkout",
						Caller.OWNER_WEB, form, List.of(), List.of("lookupKey", "currency"),
						answer -> answer.status() / 100 != 5),
				webForm("billing page: checkout as a plain member", Caller.MEMBER_WEB, "/billing/checkout", form,
						List.of()));
	}

	/** One span in OTLP/JSON with an int and a double attribute. */
	static String span(String traceId) {
		return """
				{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},
				"scopeSpans":[{"spans":[{"traceId":"%s","spanId":"eee19b7ec3c1b174","name":"work",
				"startTimeUnixNano":"1764763200000000000","endTimeUnixNano":"1764763201000000000",
				"attributes":[{"key":"n","value":{"intValue":"1"}},{"key":"d","value":{"doubleValue":1.5}}]}]}]}]}"""
			.formatted(traceId);
	}

	private static Endpoint path(String name, String method, String path, Caller caller, String body,
			List<String> notTheirs, Predicate<Answer> refused) {
		return new Endpoint(name, Kind.PATH, method, path, caller, body, List.of(), notTheirs, refused);
	}

	/**
	 * A signed-in form: refused with a 4xx (the page's error carries the step's status).
	 */
	private static Endpoint webForm(String name, Caller caller, String path, String valid, List<String> fields) {
		return new Endpoint(name, Kind.FORM, "POST", path, caller, valid, List.of(), fields, CLIENT_ERROR);
	}

	/**
	 * Feature entitlements and seats: the org is on the free tier, not on a per-seat
	 * plan.
	 */
	static List<Endpoint> entitlements() {
		return List.of(
				AbuseSuiteIT.json("entitlement check by feature", "POST", "/api/v1/entitlements/check", Caller.ORG_KEY,
						"{\"feature\":\"mcp_access\",\"quantity\":1}", List.of("quantity"), List.of("feature"),
						PROBLEM),
				AbuseSuiteIT.query("entitlements: list", "/api/v1/entitlements", Caller.ORG_KEY, "", List.of(),
						List.of()),
				AbuseSuiteIT.json("seats: set", "PUT", "/api/v1/billing/seats", Caller.ORG_KEY, "{\"seats\":2}",
						List.of("seats"), List.of(), PROBLEM),
				AbuseSuiteIT.query("seats: show", "/api/v1/billing/seats", Caller.ORG_KEY, "", List.of(), List.of()),
				AbuseSuiteIT.query("seats page", "/billing/seats", Caller.OWNER_WEB, "", List.of(), List.of()),
				webForm("seats page: set", Caller.OWNER_WEB, "/billing/seats", "seats=2", List.of("seats")),
				webForm("seats page: set as a plain member", Caller.MEMBER_WEB, "/billing/seats", "seats=2",
						List.of()));
	}

}
