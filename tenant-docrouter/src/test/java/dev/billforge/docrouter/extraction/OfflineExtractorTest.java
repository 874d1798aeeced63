package dev.billforge.docrouter.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class OfflineExtractorTest {

	private final OfflineExtractor extractor = new OfflineExtractor();

	@Test
	void findsInvoiceNumberDatesAmountsTotalAndParties() {
		String text = """
				Acme Widgets GmbH
				INVOICE
				Invoice No: INV-2026-0042
				Date: 2026-11-03    Due: 3 December 2026
				From: Acme Widgets GmbH
				Bill to: Globex Inc.
				Widgets 10 x EUR 12.50     EUR 125.00
				Subtotal                   EUR 125.00
				VAT 19%                    EUR 23.75
				Total                      EUR 148.75
				""";
		Map<String, Object> fields = extractor.extract(new ExtractionInput(text, 1, DocumentType.guess(text))).fields();
		assertThat(fields.get("documentType")).isEqualTo("invoice");
		assertThat(fields.get("invoiceNumber")).isEqualTo("INV-2026-0042");
		assertThat((List<Object>) fields.get("dates")).containsExactly("2026-11-03", "3 December 2026");
		assertThat(fields.get("total")).isEqualTo(Map.of("currency", "EUR", "value", "148.75"));
		assertThat((List<Object>) fields.get("parties")).contains("Acme Widgets GmbH", "Globex Inc.");
	}

	@Test
	void readsEuropeanAndUsNumberFormats() {
		assertThat(OfflineExtractor.normalize("1.234,50")).isEqualTo("1234.50");
		assertThat(OfflineExtractor.normalize("1,234.50")).isEqualTo("1234.50");
		assertThat(OfflineExtractor.normalize("1 234,50")).isEqualTo("1234.50");
		assertThat(OfflineExtractor.normalize("1,234")).isEqualTo("1234");
	}

	@Test
	void contractPartiesComeFromTheBetweenClause() {
		String text = "This Services Agreement is made between Initech LLC and Umbrella Corp, effective 1 January 2027.";
		Map<String, Object> fields = extractor.extract(new ExtractionInput(text, 1, DocumentType.guess(text))).fields();
		assertThat(fields.get("documentType")).isEqualTo("contract");
		assertThat((List<Object>) fields.get("parties")).contains("Initech LLC", "Umbrella Corp");
		assertThat((List<Object>) fields.get("dates")).containsExactly("1 January 2027");
	}

}
