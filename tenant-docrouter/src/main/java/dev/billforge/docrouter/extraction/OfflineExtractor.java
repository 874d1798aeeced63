package dev.billforge.docrouter.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.billforge.docrouter.pricing.TokenUsage;

/**
 * Rule-based extraction that needs no network: dates, amounts (with the total), invoice
 * numbers and parties found by patterns in the text. Good enough for machine-made
 * invoices and receipts; the LLM extractor is the one for messy documents.
 */
public class OfflineExtractor implements Extractor {

	private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
			+ "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

	private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}"
			+ "|\\d{1,2}\\.? (?:" + MONTHS + ")\\.? \\d{4}|(?:" + MONTHS + ")\\.? \\d{1,2},? \\d{4})\\b");

	private static final String NUMBER = "\\d{1,3}(?:[,. ]\\d{3})*(?:[.,]\\d{2})?|\\d+(?:[.,]\\d{2})?";

	private static final Pattern AMOUNT = Pattern
		.compile("(?:(USD|EUR|GBP|CHF|[$€£])\\s?(" + NUMBER + "))|(?:(" + NUMBER + ")\\s?(USD|EUR|GBP|CHF|[$€£]))");

	private static final Pattern INVOICE_NUMBER = Pattern.compile(
			"(?i)\\b(?:invoice|rechnung|receipt)[ \\t]*(?:no\\.?|number|nr\\.?|#|id)?[ \\t]*[:#]?[ \\t]*([A-Z0-9\\-/]*\\d[A-Z0-9\\-/]*)\\b");

	private static final Pattern LABELLED_PARTY = Pattern.compile(
			"(?im)^\\s*(?:from|bill(?:ed)? to|seller|buyer|vendor|customer|supplier|sold to|client)\\s*:\\s*(.+?)\\s*$");

	private static final Pattern COMPANY = Pattern.compile(
			"\\b([A-Z][\\w&.\\-]*(?: [A-Z&][\\w&.\\-]*){0,4} (?:GmbH|Inc\\.?|Ltd\\.?|LLC|AG|SE|S\\.A\\.|B\\.V\\.|BV|Corp\\.?|plc))");

	private static final Pattern BETWEEN = Pattern
		.compile("(?is)\\bbetween\\s+(.{3,80}?)\\s+and\\s+(.{3,80}?)[,(.\\n]");

	private static final Pattern TOTAL_LINE = Pattern
		.compile("(?im)^(?!.*sub\\s*-?total).*\\b(?:total|amount due|balance due|gesamt)\\b.*$");

	@Override
	public String name() {
		return "offline";
	}

	@Override
	public Extraction extract(ExtractionInput input) {
		String text = input.text();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("documentType", input.type().code());
		invoiceNumber(text).ifPresent(n -> fields.put("invoiceNumber", n));
		fields.put("dates", all(DATE, text, 1));
		List<Map<String, String>> amounts = amounts(text);
		fields.put("amounts", amounts);
		total(text).ifPresent(t -> fields.put("total", t));
		fields.put("parties", parties(text));
		if (text.isBlank()) {
			fields.put("note", "no text layer: the offline extractor reads text only (no OCR)");
		}
		return new Extraction(fields, null, TokenUsage.NONE);
	}

	private static java.util.Optional<String> invoiceNumber(String text) {
		Matcher m = INVOICE_NUMBER.matcher(text);
		// the number must carry a digit, so a word like "Date" after "Invoice" is not
		// taken for one
		return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
	}

	private static List<String> all(Pattern pattern, String text, int group) {
		Set<String> found = new LinkedHashSet<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.add(m.group(group).strip());
		}
		return new ArrayList<>(found);
	}

	private static List<Map<String, String>> amounts(String text) {
		List<Map<String, String>> amounts = new ArrayList<>();
		Matcher m = AMOUNT.matcher(text);
		while (m.find()) {
			amounts.add(amount(m));
		}
		return amounts;
	}

	private static Map<String, String> amount(Matcher m) {
		String currency = m.group(1) != null ? m.group(1) : m.group(4);
		String value = m.group(2) != null ? m.group(2) : m.group(3);
		return Map.of("currency", currencyCode(currency), "value", normalize(value));
	}

	private static java.util.Optional<Map<String, String>> total(String text) {
		Matcher line = TOTAL_LINE.matcher(text);
		Map<String, String> last = null;
		while (line.find()) {
			Matcher m = AMOUNT.matcher(line.group());
			while (m.find()) {
				last = amount(m);
			}
		}
		return java.util.Optional.ofNullable(last);
	}

	private static List<String> parties(String text) {
		Set<String> parties = new LinkedHashSet<>();
		Matcher labelled = LABELLED_PARTY.matcher(text);
		while (labelled.find()) {
			parties.add(labelled.group(1));
		}
		Matcher between = BETWEEN.matcher(text);
		if (between.find()) {
			parties.add(between.group(1).strip());
			parties.add(between.group(2).strip());
		}
		parties.addAll(all(COMPANY, text, 1));
		return new ArrayList<>(parties);
	}

	private static String currencyCode(String symbol) {
		return switch (symbol) {
			case "$" -> "USD";
			case "€" -> "EUR";
			case "£" -> "GBP";
			default -> symbol;
		};
	}

	/** "1,234.50", "1.234,50" and "1 234,50" all become "1234.50". */
	static String normalize(String value) {
		String digits = value.replace(" ", "");
		int lastSep = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
		if (lastSep >= 0 && digits.length() - lastSep - 1 == 2) {
			return digits.substring(0, lastSep).replaceAll("[.,]", "") + "." + digits.substring(lastSep + 1);
		}
		return digits.replaceAll("[.,]", "");
	}

}
