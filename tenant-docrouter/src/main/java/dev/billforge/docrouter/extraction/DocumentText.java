package dev.billforge.docrouter.extraction;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Pages and text of a PDF (Apache PDFBox), bounded: the document is loaded in PDFBox's
 * memory-bounded mode ({@link MemoryUsageSetting}), refused above a page limit, and its
 * text read page by page against a deadline and a length limit. Loading reads only the
 * document's structure (to count pages); the text — the expensive part — is read by
 * {@link Opened#text()} once the caller holds credits for the worst case.
 */
public final class DocumentText {

	/**
	 * @param maxPages pages above this are refused before any text is read
	 * @param timeLimit reading the text stops with an error after this (checked between
	 * pages)
	 * @param maxMemoryBytes PDFBox's buffers for the document's streams
	 * @param maxTextChars text beyond this is not read (nothing downstream uses more)
	 */
	public record Limits(int maxPages, Duration timeLimit, long maxMemoryBytes, int maxTextChars) {
	}

	/** A loaded PDF whose page count is known and whose text has not been read yet. */
	public static final class Opened implements AutoCloseable {

		private final PDDocument document;

		private final Limits limits;

		private final Clock clock;

		private Opened(PDDocument document, Limits limits, Clock clock) {
			this.document = document;
			this.limits = limits;
			this.clock = clock;
		}

		public int pages() {
			return document.getNumberOfPages();
		}

		/**
		 * @throws IllegalArgumentException with a readable reason when the text cannot be
		 * read in time
		 */
		public String text() {
			Instant deadline = clock.instant().plus(limits.timeLimit());
			StringBuilder text = new StringBuilder();
			try {
				PDFTextStripper stripper = new PDFTextStripper();
				for (int page = 1; page <= pages() && text.length() < limits.maxTextChars(); page++) {
					if (!clock.instant().isBefore(deadline)) {
						throw new IllegalArgumentException(
								"the PDF took longer than " + limits.timeLimit().toSeconds() + " s to read");
					}
					stripper.setStartPage(page);
					stripper.setEndPage(page);
					text.append(stripper.getText(document));
				}
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("the PDF is damaged or not a PDF");
			}
			return text.length() > limits.maxTextChars() ? text.substring(0, limits.maxTextChars()) : text.toString();
		}

		@Override
		public void close() {
			try {
				document.close();
			}
			catch (IOException ex) {
				// nothing was written; closing a read-only document cannot lose anything
			}
		}

	}

	/** A PDF with more pages than DocRouter reads. */
	public static final class TooManyPagesException extends IllegalArgumentException {

		public TooManyPagesException(int pages, int max) {
			super("the PDF has " + pages + " pages; DocRouter reads at most " + max);
		}

	}

	private DocumentText() {
	}

	/**
	 * Loads the PDF's structure within the limits.
	 * @throws IllegalArgumentException with a readable reason when the PDF cannot be read
	 * @throws TooManyPagesException above the page limit
	 */
	public static Opened open(byte[] bytes, Limits limits, Clock clock) {
		PDDocument document;
		try {
			document = Loader.loadPDF(bytes, "", null, null,
					MemoryUsageSetting.setupMainMemoryOnly(limits.maxMemoryBytes()).streamCache);
		}
		catch (InvalidPasswordException ex) {
			throw new IllegalArgumentException("the PDF is password-protected");
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException("the PDF is damaged or not a PDF");
		}
		int pages = document.getNumberOfPages();
		Opened opened = new Opened(document, limits, clock);
		if (pages < 1 || pages > limits.maxPages()) {
			opened.close();
			if (pages < 1) {
				throw new IllegalArgumentException("the PDF has no pages");
			}
			throw new TooManyPagesException(pages, limits.maxPages());
		}
		return opened;
	}

}
