package dev.billforge.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.google.protobuf.TextFormat;

import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.LocalAccountsTestSupport;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

/**
 * The telemetry pages as a signed-in member sees them: the traces list with filters, a
 * trace's waterfall and agent steps, sessions, LLM cost by model and agent, the Claude
 * Code dashboard, and the quick start with its one-click key; another org's trace is not
 * found.
 */
@TelemetryIntegrationTest
@AutoConfigureMockMvc
class TelemetryPagesIT {

	private static final String PASSWORD = "correct horse battery staple";

	private static final String TRACE = "5b8efff798038103d269b633813fc60c";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	Notifications notifications;

	@Test
	void aMemberSeesTheOrgsTracesSessionsCostsAndClaudeCode() throws Exception {
		MockHttpSession session = LocalAccountsTestSupport.signUpAndSignIn(mvc, notifications, "dev@travel.test",
				PASSWORD);
		OrgId org = LocalAccountsTestSupport.onboard(mvc, memberships, session, "Travel");
		String key = orgs.createApiKey(org, "ci").key();
		OtlpClient client = new OtlpClient(port);
		assertThat(client.post("/v1/traces", key, OtlpClient.JSON, golden("genai-trace.json"), true).statusCode())
			.isEqualTo(200);
		byte[] logs = TextFormat
			.parse(new String(golden("claude-code-logs.txtpb"), StandardCharsets.UTF_8), ExportLogsServiceRequest.class)
			.toByteArray();
		assertThat(client.post("/v1/logs", key, OtlpClient.PROTOBUF, logs, false).statusCode()).isEqualTo(200);
		assertThat(client.post("/v1/metrics", key, OtlpClient.JSON, golden("claude-code-metrics.json"), false)
			.statusCode()).isEqualTo(200);

		String list = page(session, "/telemetry/traces");
		assertThat(list).contains("invoke_agent planner", "travel-agent", "planner", "gpt-4o-2024-08-06", "$0.05875")
			.contains(">Traces<"); // the nav link
		assertThat(page(session, "/telemetry/traces?model=gpt-4o-2024-08-06&status=error"))
			.contains("invoke_agent planner");
		assertThat(page(session, "/telemetry/traces?status=ok")).doesNotContain("invoke_agent planner");
		assertThat(page(session, "/telemetry/traces?q=search_flights")).contains("invoke_agent planner");
		assertThat(page(session, "/telemetry/traces?q=no-such-words")).doesNotContain("invoke_agent planner");
		assertThat(page(session, "/telemetry/traces?minMs=4000")).doesNotContain("invoke_agent planner");

		String trace = page(session, "/telemetry/traces/" + TRACE);
		assertThat(trace).contains("execute_tool search_flights", "upstream 503", "Waterfall", "Agent steps")
			.contains("model gpt-4o-2024-08-06, 2,000 tokens in, 500 out", "tool search_flights")
			.contains("{&quot;from&quot;:&quot;BER&quot;,&quot;to&quot;:&quot;LIS&quot;}")
			.contains("1800.0 ms");
		assertThat(page(session, "/telemetry/sessions?days=3650")).contains("conv-42", "9f1c2d3e-session");
		String costs = page(session, "/telemetry/costs?days=3650");
		assertThat(costs).contains("gpt-4o-2024-08-06", "$0.00875", "$0.05", "planner", "claude-sonnet-4-5-20250929")
			.containsPattern("<td>planner</td><td>2</td>\\s*<td>2100</td><td>510</td>\\s*<td>\\$0.05875</td>");
		String claude = page(session, "/telemetry/claude-code?days=3650");
		assertThat(claude).contains("$0.0081", "input: 1200", "output: 300", "+42 / −0", "Bash");

		MockHttpSession stranger = LocalAccountsTestSupport.signUpAndSignIn(mvc, notifications, "other@elsewhere.test",
				PASSWORD);
		LocalAccountsTestSupport.onboard(mvc, memberships, stranger, "Elsewhere");
		mvc.perform(get("/telemetry/traces/" + TRACE).session(stranger)).andExpect(status().isNotFound());
		assertThat(page(stranger, "/telemetry/traces")).doesNotContain("invoke_agent planner");
	}

	@Test
	void theQuickStartIssuesAKeyAndFillsItIntoTheSetUps() throws Exception {
		MockHttpSession session = LocalAccountsTestSupport.signUpAndSignIn(mvc, notifications, "owner@quick.test",
				PASSWORD);
		LocalAccountsTestSupport.onboard(mvc, memberships, session, "Quick");
		String before = page(session, "/telemetry/quick-start");
		assertThat(before).contains("CLAUDE_CODE_ENABLE_TELEMETRY",
				"OTEL_EXPORTER_OTLP_PROTOCOL&quot;: &quot;http/protobuf", "otlphttp:", "OTLPSpanExporter",
				"OtlpHttpSpanExporter", "YOUR_API_KEY");
		String after = mvc.perform(post("/telemetry/quick-start/key").with(csrf()).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String issued = after.replaceAll("(?s).*<code id=\"new-key\">([^<]+)</code>.*", "$1");
		assertThat(issued).startsWith("sig_agent_sk_");
		assertThat(after).contains("Authorization=Bearer " + issued).doesNotContain("YOUR_API_KEY");
		assertThat(orgs.authenticate(issued)).isPresent();
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static byte[] golden(String name) throws Exception {
		try (InputStream in = TelemetryPagesIT.class.getResourceAsStream("/telemetry/golden/" + name)) {
			return in.readAllBytes();
		}
	}

}
