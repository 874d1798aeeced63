package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.billing.PriceCurrencies;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.Router;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Products and prices. Prices are immutable except active, metadata, lookup_key, nickname
 * and tax_behavior.
 */
final class CatalogApi {

	private static final Set<String> PRODUCT_SEARCH = Set.of("active", "description", "name", "shippable", "url",
			"metadata", "created", "id");

	private static final Set<String> PRICE_SEARCH = Set.of("active", "currency", "lookup_key", "metadata", "product",
			"type", "created", "id");

	private final Services s;

	private final Core core;

	CatalogApi(Services s) {
		this.s = s;
		this.core = s.core();
	}

	void register(Router router) {
		router.post("/v1/products", this::createProduct)
			.get("/v1/products", this::listProducts)
			.get("/v1/products/search", this::searchProducts)
			.get("/v1/products/{id}", r -> s.renderer().render(core.require("product", r.id()), r.expand()))
			.post("/v1/products/{id}", this::updateProduct)
			.delete("/v1/products/{id}", this::deleteProduct)
			.post("/v1/prices", this::createPrice)
			.get("/v1/prices", this::listPrices)
			.get("/v1/prices/search", this::searchPrices)
			.get("/v1/prices/{id}", r -> s.renderer().render(core.require("price", r.id()), r.expand()))
			.post("/v1/prices/{id}", this::updatePrice);
	}

	private JsonNode createProduct(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("id", "name", "active", "description", "metadata", "images", "url", "statement_descriptor",
					"tax_code", "unit_label", "shippable", "type");
		String name = p.requiredString("name");
		String id = p.string("id");
		if (id != null && core.store().get("product", id) != null) {
			throw ApiError.invalid("resource_already_exists", "id", "Product already exists.");
		}
		long now = core.epoch(null);
		ObjectNode prod = Json.obj();
		prod.put("id", id != null && !id.isEmpty() ? id : core.store().newId("prod_", 14));
		prod.put("object", "product");
		prod.put("active", !Boolean.FALSE.equals(p.bool("active")));
		prod.put("created", now);
		prod.putNull("default_price");
		prod.put("description", p.string("description"));
		var images = prod.putArray("images");
		p.stringList("images").forEach(images::add);
		prod.put("livemode", false);
		prod.putArray("marketing_features");
		prod.set("metadata", Metadata.create(p));
		prod.put("name", name);
		prod.putNull("package_dimensions");
		prod.putNull("shippable");
		prod.put("statement_descriptor", p.string("statement_descriptor"));
		prod.put("tax_code", p.string("tax_code"));
		prod.put("type", "service");
		prod.put("unit_label", p.string("unit_label"));
		prod.put("updated", now);
		prod.put("url", p.string("url"));
		core.store().put("product", prod);
		s.events().emit("product.created", prod);
		return s.renderer().render(prod, r.expand());
	}

	private JsonNode updateProduct(ApiRequest r) {
		ObjectNode prod = core.require("product", r.id());
		FormParams p = r.params()
			.allowOnly("name", "active", "description", "metadata", "images", "url", "default_price",
					"statement_descriptor", "tax_code", "unit_label");
		ObjectNode before = s.renderer().render(prod);
		if (p.has("name")) {
			prod.put("name", p.requiredString("name"));
		}
		if (p.bool("active") != null) {
			prod.put("active", p.bool("active"));
		}
		for (String f : List.of("description", "url", "statement_descriptor", "tax_code", "unit_label")) {
			if (p.has(f)) {
				String v = p.string(f);
				prod.put(f, v == null || v.isEmpty() ? null : v);
			}
		}
		if (p.has("default_price")) {
			String priceId = p.string("default_price");
			if (priceId != null && !priceId.isEmpty()) {
				ObjectNode price = core.require("price", priceId);
				if (!r.id().equals(Json.str(price, "product"))) {
					throw ApiError.invalid("default_price", "The price must belong to this product.");
				}
			}
			prod.put("default_price", priceId == null || priceId.isEmpty() ? null : priceId);
		}
		prod.set("metadata", Metadata.merge(prod.get("metadata"), p));
		prod.put("updated", core.epoch(null));
		core.store().touched();
		s.events().emit("product.updated", prod, before);
		return s.renderer().render(prod, r.expand());
	}

