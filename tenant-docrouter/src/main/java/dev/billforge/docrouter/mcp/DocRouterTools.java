package dev.billforge.docrouter.mcp;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.billforge.common.ProblemException;
import dev.billforge.docrouter.documents.Document;
import dev.billforge.docrouter.documents.DocumentService;
import dev.billforge.docrouter.documents.DocumentView;
import dev.billforge.docrouter.documents.Upload;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.ValueMetric;
import dev.billforge.mcp.McpAnswers;
import dev.billforge.mcp.McpArguments;
import dev.billforge.mcp.McpTool;
import dev.billforge.mcp.McpToolProvider;

/**
 * The tools an agent sees on the platform's MCP server ({@code dev.billforge.mcp}), which
 * answers with JSON text (and the same as structured content) and turns a refused call
 * (no credits, bad input, unknown document) into a tool error carrying the API's code.
 */
@Component
class DocRouterTools implements McpToolProvider {

	private final DocumentService documents;

	private final CreditLedger ledger;

	private final ValueMetric metric;

	DocRouterTools(DocumentService documents, CreditLedger ledger, ValueMetric metric) {
		this.documents = documents;
		this.ledger = ledger;
		this.metric = metric;
	}

	@Override
	public List<McpTool> mcpTools() {
		return List.of(
				new McpTool("extract_document",
						"Extract fields from a document (PDF, image or text). Give contentBase64 (the file) or text. "
								+ "Charged in " + metric.creditName()
								+ ": at least one per page, more for long LLM jobs.",
						Map.of("type", "object", "properties",
								Map.of("fileName", Map.of("type", "string"), "contentBase64",
										Map.of("type", "string", "description", "the file, base64-encoded"), "text",
										Map.of("type", "string", "description", "plain text instead of a file"),
										"documentType",
										Map.of("type", "string", "enum",
												List.of("invoice", "receipt", "contract", "generic")),
										"extractor", Map.of("type", "string", "enum", List.of("offline", "llm")),
										"idempotencyKey", Map.of("type", "string"))),
						this::extract),
				new McpTool("get_result", "Get a document's status and extracted fields by its id.",
						Map.of("type", "object", "properties", Map.of("documentId", Map.of("type", "string")),
								"required", List.of("documentId")),
						(org, args) -> DocumentView.result(documents.get(org, string(args, "documentId")))),
				new McpTool("get_balance_and_usage",
						"Get the org's " + metric.creditName()
								+ " balance, usage in the current period and recent documents.",
						Map.of("type", "object", "properties", Map.of()), (org, args) -> balance(org)));
	}

	private Object extract(OrgId org, McpArguments args) {
		String base64 = string(args, "contentBase64");
		String text = string(args, "text");
		if ((base64 == null) == (text == null)) {
			throw ProblemException.invalid("contentBase64", "give either contentBase64 or text");
		}
		byte[] content;
		try {
			content = base64 != null ? decodeBase64(base64) : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("contentBase64", "contentBase64 is not valid base64");
		}
		String fileName = string(args, "fileName");
		Document document = documents
			.submit(org,
					new Upload(fileName == null ? (text != null ? "text.txt" : "upload") : fileName, content,
							string(args, "documentType"), string(args, "extractor"), string(args, "idempotencyKey")))
			.document();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("document", DocumentView.of(document));
		answer.put("result", DocumentView.result(document));
		return answer;
	}

	/**
	 * Strict base64, line breaks allowed: the MIME decoder skips every character outside
	 * the alphabet, so control characters or junk would silently decode to some other
	 * file.
	 */
	private static byte[] decodeBase64(String base64) {
		StringBuilder compact = new StringBuilder(base64.length());
		for (int i = 0; i < base64.length(); i++) {
			char c = base64.charAt(i);
			if (c != '\r' && c != '\n' && c != ' ') {
				compact.append(c);
			}
		}
		return Base64.getDecoder().decode(compact.toString());
	}

	private Object balance(OrgId org) {
		Map<String, Object> answer = McpAnswers.balance(ledger.balance(org), metric.creditName());
		answer.put("recentDocuments", documents.list(org, 10).stream().map(DocumentView::of).toList());
		return answer;
	}

	/**
	 * As before the move to the platform's MCP server: the value's text, checked by the
	 * document service.
	 */
	private static String string(McpArguments args, String name) {
		Object value = args.raw(name);
		return value == null ? null : value.toString();
	}

}
