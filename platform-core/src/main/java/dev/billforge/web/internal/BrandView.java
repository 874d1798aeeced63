package dev.billforge.web.internal;

import dev.billforge.branding.Brand;

/**
 * What every page (error pages included) shows of the brand; put on each request as
 * attribute {@code brand}, because Thymeleaf 3.1 does not let templates call beans.
 */
record BrandView(String productName, String tagline, String logoSvg, String terms, String privacy,
		String supportEmail) {

	static BrandView of(Brand brand) {
		return new BrandView(brand.productName(), brand.values().tagline(), brand.logoSvg(),
				brand.values().legal().terms().toString(), brand.values().legal().privacy().toString(),
				brand.values().supportEmail());
	}

	public boolean hasTagline() {
		return tagline != null && !tagline.isBlank();
	}

}
