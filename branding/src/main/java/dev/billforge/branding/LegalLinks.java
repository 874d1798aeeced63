package dev.billforge.branding;

import java.net.URI;
import java.util.Objects;

/** Links to the product's terms of service and privacy policy (always https). */
public record LegalLinks(URI terms, URI privacy) {

	public LegalLinks {
		Objects.requireNonNull(terms, "terms");
		Objects.requireNonNull(privacy, "privacy");
	}
}
