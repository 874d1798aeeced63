package dev.billforge.web;

import java.util.Objects;

/**
 * A link in the web app's main navigation to a product's own pages: declare one bean per
 * link. Shown to every member of the current org, after the platform's links, in
 * {@code @Order} order.
 *
 * @param path the page, e.g. {@code /docrouter/documents}
 * @param messageKey the label's key in the tenant's bundle
 * {@code i18n/product*.properties} (or the brand pack's message overrides)
 */
public record ProductNavItem(String path, String messageKey) {

	public ProductNavItem {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(messageKey, "messageKey");
		if (!path.startsWith("/") || path.startsWith("//")) {
			throw new IllegalArgumentException(
					"a product nav path is a path of this app, e.g. /docrouter/documents: " + path);
		}
	}

}
