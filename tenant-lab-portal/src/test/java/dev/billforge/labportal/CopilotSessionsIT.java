package dev.billforge.labportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.LocalAccountsTestSupport;
import dev.billforge.valuemetric.Credits;

/**
 * Copilot and chat monitoring as the Lab portal configures it: a session costs 2 LC once
 * per {@code session.id} / {@code gen_ai.conversation.id}, however many spans and log
 * records it sends in however many batches, and a resent batch costs nothing; spans
 * themselves are free. The client's members see the sessions on the telemetry pages.
 */
@BillforgeIntegrationTest(classes = LabPortalApplication.class)
@AutoConfigureMockMvc
class CopilotSessionsIT {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	CreditLedger ledger;

	@Autowired
	Notifications notifications;

	@Test
	void eachCopilotSessionIsChargedOnceAcrossBatchesAndRetriesAndShownOnTheSessionsPage() throws Exception {
		MockHttpSession member = LocalAccountsTestSupport.signUpAndSignIn(mvc, notifications, "dev@client-lab.test",
				PASSWORD);
		OrgId org = LocalAccountsTestSupport.onboard(mvc, memberships, member, "Client Lab");
		ledger.grant(org, new GrantRequest("pack-1", GrantSource.PACK, Credits.of(100), null, null, "pack", null));
		String key = orgs.createApiKey(org, "copilot").key();
		long now = Instant.now().toEpochMilli() * 1_000_000L;

		// batch 1: a copilot session (session.id) with two spans and a chat conversation
		// (gen_ai.conversation.id)
		String first = traces(
				span("00000000000000000000000000000a01", "0000000000000001", "session.id", "copilot-s1", now),
				span("00000000000000000000000000000a01", "0000000000000002", "session.id", "copilot-s1", now + 1),
				span("00000000000000000000000000000c01", "0000000000000001", "gen_ai.conversation.id", "chat-c1",
						now + 2));
		assertThat(export("/v1/traces", key, first)).isEqualTo(200);
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(96));

		// batch 2: the same copilot session goes on in a new trace and a log record: no
		// new fee
		assertThat(export("/v1/traces", key, traces(
				span("00000000000000000000000000000a02", "0000000000000001", "session.id", "copilot-s1", now + 3))))
			.isEqualTo(200);
		assertThat(export("/v1/logs", key, log("copilot-s1", now + 4))).isEqualTo(200);
		// the exporter resends batch 1
		assertThat(export("/v1/traces", key, first)).isEqualTo(200);
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(96));

		// a new session is a new fee
		assertThat(export("/v1/logs", key, log("copilot-s2", now + 5))).isEqualTo(200);
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(94));

		String sessions = page(member, "/telemetry/sessions");
		assertThat(sessions).contains("copilot-s1", "chat-c1");
	}

	private int export(String path, String key, String json) throws Exception {
		return mvc
			.perform(post(path).header("Authorization", "Bearer " + key)
				.contentType("application/json")
				.content(json.getBytes(StandardCharsets.UTF_8)))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private static String span(String traceId, String spanId, String sessionKey, String session, long start) {
		return "{\"traceId\":\"" + traceId + "\",\"spanId\":\"" + spanId + "\",\"name\":\"chat claude-sonnet-4\","
				+ "\"startTimeUnixNano\":\"" + start + "\",\"endTimeUnixNano\":\"" + (start + 1_000_000) + "\","
				+ "\"attributes\":[{\"key\":\"" + sessionKey + "\",\"value\":{\"stringValue\":\"" + session + "\"}},"
				+ "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}}]}";
	}

	private static String traces(String... spans) {
		return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":"
				+ "\"lab-copilot\"}}]},\"scopeSpans\":[{\"spans\":[" + String.join(",", spans) + "]}]}]}";
	}

	private static String log(String session, long time) {
		return "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":"
				+ "\"claude-code\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":\"" + time + "\","
				+ "\"body\":{\"stringValue\":\"claude_code.user_prompt\"},\"attributes\":[{\"key\":\"event.name\","
				+ "\"value\":{\"stringValue\":\"user_prompt\"}},{\"key\":\"session.id\",\"value\":{\"stringValue\":\""
				+ session + "\"}}]}]}]}]}";
	}

	private String page(MockHttpSession session, String path) throws Exception {
		MvcResult result = mvc.perform(get(path).session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
