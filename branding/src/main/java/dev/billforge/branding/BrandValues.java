package dev.billforge.branding;

import java.util.Objects;

/**
 * The values of {@code brand.yml}.
 *
 * @param productName shown in the page title, header, emails and Stripe catalog
 * @param tagline short line under the name; empty when the pack has none
 * @param palette light and dark colours
 * @param fonts font-family stacks
 * @param supportEmail address people can write to
 * @param emailSenderName display name in the From header of outgoing mail
 * @param legal terms and privacy links
 */
public record BrandValues(String productName, String tagline, Palette palette, Fonts fonts, String supportEmail,
		String emailSenderName, LegalLinks legal) {

	public BrandValues {
		Objects.requireNonNull(productName, "productName");
		Objects.requireNonNull(tagline, "tagline");
		Objects.requireNonNull(palette, "palette");
		Objects.requireNonNull(fonts, "fonts");
		Objects.requireNonNull(supportEmail, "supportEmail");
		Objects.requireNonNull(emailSenderName, "emailSenderName");
		Objects.requireNonNull(legal, "legal");
	}
}
