package dev.billforge.docrouter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Base64;

import dev.billforge.docrouter.StubLlmServer.Answer;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents API end to end, with the LLM behind a local OpenAI-compatible stub. Price
 * table for {@code test-model}: 2.50 USD input and 10.00 USD output per 1M tokens, markup
 * 3, 1 SPU = 0.01 USD.
 */
@BillforgeIntegrationTest(classes = DocRouterApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "billforge.api.operator-token=" + Api.OPERATOR,
				"billforge.billing.catalog.location=classpath:docrouter-mcp-free-catalog.yml",
				"docrouter.llm.enabled=true", "docrouter.llm.model=test-model", "docrouter.llm.max-retries=0",
				"docrouter.llm.api-key=sk-test", "docrouter.documents.max-upload-size=64KB",
				"docrouter.documents.max-pages=160", "docrouter.pricing.markup=3",
				"docrouter.pricing.credit-price-usd=0.01", "docrouter.pricing.price-tables[0].version=test-2026-11",
				"docrouter.pricing.price-tables[0].effective-from=2026-01-01T00:00:00Z",
				"docrouter.pricing.price-tables[0].models[0].name=test-model",
				"docrouter.pricing.price-tables[0].models[0].input-per-million-usd=2.50",
				"docrouter.pricing.price-tables[0].models[0].output-per-million-usd=10.00" })
class DocumentApiIT {

	static final StubLlmServer LLM;

