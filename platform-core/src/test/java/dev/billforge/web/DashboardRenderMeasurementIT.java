package dev.billforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.BillforgeIntegrationTest;

/**
 * Measures the usage dashboard's server-side render (MockMvc: security, controller,
 * rollup query, SVG, Thymeleaf) for an org whose rollups hold 1,000,000 usage events over
 * 90 days, 3 meters and 5 operations. The dashboard reads only the rollups, so their
 * document count (one per org, meter and day) — not the event count — drives the cost;
 * the buckets are written in the rollups' own shape. Prints the figure (docs/web.md
 * records it); asserts what is shown, not the time.
 */
@BillforgeIntegrationTest(properties = { "billforge.value-metric.meters.page.rate=1",
		"billforge.value-metric.meters.llm_token.rate=0.001", "billforge.value-metric.meters.minute.rate=0.5" })
@AutoConfigureMockMvc
// Its figure is a time: measured with no other test class running beside it (Failsafe
// runs classes in parallel).
@Isolated
class DashboardRenderMeasurementIT {

	static final long EVENTS = 1_000_000;

	static final int DAYS = 90;

	static final List<String> METERS = List.of("page", "llm_token", "minute");

	static final List<String> OPERATIONS = List.of("extract", "classify", "split", "ocr", "summarise");

	@Autowired
	MockMvc mvc;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	MongoTemplate mongo;

	@Test
	void dashboardOfAnOrgWithAMillionUsageEventsRendersFromTheRollups() throws Exception {
		Org org = orgs.create("Heavy user", ZoneId.of("Europe/Berlin"));
		memberships.add(org.id(), "heavy@acme.test", Role.OWNER);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		long perBucket = EVENTS / ((long) DAYS * METERS.size());
		long remainder = EVENTS - perBucket * DAYS * METERS.size();
		List<Document> buckets = new ArrayList<>();
		for (int d = 0; d < DAYS; d++) {
			LocalDate day = today.minusDays(d);
			for (String meter : METERS) {
				buckets.add(bucket(org.id().value(), meter, day, perBucket + (buckets.isEmpty() ? remainder : 0)));
			}
		}
		mongo.getCollection("usage_rollups").insertMany(buckets);

		for (int i = 0; i < 15; i++) { // warm-up: JIT, template cache
			render("90d");
			render("period");
		}
		long[] ninety = new long[40];
		long[] period = new long[40];
		String page = null;
		for (int i = 0; i < ninety.length; i++) {
			long start = System.nanoTime();
			page = render("90d");
			ninety[i] = System.nanoTime() - start;
			start = System.nanoTime();
			render("period");
			period[i] = System.nanoTime() - start;
		}
		assertThat(page).contains("<svg").contains("page: ").contains("llm_token: ").contains("minute: ");
		assertThat(page).contains("Total in this range: ");
		String figure = String.format(
				"usage dashboard render, %d events in %d rollup documents: 90 days median %.1f ms (p95 %.1f ms); this period median %.1f ms (p95 %.1f ms)",
				EVENTS, buckets.size(), ms(ninety, 50), ms(ninety, 95), ms(period, 50), ms(period, 95));
		System.out.println(figure);
		Files.writeString(Path.of("target/dashboard-render.txt"), figure + System.lineSeparator());
	}

	String render(String range) throws Exception {
		return mvc.perform(get("/").param("range", range).with(user("heavy@acme.test").roles("MEMBER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static double ms(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1_000_000.0;
	}

	/**
	 * One rollup bucket (org, meter, UTC day) with 24 hourly slots and per-operation
	 * slots.
	 */
	static Document bucket(String org, String meter, LocalDate day, long events) {
		BigDecimal creditsPerHour = BigDecimal.valueOf(events)
			.divide(BigDecimal.valueOf(24), 2, java.math.RoundingMode.DOWN);
		Document hours = new Document();
		Document operations = new Document();
		for (String op : OPERATIONS) {
			operations.put(op, new Document());
		}
		for (int h = 0; h < 24; h++) {
			String hour = String.format("%02d", h);
			hours.put(hour, new Document("credits", new Decimal128(creditsPerHour)).append("quantity",
					new Decimal128(creditsPerHour)));
			BigDecimal share = creditsPerHour.divide(BigDecimal.valueOf(OPERATIONS.size()), 2,
					java.math.RoundingMode.DOWN);
			for (String op : OPERATIONS) {
				operations.get(op, Document.class).put(hour, new Decimal128(share));
			}
		}
		BigDecimal total = creditsPerHour.multiply(BigDecimal.valueOf(24));
		return new Document("_id", org + "|" + meter + "|" + day).append("orgId", org)
			.append("credits", new Decimal128(total))
			.append("quantity", new Decimal128(total))
			.append("events", new Decimal128(BigDecimal.valueOf(events)))
			.append("h", hours)
			.append("d", new Document("operation", operations))
			.append("lastSeq", Instant.EPOCH.getEpochSecond());
	}

}
