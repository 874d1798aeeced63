package dev.billforge.docrouter.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.billforge.docrouter.Pdfs;

/** A PDF is read within a page limit, a time limit and bounded memory. */
class DocumentTextTest {

	static DocumentText.Limits limits(int maxPages, Duration time) {
		return new DocumentText.Limits(maxPages, time, 8L * 1024 * 1024, 10_000);
	}

	@Test
	void aPdfAboveThePageLimitIsRefusedBeforeItsTextIsRead() throws Exception {
		byte[] pdf = Pdfs.pdf(12, "Invoice INV-1");
		assertThatThrownBy(() -> DocumentText.open(pdf, limits(10, Duration.ofSeconds(5)), Clock.systemUTC()))
			.isInstanceOf(DocumentText.TooManyPagesException.class)
			.hasMessageContaining("12 pages");
		try (DocumentText.Opened opened = DocumentText.open(pdf, limits(12, Duration.ofSeconds(5)),
				Clock.systemUTC())) {
			assertThat(opened.pages()).isEqualTo(12);
			assertThat(opened.text()).contains("Invoice INV-1");
		}
	}

	@Test
	void readingThatOutlastsTheTimeLimitStopsWithAReadableError() throws Exception {
		try (DocumentText.Opened opened = DocumentText.open(Pdfs.pdf(3, "Receipt"), limits(10, Duration.ZERO),
				Clock.systemUTC())) {
			assertThatThrownBy(opened::text).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("longer than");
		}
	}

	@Test
	void aDamagedPdfSaysSoWithoutParserDetails() {
		assertThatThrownBy(() -> DocumentText.open("%PDF-1.7 garbage".getBytes(), limits(10, Duration.ofSeconds(5)),
				Clock.systemUTC()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("the PDF is damaged or not a PDF");
	}

}
