package dev.billforge.docrouter.documents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code docrouter.documents.*}. */
@ConfigurationProperties("docrouter.documents")
public class DocumentsProperties {

	/** Largest upload (413 above). Keep {@code billforge.api.max-body-size} a little larger. */
	private DataSize maxUploadSize = DataSize.ofMegabytes(10);

	/** Characters that count as one page of a text upload. */
	private int textCharsPerPage = 3000;

	/** How long a job's hold lives if the job never finishes (a crash): it then expires by itself. */
	private Duration holdTtl = Duration.ofMinutes(15);

	/** Where the UI sends people who need more credits. */
	private String buyUrl = "/billing";

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
