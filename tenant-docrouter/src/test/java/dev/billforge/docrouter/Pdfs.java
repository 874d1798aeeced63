package dev.billforge.docrouter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made on the fly for tests. */
public final class Pdfs {

	private Pdfs() {
	}

	/** A PDF of {@code pages} pages with {@code lines} of text on the first. */
	public static byte[] pdf(int pages, String... lines) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < pages; i++) {
				PDPage page = new PDPage();
				document.addPage(page);
				if (i == 0 && lines.length > 0) {
					try (PDPageContentStream content = new PDPageContentStream(document, page)) {
						content.beginText();
						content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
						content.setLeading(14);
						content.newLineAtOffset(50, 720);
						for (String line : lines) {
							content.showText(line);
							content.newLine();
						}
						content.endText();
					}
				}
			}
			document.save(out);
			return out.toByteArray();
		}
	}

}