	private JsonNode deleteProduct(ApiRequest r) {
		ObjectNode prod = core.require("product", r.id());
		boolean hasPrices = !core.store().where("price", pr -> r.id().equals(Json.str(pr, "product"))).isEmpty();
		if (hasPrices) {
			throw ApiError.invalid(null,
					"This product cannot be deleted because it has one or more user-created " + "prices.");
		}
		prod.put("_deleted", true);
		core.store().touched();
		s.events().emit("product.deleted", prod);
		return ApiSupport.deleted(r.id(), "product");
	}

	private JsonNode listProducts(ApiRequest r) {
		FormParams p = r.params().allowOnly(Lists.with(Lists.PAGING, "active", "ids", "shippable", "url"));
		Boolean active = p.bool("active");
		List<String> ids = p.stringList("ids");
		var matches = core.store()
			.where("product", o -> !Json.bool(o, "_deleted") && (active == null || active == Json.bool(o, "active"))
					&& (ids.isEmpty() || ids.contains(Json.str(o, "id"))));
		List<String> ex = ApiSupport.elementExpand(r);
		return Lists.page(matches, p, "/v1/products", o -> s.renderer().render(o, ex));
	}

	private JsonNode searchProducts(ApiRequest r) {
		FormParams p = r.params().allowOnly("query", "limit", "page");
		SearchQuery q = SearchQuery.parse(p.string("query"), "products", PRODUCT_SEARCH);
		var matches = core.store().where("product", o -> !Json.bool(o, "_deleted") && q.matches(o));
		List<String> ex = ApiSupport.elementExpand(r);
		return ApiSupport.searchResult(matches, p, "/v1/products/search", o -> s.renderer().render(o, ex));
	}

	private JsonNode createPrice(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("currency", "unit_amount", "unit_amount_decimal", "product", "product_data", "recurring",
					"lookup_key", "transfer_lookup_key", "nickname", "metadata", "active", "tax_behavior",
					"billing_scheme", "currency_options");
		String currency = p.requiredString("currency").toLowerCase(Locale.ROOT);
		if (currency.length() != 3) {
			throw ApiError.invalid("currency", "Invalid currency: " + currency);
		}
		if (p.has("billing_scheme") && !"per_unit".equals(p.string("billing_scheme"))) {
			throw ApiError.invalid("billing_scheme", "The emulator supports only billing_scheme=per_unit.");
		}
		Long unitAmount = p.longValue("unit_amount");
		String decimal = p.string("unit_amount_decimal");
		if (unitAmount == null && (decimal == null || decimal.isEmpty())) {
			throw ApiError.missingParam("unit_amount");
		}
		if (unitAmount != null && decimal != null) {
			throw ApiError.invalid("unit_amount_decimal",
					"You may only specify one of these parameters: unit_amount, " + "unit_amount_decimal.");
		}
		if (unitAmount != null && unitAmount < 0) {
			throw ApiError.invalid("unit_amount", "Invalid unit_amount: must be at least 0.");
		}
		BigDecimal dec;
		try {
			dec = unitAmount != null ? BigDecimal.valueOf(unitAmount) : new BigDecimal(decimal);
		}
		catch (NumberFormatException e) {
			throw ApiError.invalid("unit_amount_decimal", "Invalid decimal: " + decimal);
		}
		String productId = productFor(p);
		FormParams rec = p.nested("recurring");
		String lookupKey = p.string("lookup_key");
		ObjectNode holder = lookupKey == null || lookupKey.isEmpty() ? null : priceWithLookupKey(lookupKey);
		if (holder != null && !Boolean.TRUE.equals(p.bool("transfer_lookup_key"))) {
			throw ApiError.invalid("lookup_key", "A price (`" + Json.str(holder, "id") + "`) already uses that lookup "
					+ "key. Set transfer_lookup_key=true to move it to the new price.");
		}
		String interval = rec == null ? null : rec.oneOf("interval", null, "day", "week", "month", "year");
		if (rec != null && interval == null) {
			throw ApiError.missingParam("recurring[interval]");
		}
		ObjectNode price = Json.obj();
		price.put("id", core.store().newId("price_", 24));
		price.put("object", "price");
		price.put("active", !Boolean.FALSE.equals(p.bool("active")));
		price.put("billing_scheme", "per_unit");
		price.put("created", core.epoch(null));
		price.put("currency", currency);
		price.putNull("custom_unit_amount");
		price.put("livemode", false);
		price.put("lookup_key", lookupKey == null || lookupKey.isEmpty() ? null : lookupKey);
		price.set("metadata", Metadata.create(p));
		price.put("nickname", p.string("nickname"));
		price.put("product", productId);
		if (rec != null) {
			ObjectNode recurring = price.putObject("recurring");
			recurring.put("interval", interval);
			recurring.put("interval_count", rec.longValue("interval_count", 1));
			recurring.putNull("meter");
			recurring.putNull("trial_period_days");
			recurring.put("usage_type", "licensed");
		}
		else {
			price.putNull("recurring");
		}
		price.put("tax_behavior", p.oneOf("tax_behavior", "unspecified", "inclusive", "exclusive", "unspecified"));
		price.putNull("tiers_mode");
		price.putNull("transform_quantity");
		price.put("type", rec == null ? "one_time" : "recurring");
		if (dec.stripTrailingZeros().scale() <= 0) {
			price.put("unit_amount", dec.longValueExact());
		}
		else {
			price.putNull("unit_amount");
		}
		price.put("unit_amount_decimal", dec.stripTrailingZeros().toPlainString());
		price.set(PriceCurrencies.FIELD, currencyOptions(p.nested("currency_options"), currency, price));
		if (holder != null) {
			moveLookupKey(holder);
		}
		core.store().put("price", price);
		s.events().emit("price.created", price);
		return s.renderer().render(price, r.expand());
	}

