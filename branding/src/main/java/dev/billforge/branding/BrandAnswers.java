package dev.billforge.branding;

import java.net.URI;
import java.util.Objects;

/**
 * What the generator asks to write a default brand pack.
 *
 * @param productName e.g. {@code Acme Docs}
 * @param tagline may be empty
 * @param primaryColour {@code #RRGGBB} or {@code #RGB}
 * @param supportEmail e.g. {@code support@acme.example}
 * @param termsUrl https link to the terms of service
 * @param privacyUrl https link to the privacy policy
 */
public record BrandAnswers(String productName, String tagline, String primaryColour, String supportEmail, URI termsUrl,
		URI privacyUrl) {

	public BrandAnswers {
		Objects.requireNonNull(productName, "productName");
		tagline = tagline == null ? "" : tagline;
		Objects.requireNonNull(primaryColour, "primaryColour");
		Objects.requireNonNull(supportEmail, "supportEmail");
		Objects.requireNonNull(termsUrl, "termsUrl");
		Objects.requireNonNull(privacyUrl, "privacyUrl");
	}

	/**
	 * Answers with legal links derived from the support address's domain:
	 * {@code https://<domain>/terms} and {@code https://<domain>/privacy}.
	 */
	public BrandAnswers(String productName, String tagline, String primaryColour, String supportEmail) {
		this(productName, tagline, primaryColour, supportEmail, legalUrl(supportEmail, "terms"),
				legalUrl(supportEmail, "privacy"));
	}

	private static URI legalUrl(String supportEmail, String page) {
		Objects.requireNonNull(supportEmail, "supportEmail");
		int at = supportEmail.lastIndexOf('@');
		String domain = at < 0 ? "" : supportEmail.substring(at + 1);
		if (domain.isBlank() || !domain.matches("[A-Za-z0-9.-]+")) {
			// validation of the written pack reports the bad address; the link just needs
			// to be a URL
			domain = "example.com";
		}
		return URI.create("https://" + domain + "/" + page);
	}
}
