package dev.billforge.docrouter.documents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code docrouter.documents.*}. */
@ConfigurationProperties("docrouter.documents")
public class DocumentsProperties {

	/**
	 * Largest upload (413 above). Keep {@code billforge.api.max-body-size} a little
	 * larger.
	 */
	private DataSize maxUploadSize = DataSize.ofMegabytes(10);

	/** Characters that count as one page of a text upload. */
	private int textCharsPerPage = 3000;

	/**
	 * How long a job's hold lives if the job never finishes (a crash): it then expires by
	 * itself.
	 */
	private Duration holdTtl = Duration.ofMinutes(15);

	/** Where the UI sends people who need more credits. */
	private String buyUrl = "/billing";

	/**
	 * PDFs with more pages are refused (413 {@code too_many_pages}) before their text is
	 * read.
	 */
	private int maxPages = 500;

	/**
	 * Reading a PDF's text stops with 400 {@code unreadable_document} after this (checked
	 * between pages).
	 */
	private Duration parseTimeout = Duration.ofSeconds(20);

	/** PDFBox's buffers for one PDF's streams (its memory-bounded mode). */
	private DataSize parseMemory = DataSize.ofMegabytes(64);

	public int getMaxPages() {
		return maxPages;
	}

	public void setMaxPages(int maxPages) {
		this.maxPages = maxPages;
	}

	public Duration getParseTimeout() {
		return parseTimeout;
	}

	public void setParseTimeout(Duration parseTimeout) {
		this.parseTimeout = parseTimeout;
	}

	public DataSize getParseMemory() {
		return parseMemory;
	}

	public void setParseMemory(DataSize parseMemory) {
		this.parseMemory = parseMemory;
	}

	public DataSize getMaxUploadSize() {
		return maxUploadSize;
	}

	public void setMaxUploadSize(DataSize maxUploadSize) {
		this.maxUploadSize = maxUploadSize;
	}

	public int getTextCharsPerPage() {
		return textCharsPerPage;
	}

	public void setTextCharsPerPage(int textCharsPerPage) {
		this.textCharsPerPage = textCharsPerPage;
	}

	public Duration getHoldTtl() {
		return holdTtl;
	}

	public void setHoldTtl(Duration holdTtl) {
		this.holdTtl = holdTtl;
	}

	public String getBuyUrl() {
		return buyUrl;
	}

	public void setBuyUrl(String buyUrl) {
		this.buyUrl = buyUrl;
	}

}