	/**
	 * {@code currency_options[<cur>][unit_amount]} (or {@code unit_amount_decimal},
	 * {@code tax_behavior}), stored with an entry for the price's own currency too, as
	 * Stripe lists it when {@code currency_options} is expanded.
	 */
	private static ObjectNode currencyOptions(FormParams options, String currency, ObjectNode price) {
		ObjectNode all = Json.obj();
		all.set(currency, option(price.get("unit_amount"), Json.str(price, "unit_amount_decimal"),
				Json.str(price, "tax_behavior")));
		if (options == null) {
			return all;
		}
		for (String code : options.keys()) {
			String c = code.toLowerCase(Locale.ROOT);
			if (c.length() != 3 || !c.chars().allMatch(Character::isLetter) || c.equals(currency)) {
				throw ApiError.invalid("currency_options", "Invalid currency in currency_options: " + code
						+ (c.equals(currency) ? " (the price's own currency is set with `currency`)." : "."));
			}
			FormParams o = options.nested(code);
			if (o == null) {
				throw ApiError.invalid("currency_options[" + code + "]", "Expected an object with unit_amount.");
			}
			o.allowOnly("unit_amount", "unit_amount_decimal", "tax_behavior");
			Long amount = o.longValue("unit_amount");
			String decimal = o.string("unit_amount_decimal");
			if ((amount == null) == (decimal == null) || (amount != null && amount < 0)) {
				throw ApiError.invalid("currency_options[" + code + "][unit_amount]",
						"Specify exactly one of unit_amount (at least 0) or unit_amount_decimal.");
			}
			BigDecimal dec;
			try {
				dec = amount != null ? BigDecimal.valueOf(amount) : new BigDecimal(decimal);
			}
			catch (NumberFormatException e) {
				throw ApiError.invalid("currency_options[" + code + "][unit_amount_decimal]",
						"Invalid decimal: " + decimal);
			}
			all.set(c,
					option(dec.stripTrailingZeros().scale() <= 0 ? Json.obj().numberNode(dec.longValueExact()) : null,
							dec.stripTrailingZeros().toPlainString(),
							o.oneOf("tax_behavior", "unspecified", "inclusive", "exclusive", "unspecified")));
		}
		return all;
	}

	/** One {@code currency_options} entry in Stripe's shape. */
	private static ObjectNode option(JsonNode unitAmount, String unitAmountDecimal, String taxBehavior) {
		ObjectNode o = Json.obj();
		o.putNull("custom_unit_amount");
		o.put("tax_behavior", taxBehavior);
		o.set("unit_amount", unitAmount == null ? Json.obj().nullNode() : unitAmount);
		o.put("unit_amount_decimal", unitAmountDecimal);
		return o;
	}

