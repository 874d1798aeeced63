package dev.billforge.labportal.engagements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
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
import dev.billforge.labportal.LabPortalApplication;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.AbuseCorpus;
import dev.billforge.testsupport.AbuseHarness;
import dev.billforge.testsupport.AbuseHarness.Answer;
import dev.billforge.testsupport.AbuseSessions;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.valuemetric.Credits;

/**
 * The engagement pages against the hostile values of {@link AbuseCorpus}, judged like
 * platform-core's {@code AbuseSuiteIT}: refused with a 4xx, no stack trace, in time,
 * nothing written, nothing held or charged — and every step the signed-in member's role
 * does not allow refused on the server. New forms join by being listed in
 * {@link #cases()}; so does the read-only engagements API (hostile ids, another org's
 * engagement, no or a made-up key).
 */
@BillforgeIntegrationTest(classes = LabPortalApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "billforge.public-base-url=", "billforge.api.requests-per-second=100000" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabPortalAbuseIT {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final Predicate<Answer> CLIENT_ERROR = answer -> answer.status() / 100 == 4;

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Accounts accounts;

	@Autowired
	Notifications notifications;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	CreditLedger ledger;

	@Autowired
	EngagementService engagements;

	private AbuseHarness harness;

	private AbuseHarness reviewer;

	private AbuseHarness consultant;

	private OrgId org;

	private String proposed;

	private String active;

	private String key;

	private String otherKey;

	private String theirs;

	@BeforeAll
	void clientOrgWithEngagements() throws Exception {
		harness = new AbuseHarness(port, mongo);
		org = orgs.create("Client Lab", ZoneId.of("Europe/Berlin")).id();
		ledger.grant(org,
				new GrantRequest("pack-abuse", GrantSource.PACK, Credits.of(10_000), null, null, "pack", null));
		AbuseSessions sessions = new AbuseSessions(port, mongo, accounts, notifications);
		memberships.add(org, "rita@abuse.test", Role.REVIEWER);
		memberships.add(org, "carl@abuse.test", Role.CONSULTANT);
		reviewer = sessions.verifiedMember("rita@abuse.test", "correct horse battery");
		consultant = sessions.verifiedMember("carl@abuse.test", "correct horse battery");
		Person carl = new Person("carl@abuse.test", Role.CONSULTANT);
		Person rita = new Person("rita@abuse.test", Role.REVIEWER);
		proposed = engagements.propose(org, carl, "Proposed", "5").id();
		active = engagements.accept(org, engagements.propose(org, carl, "Active", "10").id(), rita).id();
		engagements.logTime(org, active, carl, "2026-11-16", "2", null);
		engagements.requestChange(org, active, carl, "3", "more runs");
		key = orgs.createApiKey(org, "abuse").key();
		OrgId other = orgs.create("Other Lab", ZoneId.of("UTC")).id();
		otherKey = orgs.createApiKey(other, "other").key();
		theirs = engagements.propose(other, new Person("olga@other.test", Role.CONSULTANT), "Theirs", "3").id();
		// The ledger's sweeper writes its one-off marker on its first run; run it now,
		// not between two snapshots.
		ledger.settleDueAccounts();
		harness.calibrate(5,
				List.of(() -> page(consultant, "/engagements"), () -> page(reviewer, "/engagements/" + active)));
	}

	@TestFactory
	Stream<DynamicNode> engagementFormsRefuseHostileInputAndForeignRolesWithoutWritingOrCharging() {
		return cases().entrySet().stream().map(group -> {
			List<DynamicNode> tests = new ArrayList<>();
			Map<String, Object> before = new TreeMap<>();
			tests.add(DynamicTest.dynamicTest("(snapshot before)", () -> before.putAll(snapshot())));
			group.getValue()
				.forEach((name, probe) -> tests.add(DynamicTest.dynamicTest(name,
						() -> harness.assertRefused(group.getKey() + ": " + name, probe.send(), CLIENT_ERROR))));
			tests.add(DynamicTest.dynamicTest("nothing was written, held or charged",
					() -> assertThat(snapshot()).as(group.getKey()).isEqualTo(before)));
			return DynamicContainer.dynamicContainer(group.getKey(), tests);
		});
	}

	interface Probe {

		Answer send() throws Exception;

	}

	private Map<String, Map<String, Probe>> cases() {
		Map<String, Map<String, Probe>> cases = new LinkedHashMap<>();
		String eng = "/engagements/" + active;
		cases.put("POST /engagements", fields(consultant, "/engagements", "/engagements",
				Map.of("title", "Audit", "estimatedHours", "4"), Map.of("title", 3_000), List.of("estimatedHours")));
		cases.put("POST /engagements/{id}/time",
				fields(consultant, eng + "/time", eng + "/time",
						Map.of("date", "2026-11-17", "hours", "1", "note", "ok"), Map.of("date", 3_000, "note", 3_000),
						List.of("hours")));
		cases.put("POST /engagements/{id}/approval", fields(reviewer, eng + "/approval", eng + "/approval",
				Map.of("week", "2026-11-16"), Map.of("week", 3_000), List.of()));
		cases.put("POST /engagements/{id}/changes", fields(consultant, eng, eng + "/changes",
				Map.of("hours", "2", "reason", "more"), Map.of("reason", 3_000), List.of("hours")));
		Map<String, Probe> paths = new LinkedHashMap<>();
		AbuseCorpus.pathValues().forEach((what, value) -> {
			paths.put("GET id = " + what, () -> page(reviewer, "/engagements/" + value));
			paths.put("POST accept id = " + what,
					() -> post(reviewer, "/engagements", "/engagements/" + value + "/accept", ""));
			paths.put("POST change number = " + what,
					() -> post(reviewer, eng, eng + "/changes/" + value + "/approve", ""));
		});
		paths.put("POST change number = 99999", () -> post(reviewer, eng, eng + "/changes/99999/approve", ""));
		cases.put("engagement and change ids", paths);
		Map<String, Probe> roles = new LinkedHashMap<>();
		roles.put("consultant accepts",
				() -> post(consultant, "/engagements", "/engagements/" + proposed + "/accept", ""));
		roles.put("consultant approves a week", () -> post(consultant, eng, eng + "/approval", "week=2026-11-16"));
		roles.put("consultant approves a change", () -> post(consultant, eng, eng + "/changes/1/approve", ""));
		roles.put("consultant closes", () -> post(consultant, eng, eng + "/close", ""));
		roles.put("consultant opens the approval page", () -> page(consultant, eng + "/approval"));
		roles.put("reviewer logs time", () -> post(reviewer, eng, eng + "/time", "date=2026-11-17&hours=1"));
		roles.put("reviewer requests a change", () -> post(reviewer, eng, eng + "/changes", "hours=2&reason=x"));
		roles.put("reviewer opens the time form", () -> page(reviewer, eng + "/time"));
		roles.put("time past the estimate", () -> post(consultant, eng, eng + "/time", "date=2026-11-17&hours=9"));
		cases.put("roles and rules", roles);
		Map<String, Probe> api = new LinkedHashMap<>();
		AbuseCorpus.pathValues()
			.forEach((what, value) -> api.put("GET /api/v1/engagements/{id} id = " + what,
					() -> api(key, "/api/v1/engagements/" + value)));
		api.put("another org's engagement", () -> api(key, "/api/v1/engagements/" + theirs));
		api.put("this org's engagement with another org's key", () -> api(otherKey, "/api/v1/engagements/" + active));
		api.put("no key", () -> api(null, "/api/v1/engagements"));
		api.put("a made-up key", () -> api("lab_portal_sk_" + "0".repeat(40), "/api/v1/engagements/" + active));
		cases.put("GET /api/v1/engagements", api);
		return cases;
	}

	/**
	 * Each text field replaced by hostile text, each number field by hostile numbers, the
	 * others valid.
	 */
	private Map<String, Probe> fields(AbuseHarness browser, String page, String action, Map<String, String> valid,
			Map<String, Integer> texts, List<String> numbers) {
		Map<String, Probe> probes = new LinkedHashMap<>();
		texts.forEach((field, length) -> AbuseCorpus.textParams(length)
			.forEach((what, value) -> probes.put(field + " = " + what,
					() -> post(browser, page, action, form(valid, field, value)))));
		numbers.forEach(field -> AbuseCorpus.numberParams(3_000)
			.forEach((what, value) -> probes.put(field + " = " + what,
					() -> post(browser, page, action, form(valid, field, value)))));
		return probes;
	}

	private static String form(Map<String, String> valid, String field, String value) {
		Map<String, String> values = new TreeMap<>(valid);
		values.put(field, value);
		StringBuilder body = new StringBuilder();
		values.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
			.append(k)
			.append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return body.toString();
	}

	private Answer post(AbuseHarness browser, String page, String action, String body) throws Exception {
		String token = AbuseSessions.csrf(browser, page.length() > 300 ? "/engagements" : page);
		String withToken = body + (body.isEmpty() ? "" : "&") + "_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
		return browser.send("POST", action, FORM, withToken.getBytes(StandardCharsets.UTF_8), "Accept", "text/html");
	}

	private Answer api(String apiKey, String path) throws Exception {
		return apiKey == null ? harness.send("GET", path, null, null, "Accept", "application/json") : harness
			.send("GET", path, null, null, "Accept", "application/json", "Authorization", "Bearer " + apiKey);
	}

	@Test
	void theEngagementsApiShowsTheKeysOrgItsOwnEngagementsOnlyAndAnotherOrgsAsNotFound() throws Exception {
		Answer list = api(key, "/api/v1/engagements");
		Answer detail = api(key, "/api/v1/engagements/" + active);
		Answer foreign = api(key, "/api/v1/engagements/" + theirs);
		Answer theirsOwn = api(otherKey, "/api/v1/engagements/" + theirs);

		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.body()).contains("\"id\":\"" + active + "\"", "\"id\":\"" + proposed + "\"")
			.doesNotContain(theirs, "timeEntries");
		assertThat(detail.status()).as(detail.body()).isEqualTo(200);
		assertThat(detail.body()).contains("\"status\":\"active\"", "\"loggedHours\":\"2.00\"",
				"\"estimatedHours\":\"10.00\"", "\"timeEntries\":[{", "\"consultant\":\"carl@abuse.test\"",
				"\"reason\":\"more runs\"");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.contentType()).startsWith("application/problem+json");
		assertThat(foreign.body()).contains("\"code\":\"not_found\"").doesNotContain("Theirs");
		assertThat(theirsOwn.status()).as(theirsOwn.body()).isEqualTo(200);
	}

	private Answer page(AbuseHarness browser, String path) throws Exception {
		return browser.send("GET", path, null, null, "Accept", "text/html");
	}

	private Map<String, Object> snapshot() {
		Engagement e = engagements.find(org, active).orElseThrow();
		Engagement p = engagements.find(org, proposed).orElseThrow();
		return harness.snapshot(Map.of("available", ledger.balance(org).available().toString(), "held",
				ledger.balance(org).held().toString(), "logged", e.loggedHours().toPlainString(), "changes",
				e.changes().toString(), "active", e.status().code() + " " + e.held() + " " + e.charged(), "proposed",
				p.status().code()));
	}

}
