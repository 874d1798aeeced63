package dev.billforge.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;

/**
 * Every credit action taken with the operator token lands in the org's audit log, as the
 * console's do.
 */
@BillforgeIntegrationTest(properties = { "billforge.api.operator-token=" + OperatorApiAuditIT.TOKEN,
		"billforge.notifications.dispatch-interval=PT1H", "billforge.billing.jobs.enabled=false" })
@AutoConfigureMockMvc
class OperatorApiAuditIT {

	static final String TOKEN = "op-token-audit-0123456789abcdef0123456789ab";

	@Autowired
	MockMvc mvc;

	@Autowired
	Orgs orgs;

	@Autowired
	AuditLog audit;

	@Test
	void keysGrantsAndCapsThroughTheOperatorApiAreAudited() throws Exception {
		OrgId org = orgs.create("Audited", ZoneId.of("UTC")).id();
		String base = "/api/v1/operator/orgs/" + org.value();
		mvc.perform(post(base + "/api-keys").header("Authorization", "Bearer " + TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"ci\"}")).andExpect(status().isCreated());
		mvc.perform(post(base + "/grants").header("Authorization", "Bearer " + TOKEN)
			.header("Idempotency-Key", "goodwill-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"credits\":250,\"reason\":\"goodwill after outage\"}")).andExpect(status().isCreated());
		mvc.perform(put(base + "/cap").header("Authorization", "Bearer " + TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"credits\":1000,\"mode\":\"hard\",\"reason\":\"customer asked\"}")).andExpect(status().isOk());

		List<AuditEntry> entries = audit.forOrg(org, 10);
		assertThat(entries).extracting(AuditEntry::action)
			.containsExactlyInAnyOrder("api_key.create", "grant", "cap.set");
		assertThat(entries).extracting(AuditEntry::actor).containsOnly("operator-api");
		assertThat(entries).filteredOn(e -> e.action().equals("grant")).singleElement().satisfies(e -> {
			assertThat(e.reason()).isEqualTo("goodwill after outage");
			assertThat(e.details()).containsEntry("credits", "250");
		});
		assertThat(entries).filteredOn(e -> e.action().equals("cap.set"))
			.singleElement()
			.satisfies(e -> assertThat(e.details()).containsEntry("credits", "1000").containsEntry("mode", "hard"));

		// A retried grant (same Idempotency-Key) is one grant and one audit entry.
		mvc.perform(post(base + "/grants").header("Authorization", "Bearer " + TOKEN)
			.header("Idempotency-Key", "goodwill-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"credits\":250,\"reason\":\"goodwill after outage\"}")).andExpect(status().isCreated());
		assertThat(audit.forOrg(org, 10)).filteredOn(e -> e.action().equals("grant")).hasSize(1);
	}

}
