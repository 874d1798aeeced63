package dev.billforge.docrouter.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.billforge.docrouter.documents.ContentKind;

class ContentSnifferTest {

	@Test
	void recognisesDocumentsByTheirFirstBytes() {
		assertThat(ContentSniffer.sniff("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains(ContentKind.PDF);
		assertThat(ContentSniffer.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0 }))
			.contains(ContentKind.PNG);
		assertThat(ContentSniffer.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
			.contains(ContentKind.JPEG);
		assertThat(ContentSniffer.sniff("Invoice 2026-001\nTotal: 12,50 €\n".getBytes(StandardCharsets.UTF_8)))
			.contains(ContentKind.TEXT);
	}

	@Test
	void programsAndArchivesAreNotDocumentsWhateverTheirName() {
		byte[] exe = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };
		assertThat(ContentSniffer.sniff(exe)).isEmpty();
		assertThat(ContentSniffer.describe(exe)).isEqualTo("a Windows program");
		assertThat(ContentSniffer.sniff(new byte[] { 'P', 'K', 3, 4, 20, 0 })).isEmpty();
		assertThat(ContentSniffer.sniff(new byte[] { (byte) 0xC3, 0x28 })).as("invalid UTF-8").isEmpty();
	}

}
