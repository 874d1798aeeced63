package dev.billforge.operator.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.LedgerProjections;
import dev.billforge.operator.AuditLog;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;

/**
 * Operators see parked projections in the console (the operator alert) and rebuild the
 * org from there.
 */
@BillforgeIntegrationTest
@AutoConfigureMockMvc
class OperatorProjectionsConsoleIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	LedgerProjections projections;

	@Autowired
	AuditLog audit;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aParkedProjectionIsListedAndAnOperatorRebuildClearsIt() throws Exception {
		OrgId org = orgs.create("Parked Co", ZoneId.of("UTC")).id();
		long seq = ledger.balance(org).ledgerSeq();
		mongo.getCollection("ledger_parked_projections")
			.insertOne(new Document("_id", org.value() + ":" + seq).append("orgId", org.value())
				.append("seq", seq)
				.append("attempts", 3)
				.append("error", "NumberFormatException: Exponent is out of range for Decimal128 encoding")
				.append("parkedAt", Date.from(Instant.now())));

		String page = mvc.perform(get("/operator/projections").with(user("ops").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(org.value()).contains("Exponent is out of range");

		mvc.perform(post("/operator/projections/orgs/" + org.value() + "/rebuild").with(csrf())
			.with(user("ops").roles("OPERATOR"))).andExpect(redirectedUrl("/operator/projections"));

		assertThat(projections.parked(500)).noneMatch(parked -> parked.orgId().equals(org));
		assertThat(audit.forOrg(org, 10)).anySatisfy(entry -> assertThat(entry.action()).isEqualTo("rollups_rebuild"));
	}

	@Test
	void onlyOperatorsSeeParkedProjections() throws Exception {
		mvc.perform(get("/operator/projections").with(user("someone").roles("USER"))).andExpect(status().isForbidden());
	}

}
