package dev.billforge.docrouter.extraction;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** Pages and text of a PDF (Apache PDFBox). */
public final class DocumentText {

	/** A document's page count and text layer. */
	public record PdfContent(int pages, String text) {
	}

	private DocumentText() {
	}

	/** @throws IllegalArgumentException with a readable reason when the PDF cannot be read */
	public static PdfContent pdf(byte[] bytes) {
		try (PDDocument document = Loader.loadPDF(bytes)) {
			int pages = document.getNumberOfPages();
			if (pages < 1) {
				throw new IllegalArgumentException("the PDF has no pages");
			}
			return new PdfContent(pages, new PDFTextStripper().getText(document));
		}
		catch (InvalidPasswordException ex) {
			throw new IllegalArgumentException("the PDF is password-protected");
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("the PDF is damaged or not a PDF (" + ex.getMessage() + ")");
		}
	}

}