	static {
		try {
			LLM = new StubLlmServer();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void llm(DynamicPropertyRegistry registry) {
		registry.add("docrouter.llm.base-url", LLM::baseUrl);
	}

	@AfterAll
	static void stopLlm() {
		LLM.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Api api;

	static final String INVOICE_JSON = "{\"invoiceNumber\":\"INV-7\",\"issueDate\":\"2026-11-03\",\"seller\":\"Acme GmbH\","
			+ "\"buyer\":\"Globex Inc.\",\"total\":{\"value\":\"148.75\",\"currency\":\"EUR\"}}";

	@BeforeEach
	void setUp() {
		api = new Api(port, json);
		LLM.answer(Answer.json(INVOICE_JSON, 100, 10));
	}

	@Test
	void offlinePdfCostsOneSpuPerPageAndItsFieldsCanBeRead() throws Exception {
		String key = api.newOrgKey();
		byte[] pdf = Pdfs.pdf(3, "Acme Widgets GmbH", "Invoice No: INV-2026-0042", "Date: 2026-11-03",
				"Total EUR 148.75");
		Api.Response created = api.upload(key, "scan.pdf", pdf, "extractor=offline", null);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		assertThat(created.body().get("pages").asInt()).isEqualTo(3);
		assertThat(created.body().get("mediaType").asString()).isEqualTo("application/pdf");
		assertThat(created.body().get("status").asString()).isEqualTo("completed");
		assertThat(created.body().get("spu").asString()).isEqualTo("3");
		String id = created.body().get("id").asString();

		JsonNode result = api.get("/api/v1/documents/" + id + "/result", key).body();
		assertThat(result.get("fields").get("invoiceNumber").asString()).isEqualTo("INV-2026-0042");
		assertThat(result.get("fields").get("documentType").asString()).isEqualTo("invoice");
		assertThat(api.get("/api/v1/documents/" + id, key).body().get("fileName").asString()).isEqualTo("scan.pdf");
		JsonNode list = api.get("/api/v1/documents", key).body().get("documents");
		assertThat(list).hasSize(1);
		assertThat(api.balance(key)).isEqualTo("97");
		assertThat(api.held(key)).isEqualTo("0");
	}

	@Test
	void llmJobIsChargedExactlyWhatThePriceTableSays() throws Exception {
		String key = api.newOrgKey();
		// 12,000 × 2.50 / 1M + 800 × 10.00 / 1M = 0.038 USD; × 3 = 0.114 USD = 11.4 SPU →
		// 12 (5 pages floor)
		LLM.answer(Answer.json(INVOICE_JSON, 12_000, 800));
		String text = "Invoice INV-7 from Acme GmbH to Globex Inc.\n" + "Line item ".repeat(1490);
		assertThat(text.length()).isBetween(12_001, 15_000);
		int before = LLM.requests().size();
		Api.Response created = api.upload(key, "invoice.txt", text.getBytes(StandardCharsets.UTF_8), "type=invoice",
				null);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		JsonNode doc = created.body();
		assertThat(doc.get("extractor").asString()).isEqualTo("llm");
		assertThat(doc.get("pages").asInt()).isEqualTo(5);
		assertThat(doc.get("spu").asString()).isEqualTo("12");
		assertThat(doc.get("model").asString()).isEqualTo("test-model");
		assertThat(doc.get("priceTableVersion").asString()).isEqualTo("test-2026-11");
		assertThat(doc.get("usage").get("promptTokens").asLong()).isEqualTo(12_000);
		assertThat(doc.get("usage").get("completionTokens").asLong()).isEqualTo(800);
		assertThat(Integer.parseInt(doc.get("heldSpu").asString())).as("the hold covers the worst case")
			.isGreaterThanOrEqualTo(12);
		assertThat(api.balance(key)).isEqualTo("88");
		assertThat(api.held(key)).isEqualTo("0");

		assertThat(LLM.requests()).hasSize(before + 1);
		JsonNode sent = json.readTree(LLM.requests().get(before));
		assertThat(sent.get("model").asString()).isEqualTo("test-model");
		assertThat(sent.toString()).contains("Invoice INV-7 from Acme GmbH").contains("invoiceNumber");

		JsonNode result = api.get("/api/v1/documents/" + doc.get("id").asString() + "/result", key).body();
		assertThat(result.get("fields").get("total").get("value").asString()).isEqualTo("148.75");

		// the ledger holds exactly one charge for the job: the hold's commit
		JsonNode entries = api.get("/api/v1/ledger?limit=20", key).body();
		assertThat(entries.toString()).doesNotContain("\"usage\"");
	}

	@Test
	void aFailedExtractionReleasesTheHoldAndCostsNothing() throws Exception {
		String key = api.newOrgKey();
		LLM.answer(Answer.failure(500));
		Api.Response failed = api.upload(key, "invoice.txt", "Invoice INV-9 total EUR 10.00".getBytes(),
				"extractor=llm", null);
		assertThat(failed.status()).as(failed.raw()).isEqualTo(502);
		assertThat(failed.contentType()).startsWith("application/problem+json");
		assertThat(failed.body().get("code").asString()).isEqualTo("extraction_failed");
		assertThat(failed.body().get("detail").asString()).contains("not charged");
		assertThat(api.balance(key)).isEqualTo("100");
		assertThat(api.held(key)).isEqualTo("0");
		JsonNode doc = api.get("/api/v1/documents", key).body().get("documents").get(0);
		assertThat(doc.get("status").asString()).isEqualTo("failed");
		assertThat(doc.get("spu").asString()).isEqualTo("0");

		// an answer without token usage cannot be priced, so it fails (and is free) too
		LLM.answer(new Answer(200, INVOICE_JSON, null, null));
		assertThat(api.upload(key, "invoice.txt", "Invoice INV-9".getBytes(), "extractor=llm", null).status())
			.isEqualTo(502);
		assertThat(api.balance(key)).isEqualTo("100");
	}

	@Test
	void anUnusableAnswerIsChargedForTheTokensItSpentAndFailsClearly() throws Exception {
		String key = api.newOrgKey();
		// A document written to derail the model: the answer is no JSON, but 12,000 + 800
		// tokens were spent.
		LLM.answer(Answer.json("Sure! Here is a poem about invoices instead.", 12_000, 800));
		String text = "Invoice INV-8 from Acme GmbH to Globex Inc.\n" + "Line item ".repeat(1490);
		Api.Response failed = api.upload(key, "invoice.txt", text.getBytes(StandardCharsets.UTF_8), "type=invoice",
				null);
		assertThat(failed.status()).as(failed.raw()).isEqualTo(502);
		assertThat(failed.body().get("code").asString()).isEqualTo("extraction_failed");
		assertThat(failed.body().get("detail").asString()).contains("not a JSON object")
			.contains("12 SPU")
			.contains("charged");
		assertThat(api.balance(key)).isEqualTo("88");
		assertThat(api.held(key)).isEqualTo("0");
		JsonNode doc = api.get("/api/v1/documents", key).body().get("documents").get(0);
		assertThat(doc.get("status").asString()).isEqualTo("failed");
		assertThat(doc.get("spu").asString()).isEqualTo("12");
	}

	@Test
	void theLlmProvidersErrorTextIsNotPassedToClients() throws Exception {
		String key = api.newOrgKey();
		LLM.answer(Answer.failure(500)); // its body says "upstream model overloaded"
		Api.Response failed = api.upload(key, "invoice.txt", "Invoice INV-9 total EUR 10.00".getBytes(),
				"extractor=llm", null);
		assertThat(failed.status()).as(failed.raw()).isEqualTo(502);
		assertThat(failed.raw()).doesNotContain("overloaded").doesNotContain("server_error");
		JsonNode doc = api.get("/api/v1/documents", key).body().get("documents").get(0);
		assertThat(doc.toString()).doesNotContain("overloaded");
	}

	@Test
	void aPdfAboveThePageLimitIsRefusedAndHoldsNothing() throws Exception {
		String key = api.newOrgKey();
		Api.Response refused = api.upload(key, "huge.pdf", Pdfs.pdf(161), "extractor=offline", null);
		assertThat(refused.status()).as(refused.raw()).isEqualTo(413);
		assertThat(refused.body().get("code").asString()).isEqualTo("too_many_pages");
		assertThat(api.balance(key)).isEqualTo("100");
		assertThat(api.held(key)).isEqualTo("0");
		assertThat(api.get("/api/v1/documents", key).body().get("documents")).isEmpty();
	}

	@Test
	void concurrentJobsNeverSpendMoreThanTheBalance() throws Exception {
		String key = api.newOrgKey();
		byte[] pdf = Pdfs.pdf(30, "Receipt 30 pages");
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				Callable<Api.Response> job = () -> api.upload(key, "big.pdf", pdf, "extractor=offline", null);
				futures.add(pool.submit(job));
			}
			int ok = 0;
			int denied = 0;
			for (Future<Api.Response> future : futures) {
				Api.Response response = future.get();
				if (response.status() == 201) {
					ok++;
				}
				else {
					assertThat(response.status()).as(response.raw()).isEqualTo(402);
					assertThat(response.body().get("code").asString()).isEqualTo("insufficient_credits");
					denied++;
				}
			}
			// 100 SPU fund three 30-page jobs and never a fourth, whatever the
			// interleaving
			assertThat(ok).isEqualTo(3);
			assertThat(denied).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
		JsonNode balance = api.get("/api/v1/balance", key).body();
		assertThat(balance.get("available").asString()).isEqualTo("10");
		assertThat(balance.get("debt").asString()).isEqualTo("0");
		assertThat(balance.get("held").asString()).isEqualTo("0");
		assertThat(api.get("/api/v1/documents", key).body().get("documents")).hasSize(3);
	}

	@Test
	void aJobTheBalanceCannotCoverIsRefusedWith402AndLeavesNothingBehind() throws Exception {
		String key = api.newOrgKey();
		Api.Response refused = api.upload(key, "long.pdf", Pdfs.pdf(120), "extractor=offline", null);
		assertThat(refused.status()).as(refused.raw()).isEqualTo(402);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().get("code").asString()).isEqualTo("insufficient_credits");
		assertThat(api.get("/api/v1/documents", key).body().get("documents")).isEmpty();
		assertThat(api.balance(key)).isEqualTo("100");
	}

	@Test
	void anotherOrgsDocumentIsNotFound() throws Exception {
		String owner = api.newOrgKey();
		String stranger = api.newOrgKey();
		String id = api.upload(owner, "a.txt", "Invoice INV-1".getBytes(), "extractor=offline", null)
			.body()
			.get("id")
			.asString();
		Api.Response get = api.get("/api/v1/documents/" + id, stranger);
		assertThat(get.status()).isEqualTo(404);
		assertThat(get.body().get("code").asString()).isEqualTo("not_found");
		assertThat(api.get("/api/v1/documents/" + id + "/result", stranger).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents", stranger).body().get("documents")).isEmpty();
		assertThat(api.get("/api/v1/documents/" + id, owner).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/documents/" + id, null).status()).isEqualTo(401);
	}

	@Test
	void badUploadsGetClearProblemsAndCostNothing() throws Exception {
		String key = api.newOrgKey();
		Api.Response empty = api.upload(key, "empty.pdf", new byte[0], null, null);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body().get("field").asString()).isEqualTo("file");
		assertThat(empty.body().get("detail").asString()).contains("empty");

		Api.Response large = api.upload(key, "big.txt", "a".repeat(70 * 1024).getBytes(), null, null);
		assertThat(large.status()).isEqualTo(413);
		assertThat(large.body().get("code").asString()).isEqualTo("payload_too_large");
		assertThat(large.body().get("detail").asString()).contains("65536");

		byte[] program = new byte[512];
		program[0] = 'M';
		program[1] = 'Z';
		Api.Response disguised = api.upload(key, "invoice.pdf", program, null, null);
		assertThat(disguised.status()).isEqualTo(400);
		assertThat(disguised.body().get("code").asString()).isEqualTo("unsupported_file_type");
		assertThat(disguised.body().get("detail").asString()).contains("Windows program");

		Api.Response brokenPdf = api.upload(key, "x.pdf", "%PDF-1.7 not really".getBytes(), null, null);
		assertThat(brokenPdf.status()).isEqualTo(400);
		assertThat(brokenPdf.body().get("code").asString()).isEqualTo("unreadable_document");

		assertThat(api.upload(key, "a.txt", "hello".getBytes(), "type=poem", null).status()).isEqualTo(400);
		Api.Response noFile = api.send("POST", "/api/v1/documents", key, "multipart/form-data; boundary=x",
				"--x--\r\n".getBytes(), null);
		assertThat(noFile.status()).as(noFile.raw()).isEqualTo(400);
		Api.Response json = api.postJson("/api/v1/documents", key, "{\"file\":\"invoice.pdf\"}");
		assertThat(json.status()).as(json.raw()).isEqualTo(400);
		assertThat(json.body().get("detail").asString()).contains("multipart/form-data");

		assertThat(api.get("/api/v1/documents", key).body().get("documents")).isEmpty();
		assertThat(api.balance(key)).isEqualTo("100");
	}

	@Test
	void aRetriedUploadWithTheSameIdempotencyKeyIsChargedOnce() throws Exception {
		String key = api.newOrgKey();
		byte[] pdf = Pdfs.pdf(2, "Receipt");
		Api.Response first = api.upload(key, "r.pdf", pdf, "extractor=offline", "upload-1");
		Api.Response again = api.upload(key, "r.pdf", pdf, "extractor=offline", "upload-1");
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
		assertThat(api.balance(key)).isEqualTo("98");
	}

	private Api.Response mcp(String key, int id, String method, String params) throws Exception {
		return api.send("POST", "/api/v1/mcp", key, "application/json",
				("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}")
					.getBytes(StandardCharsets.UTF_8),
				null);
	}

	@Test
	void agentsExtractDocumentsThroughMcpWithTheOrgKeyAndPayLikeTheApi() throws Exception {
		String key = api.newOrgKey();
		Api.Response init = mcp(key, 1, "initialize",
				"{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");
		assertThat(init.status()).as(init.raw()).isEqualTo(200);
		assertThat(init.body().get("result").get("serverInfo").get("name").asString()).isEqualTo("docrouter");

		JsonNode tools = mcp(key, 2, "tools/list", "{}").body().get("result").get("tools");
		List<String> names = new ArrayList<>();
		tools.forEach(t -> names.add(t.get("name").asString()));
		assertThat(names).containsExactlyInAnyOrder("extract_document", "get_result", "get_balance_and_usage");

		String pdf = Base64.getEncoder().encodeToString(Pdfs.pdf(2, "Invoice No: INV-55", "Total EUR 10.00"));
		Api.Response call = mcp(key, 3, "tools/call",
				"{\"name\":\"extract_document\",\"arguments\":{\"fileName\":\"a.pdf\"," + "\"contentBase64\":\"" + pdf
						+ "\",\"extractor\":\"offline\"}}");
		JsonNode result = call.body().get("result");
		assertThat(result.has("isError") && result.get("isError").asBoolean()).as(call.raw()).isFalse();
		JsonNode structured = result.get("structuredContent");
		assertThat(structured.get("document").get("spu").asString()).isEqualTo("2");
		assertThat(structured.get("result").get("fields").get("invoiceNumber").asString()).isEqualTo("INV-55");
		String id = structured.get("document").get("id").asString();

		JsonNode got = mcp(key, 4, "tools/call",
				"{\"name\":\"get_result\",\"arguments\":{\"documentId\":\"" + id + "\"}}")
			.body()
			.get("result")
			.get("structuredContent");
		assertThat(got.get("status").asString()).isEqualTo("completed");

		JsonNode balance = mcp(key, 5, "tools/call", "{\"name\":\"get_balance_and_usage\",\"arguments\":{}}").body()
			.get("result")
			.get("structuredContent");
		assertThat(balance.get("available").asString()).isEqualTo("98");
		assertThat(balance.get("recentDocuments")).hasSize(1);
		assertThat(api.balance(key)).isEqualTo("98");

		// another org's document is unknown to this key's tools, too
		JsonNode foreign = mcp(api.newOrgKey(), 6, "tools/call",
				"{\"name\":\"get_result\",\"arguments\":{\"documentId\":\"" + id + "\"}}")
			.body()
			.get("result");
		assertThat(foreign.get("isError").asBoolean()).isTrue();
		assertThat(foreign.get("structuredContent").get("code").asString()).isEqualTo("not_found");

		// no credits for the job: a tool error naming the reason, nothing charged
		JsonNode refused = mcp(key, 7, "tools/call",
				"{\"name\":\"extract_document\",\"arguments\":{\"contentBase64\":\""
						+ Base64.getEncoder().encodeToString(Pdfs.pdf(150)) + "\",\"extractor\":\"offline\"}}")
			.body()
			.get("result");
		assertThat(refused.get("isError").asBoolean()).isTrue();
		assertThat(refused.get("structuredContent").get("code").asString()).isEqualTo("insufficient_credits");
		assertThat(api.balance(key)).isEqualTo("98");

		assertThat(mcp(null, 8, "tools/list", "{}").status()).isEqualTo(401);
		assertThat(mcp("doc_router_sk_not-a-key", 9, "tools/list", "{}").status()).isEqualTo(401);
	}

}
