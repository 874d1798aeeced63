package dev.billforge.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The product a tenant deployment sells, under {@code billforge.product}. */
@ConfigurationProperties("billforge.product")
public class ProductProperties {

	/**
	 * Product tag: prefixes API keys and selects the product's Stripe catalog, e.g.
	 * doc_router.
	 */
	private String tag = "billforge";

	/** Product name shown to people. */
	private String name = "Billforge";

	public String getTag() {
		return tag;
	}

	public void setTag(String tag) {
		this.tag = tag;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

}
