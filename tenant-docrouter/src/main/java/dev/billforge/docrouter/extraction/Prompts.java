package dev.billforge.docrouter.extraction;

import java.nio.charset.StandardCharsets;

/** The system prompt and JSON schema per document type. */
public final class Prompts {

	private static final String COMMON = "You extract structured data from business documents. Answer with one JSON object "
			+ "that matches the schema, and nothing else. Use null for fields the document does not contain; never invent "
			+ "values. Dates as YYYY-MM-DD, amounts as decimal strings with a dot (\"1234.50\"), currencies as ISO 4217 codes.";

	private static final String AMOUNT = """
			{"type":"object","properties":{"value":{"type":["string","null"]},"currency":{"type":["string","null"]}}}""";

	private Prompts() {
	}

	public static String system(DocumentType type) {
		return COMMON + "\nDocument type: " + type.code() + ". " + switch (type) {
			case INVOICE ->
				"Find the invoice number, issue and due dates, seller, buyer, line items, net, tax and total.";
			case RECEIPT -> "Find the merchant, the date, the items and the total paid with its payment method.";
			case CONTRACT -> "Find the parties, the effective date, the term, termination notice and governing law.";
			case GENERIC -> "Find a title, a one-sentence summary, dates, amounts and named organisations.";
		} + "\nJSON schema:\n" + schema(type);
	}

	public static String user(String text) {
		return "Document text:\n\"\"\"\n" + text + "\n\"\"\"";
	}

	public static String schema(DocumentType type) {
		return switch (type) {
			case INVOICE ->
				"""
						{"type":"object","properties":{"invoiceNumber":{"type":["string","null"]},"issueDate":{"type":["string","null"]},
						"dueDate":{"type":["string","null"]},"seller":{"type":["string","null"]},"buyer":{"type":["string","null"]},
						"lineItems":{"type":"array","items":{"type":"object","properties":{"description":{"type":"string"},"quantity":{"type":["string","null"]},"amount":%s}}},
						"net":%s,"tax":%s,"total":%s},"required":["invoiceNumber","total"]}"""
					.formatted(AMOUNT, AMOUNT, AMOUNT, AMOUNT);
			case RECEIPT ->
				"""
						{"type":"object","properties":{"merchant":{"type":["string","null"]},"date":{"type":["string","null"]},
						"items":{"type":"array","items":{"type":"object","properties":{"description":{"type":"string"},"amount":%s}}},
						"total":%s,"paymentMethod":{"type":["string","null"]}},"required":["merchant","total"]}"""
					.formatted(AMOUNT, AMOUNT);
			case CONTRACT ->
				"""
						{"type":"object","properties":{"parties":{"type":"array","items":{"type":"string"}},"effectiveDate":{"type":["string","null"]},
						"term":{"type":["string","null"]},"terminationNotice":{"type":["string","null"]},"governingLaw":{"type":["string","null"]}},
						"required":["parties"]}""";
			case GENERIC ->
				"""
						{"type":"object","properties":{"title":{"type":["string","null"]},"summary":{"type":["string","null"]},
						"dates":{"type":"array","items":{"type":"string"}},"amounts":{"type":"array","items":%s},
						"organisations":{"type":"array","items":{"type":"string"}}},"required":["summary"]}"""
					.formatted(AMOUNT);
		};
	}

	/**
	 * An upper bound on the prompt's tokens: byte-level BPE tokenizers never produce more
	 * tokens than bytes, plus a margin for the chat format's per-message overhead.
	 */
	public static long promptTokenBound(DocumentType type, String text) {
		return system(type).getBytes(StandardCharsets.UTF_8).length + user(text).getBytes(StandardCharsets.UTF_8).length
				+ 64L;
	}

	/**
	 * The same bound before the text is known: any text of at most {@code maxChars}
	 * characters (UTF-8 needs at most 3 bytes per UTF-16 character), for the given type
	 * or, when none is given yet, the longest.
	 */
	public static long worstPromptTokenBound(DocumentType type, int maxChars) {
		long longest = 0;
		for (DocumentType candidate : type == null ? DocumentType.values() : new DocumentType[] { type }) {
			longest = Math.max(longest, promptTokenBound(candidate, ""));
		}
		return longest + 3L * maxChars;
	}

}