	private String productFor(FormParams p) {
		String productId = p.string("product");
		FormParams data = p.nested("product_data");
		if ((productId == null || productId.isEmpty()) && data == null) {
			throw ApiError.missingParam("product");
		}
		if (productId != null && !productId.isEmpty()) {
			core.require("product", productId);
			return productId;
		}
		data.allowOnly("name", "active", "metadata", "statement_descriptor", "tax_code", "unit_label");
		ObjectNode prod = Json.obj();
		long now = core.epoch(null);
		prod.put("id", core.store().newId("prod_", 14));
		prod.put("object", "product");
		prod.put("active", !Boolean.FALSE.equals(data.bool("active")));
		prod.put("created", now);
		prod.putNull("default_price");
		prod.putNull("description");
		prod.putArray("images");
		prod.put("livemode", false);
		prod.putArray("marketing_features");
		prod.set("metadata", Metadata.create(data));
		prod.put("name", data.requiredString("name"));
		prod.put("type", "service");
		prod.put("updated", now);
		prod.putNull("url");
		core.store().put("product", prod);
		s.events().emit("product.created", prod);
		return Json.str(prod, "id");
	}

	private ObjectNode priceWithLookupKey(String key) {
		for (ObjectNode pr : core.store().all("price")) {
			if (key.equals(Json.str(pr, "lookup_key"))) {
				return pr;
			}
		}
		return null;
	}

	private void moveLookupKey(ObjectNode holder) {
		ObjectNode before = s.renderer().render(holder);
		holder.putNull("lookup_key");
		core.store().touched();
		s.events().emit("price.updated", holder, before);
	}

	private JsonNode updatePrice(ApiRequest r) {
		ObjectNode price = core.require("price", r.id());
		FormParams p = r.params()
			.allowOnly("active", "metadata", "lookup_key", "transfer_lookup_key", "nickname", "tax_behavior");
		ObjectNode before = s.renderer().render(price);
		if (p.bool("active") != null) {
			price.put("active", p.bool("active"));
		}
		if (p.has("nickname")) {
			String n = p.string("nickname");
			price.put("nickname", n == null || n.isEmpty() ? null : n);
		}
		if (p.has("tax_behavior")) {
			price.put("tax_behavior", p.oneOf("tax_behavior", "unspecified", "inclusive", "exclusive", "unspecified"));
		}
		if (p.has("lookup_key")) {
			String key = p.string("lookup_key");
			if (key == null || key.isEmpty()) {
				price.putNull("lookup_key");
			}
			else if (!key.equals(Json.str(price, "lookup_key"))) {
				ObjectNode holder = priceWithLookupKey(key);
				if (holder != null && !Objects.equals(holder, price)) {
					if (!Boolean.TRUE.equals(p.bool("transfer_lookup_key"))) {
						throw ApiError.invalid("lookup_key", "A price (`" + Json.str(holder, "id") + "`) already uses "
								+ "that lookup key. Set transfer_lookup_key=true to move it to this price.");
					}
					moveLookupKey(holder);
				}
				price.put("lookup_key", key);
			}
		}
		price.set("metadata", Metadata.merge(price.get("metadata"), p));
		core.store().touched();
		s.events().emit("price.updated", price, before);
		return s.renderer().render(price, r.expand());
	}

	private JsonNode listPrices(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly(Lists.with(Lists.PAGING, "active", "currency", "product", "type", "lookup_keys", "recurring"));
		Boolean active = p.bool("active");
		String currency = p.string("currency");
		String product = p.string("product");
		String type = p.oneOf("type", null, "one_time", "recurring");
		List<String> keys = p.stringList("lookup_keys");
		FormParams rec = p.nested("recurring");
		String interval = rec == null ? null : rec.string("interval");
		var matches = core.store()
			.where("price",
					o -> (active == null || active == Json.bool(o, "active"))
							&& (currency == null || currency.equalsIgnoreCase(Json.str(o, "currency")))
							&& (product == null || product.equals(Json.str(o, "product")))
							&& (type == null || type.equals(Json.str(o, "type")))
							&& (keys.isEmpty() || keys.contains(Json.str(o, "lookup_key")))
							&& (interval == null || interval.equals(Json.str(o.path("recurring"), "interval"))));
		List<String> ex = ApiSupport.elementExpand(r);
		return Lists.page(matches, p, "/v1/prices", o -> s.renderer().render(o, ex));
	}

	private JsonNode searchPrices(ApiRequest r) {
		FormParams p = r.params().allowOnly("query", "limit", "page");
		SearchQuery q = SearchQuery.parse(p.string("query"), "prices", PRICE_SEARCH);
		var matches = core.store().where("price", q::matches);
		List<String> ex = ApiSupport.elementExpand(r);
		return ApiSupport.searchResult(matches, p, "/v1/prices/search", o -> s.renderer().render(o, ex));
	}

}
