package dev.billforge.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import dev.billforge.notifications.Delivery;
import dev.billforge.notifications.Notification;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.telemetry.TelemetryIntegrationTest;
import dev.billforge.testsupport.LocalAccountsTestSupport;

/**
 * Alerts on monitored agents: the org's owner sets an error-rate and an LLM-cost-per-hour
 * alert on the page (another role may not); the evaluation job raises each alert once
 * when its rule is breached, not again while it stays breached, and again after a
 * recovery; alerts arrive in-app and by email.
 */
@TelemetryIntegrationTest
@AutoConfigureMockMvc
class AgentAlertsIT {

	private static final String PASSWORD = "correct horse battery staple";

	@Autowired
	MockMvc mvc;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	Notifications notifications;

	@Autowired
	AgentAlerts alerts;

	@Test
	void anAlertIsRaisedOncePerBreachAndDeliveredInAppAndByMail() throws Exception {
		MockHttpSession owner = LocalAccountsTestSupport.signUpAndSignIn(mvc, notifications, "owner@agents.test",
				PASSWORD);
		OrgId org = LocalAccountsTestSupport.onboard(mvc, memberships, owner, "Agents");
		String key = orgs.createApiKey(org, "otel").key();
		memberships.add(org, "admin@agents.test", Role.ADMIN);
		MockHttpSession admin = LocalAccountsTestSupport.signUpAndSignIn(mvc, notifications, "admin@agents.test",
				PASSWORD);

		assertThat(save(owner, "50", "15", "2", "0.01")).contains("Alerts saved");
		assertThat(mvc
			.perform(post("/telemetry/alerts").param("errorRatePercent", "500")
				.param("llmCostPerHourUsd", "5")
				.with(csrf())
				.session(owner))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("errorRatePercent is from 1 to 100");
		mvc.perform(post("/telemetry/alerts").param("errorRatePercent", "1").with(csrf()).session(admin))
			.andExpect(status().isForbidden());
		assertThat(alerts.rules(org).errorRatePercent()).isEqualTo(50);

		// one failed trace of two is 50 %, not above 50 %; $0.009 of LLM cost is not
		// above $0.01
		export(key, "00000000000000000000000000a1e001", false);
		export(key, "00000000000000000000000000a1e002", true);
		alerts.evaluateAll();
		assertThat(agentAlerts(org)).isEmpty();

		// two of three failed (66.7 %), $0.0135 in the last hour: both alerts, once
		export(key, "00000000000000000000000000a1e003", true);
		alerts.evaluateAll();
		alerts.evaluateAll();
		assertThat(agentAlerts(org)).extracting(Notification::type)
			.containsExactlyInAnyOrder("agent_error_rate", "agent_llm_cost");
		Notification errorRate = agentAlerts(org).stream()
			.filter(n -> n.type().equals("agent_error_rate"))
			.findFirst()
			.get();
		assertThat(errorRate.details()).containsEntry("errorRatePercent", "66.7").containsEntry("failedTraces", "2");
		notifications.deliverDue();
		assertThat(notifications.outbox(50)).anySatisfy(mail -> {
			assertThat(mail.to()).contains("owner@agents.test");
			assertThat(mail.subject()).contains("66.7% of your agents' traces failed in the last 15 minutes");
		});
		assertThat(notifications.deliveries(org, 20)).anySatisfy(delivery -> {
			assertThat(delivery.notificationId()).isEqualTo(errorRate.id());
			assertThat(delivery.channel()).isEqualTo(Delivery.Channel.EMAIL);
			assertThat(delivery.status()).isEqualTo(Delivery.Status.DELIVERED);
		});
		assertThat(page(owner)).contains("Above threshold");

		// recovered (threshold raised), then breached again: a second cost alert
		save(owner, "90", "15", "2", "1");
		alerts.evaluateAll();
		assertThat(agentAlerts(org)).hasSize(2);
		save(owner, "90", "15", "2", "0.01");
		alerts.evaluateAll();
		assertThat(agentAlerts(org)).extracting(Notification::type)
			.containsExactlyInAnyOrder("agent_error_rate", "agent_llm_cost", "agent_llm_cost");
	}

	private List<Notification> agentAlerts(OrgId org) {
		return notifications.inbox(org, 50).stream().filter(n -> n.type().startsWith("agent_")).toList();
	}

	/**
	 * A chat call on gpt-4o (1000 in, 200 out: $0.0045), failed or not, started just now.
	 */
	private void export(String key, String traceId, boolean failed) throws Exception {
		long now = Instant.now().toEpochMilli() * 1_000_000L;
		String span = "{\"traceId\":\"" + traceId + "\",\"spanId\":\"00000000000000a1\",\"name\":\"chat gpt-4o\","
				+ "\"startTimeUnixNano\":\"" + now + "\",\"endTimeUnixNano\":\"" + (now + 1_000_000)
				+ "\",\"attributes\":[" + "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}},"
				+ "{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"gpt-4o\"}},"
				+ "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"1000\"}},"
				+ "{\"key\":\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":\"200\"}}],"
				+ "\"status\":{\"code\":" + (failed ? 2 : 1) + "}}";
		mvc.perform(post("/v1/traces").header("Authorization", "Bearer " + key)
			.contentType("application/json")
			.content("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + span + "]}]}]}")).andExpect(status().isOk());
	}

	private String save(MockHttpSession session, String errorRate, String window, String minTraces, String cost)
			throws Exception {
		return mvc
			.perform(post("/telemetry/alerts").param("errorRatePercent", errorRate)
				.param("windowMinutes", window)
				.param("minTraces", minTraces)
				.param("llmCostPerHourUsd", cost)
				.with(csrf())
				.session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String page(MockHttpSession session) throws Exception {
		return mvc.perform(get("/telemetry/alerts").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
