package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductSearchParams;

import dev.billforge.billing.BillingProperties;
import dev.billforge.billing.CatalogEntry;
import dev.billforge.billing.CatalogEntry.Kind;
import dev.billforge.billing.FeatureSet;
import dev.billforge.common.DecimalInput;
import dev.billforge.common.ProductProperties;
import dev.billforge.valuemetric.Credits;

/**
 * The product's plans and packs, discovered from Stripe (every page of products tagged
 * {@code metadata.product=<tag>} and of their active prices with {@code metadata.kind}),
 * cached in MongoDB ({@code billing_catalog}, {@code _id} = product tag) and refreshed on
 * product and price events.
 */
@Component
class CatalogService {

	private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

	private final StripeClient stripe;

	private final MongoCollection<Document> cache;

	private final String tag;

	private final Clock clock;

	private final BillingProperties properties;

	CatalogService(StripeClient stripe, MongoTemplate mongo, ProductProperties product, Clock clock,
			BillingProperties properties) {
		this.stripe = stripe;
		this.cache = mongo.getCollection(BillingCollections.CATALOG);
		this.tag = product.getTag();
		this.clock = clock;
		this.properties = properties;
	}

	/** The active catalog, from the cache when it is fresh, else from Stripe. */
	List<CatalogEntry> entries() {
		Document cached = cache.find(Filters.eq("_id", tag)).first();
		if (cached != null && Instant.parse(cached.getString("refreshedAt"))
			.plus(properties.getCatalog().getCacheTtl())
			.isAfter(clock.instant())) {
			return cached.getList("entries", Document.class).stream().map(CatalogService::fromDocument).toList();
		}
		return refresh();
	}

	Optional<CatalogEntry> byLookupKey(String lookupKey) {
		return entries().stream().filter(e -> e.lookupKey().equals(lookupKey)).findFirst();
	}

	/** Discovers the catalog from Stripe through all pages and replaces the cache. */
	List<CatalogEntry> refresh() {
		try {
			List<CatalogEntry> entries = new ArrayList<>();
			ProductSearchParams search = ProductSearchParams.builder()
				.setQuery("active:'true' AND metadata['product']:'" + tag + "'")
				.setLimit(100L)
				.build();
			for (Product product : stripe.v1().products().search(search).autoPagingIterable()) {
				PriceListParams prices = PriceListParams.builder()
					.setProduct(product.getId())
					.setActive(true)
					.addExpand("data.currency_options")
					.setLimit(100L)
					.build();
				for (Price price : stripe.v1().prices().list(prices).autoPagingIterable()) {
					fromPrice(price, product.getName()).ifPresent(entries::add);
				}
			}
			entries.sort((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind())
					: Long.compare(a.unitAmount(), b.unitAmount()));
			cache.replaceOne(Filters.eq("_id", tag),
					new Document("_id", tag).append("refreshedAt", clock.instant().toString())
						.append("entries", entries.stream().map(CatalogService::toDocument).toList()),
					new ReplaceOptions().upsert(true));
			return entries;
		}
		catch (StripeException ex) {
			throw StripeFailures.unavailable("loading the catalog", ex);
		}
	}

	/** Marks the cache stale (product/price events), so the next read discovers again. */
	void invalidate() {
		cache.deleteOne(Filters.eq("_id", tag));
	}

	/**
	 * Reads a plan or pack from a price's own metadata — also for archived prices, which
	 * is how a subscription keeps the allowance of the price it is on.
	 */
	static Optional<CatalogEntry> fromPrice(Price price, String productName) {
		Map<String, String> m = price.getMetadata();
		Kind kind = m == null ? null : Kind.fromCode(m.get("kind"));
		if (kind == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(new CatalogEntry(price.getLookupKey(), price.getId(), price.getProduct(), kind,
					m.get("tier"), productName != null ? productName : price.getNickname(), price.getCurrency(),
					price.getUnitAmount() == null ? 0 : price.getUnitAmount(),
					price.getRecurring() == null ? null : price.getRecurring().getInterval(),
					credits(m.get("included_credits")), decimal(m.get("overage_unit_amount_decimal")),
					credits(m.get("credits")), integer(m.get("min_quantity")), integer(m.get("max_quantity")),
					FeatureSet.fromMetadata(m.get("features")), "true".equals(m.get("per_seat")),
					trial(m.get("trial_days"), m.get("trial_card_required"), m.get("trial_credits")),
					"true".equals(m.get("allow_promotion_codes")), currencyOptions(price)));
		}
		catch (IllegalArgumentException ex) { // NumberFormatException included
			log.warn("Price {} has malformed billing metadata {}; ignored", price.getId(), m);
			return Optional.empty();
		}
	}

	/**
	 * The price's other currencies: amounts from Stripe's {@code currency_options}
	 * (present when expanded; its entry for the price's own currency left out), overage
	 * rates from {@code overage_unit_amount_decimal_<cur>} metadata.
	 */
	static Map<String, CatalogEntry.CurrencyOption> currencyOptions(Price price) {
		Map<String, CatalogEntry.CurrencyOption> options = new java.util.TreeMap<>();
		String own = price.getCurrency() == null ? "" : price.getCurrency().toLowerCase(java.util.Locale.ROOT);
		Map<String, String> m = price.getMetadata() == null ? Map.of() : price.getMetadata();
		if (price.getCurrencyOptions() != null) {
			price.getCurrencyOptions().forEach((code, option) -> {
				String c = code.toLowerCase(java.util.Locale.ROOT);
				if (!c.equals(own) && option.getUnitAmount() != null && CatalogFile.CURRENCY.matcher(c).matches()) {
					options.put(c, new CatalogEntry.CurrencyOption(option.getUnitAmount(),
							decimal(m.get(CatalogFile.OVERAGE_IN + c))));
				}
			});
		}
		return options;
	}

	/**
	 * The price of one credit beyond the allowance in {@code currency}, read from the
	 * price's own metadata (no expansion needed, so also for a subscription item's
	 * price): {@code overage_unit_amount_decimal} in the price's currency,
	 * {@code overage_unit_amount_decimal_<cur>} in another. Null when the plan has no
	 * overage in it.
	 */
	static BigDecimal overageRate(Price price, String currency) {
		Map<String, String> m = price.getMetadata() == null ? Map.of() : price.getMetadata();
		String c = currency == null ? price.getCurrency() : currency.toLowerCase(java.util.Locale.ROOT);
		try {
			return c == null || c.equalsIgnoreCase(price.getCurrency()) ? decimal(m.get("overage_unit_amount_decimal"))
					: decimal(m.get(CatalogFile.OVERAGE_IN + c));
		}
		catch (NumberFormatException ex) {
			log.warn("Price {} has a malformed overage rate for {}; no overage", price.getId(), c);
			return null;
		}
	}

	private static CatalogEntry.Trial trial(String days, String cardRequired, String credits) {
		if (days == null) {
			return null;
		}
		int d = Integer.parseInt(days);
		if (d < 1 || d > 730) {
			throw new NumberFormatException("trial_days out of bounds: " + days);
		}
		return new CatalogEntry.Trial(d, !"false".equals(cardRequired), credits(credits));
	}

	private static Credits credits(String value) {
		return value == null ? null : new Credits(decimal(value));
	}

	private static BigDecimal decimal(String value) {
		// metadata can be edited in Stripe's dashboard: held to the same bounds as any
		// input
		return value == null ? null
				: DecimalInput.tryParse(value).orElseThrow(() -> new NumberFormatException("out of bounds: " + value));
	}

	private static Integer integer(String value) {
		return value == null ? null : Integer.valueOf(value);
	}

	private static Document toDocument(CatalogEntry e) {
		return new Document("lookupKey", e.lookupKey()).append("priceId", e.priceId())
			.append("productId", e.productId())
			.append("kind", e.kind().code())
			.append("tier", e.tier())
			.append("name", e.name())
			.append("currency", e.currency())
			.append("unitAmount", e.unitAmount())
			.append("interval", e.interval())
			.append("includedCredits", e.includedCredits() == null ? null : e.includedCredits().toString())
			.append("overageUnitAmountDecimal",
					e.overageUnitAmountDecimal() == null ? null : e.overageUnitAmountDecimal().toPlainString())
			.append("credits", e.credits() == null ? null : e.credits().toString())
			.append("minQuantity", e.minQuantity())
			.append("maxQuantity", e.maxQuantity())
			.append("features", e.features().toMetadata())
			.append("perSeat", e.perSeat())
			.append("trialDays", e.trial() == null ? null : e.trial().days())
			.append("trialCardRequired", e.trial() == null ? null : e.trial().cardRequired())
			.append("trialCredits",
					e.trial() == null || e.trial().credits() == null ? null : e.trial().credits().toString())
			.append("promotionCodes", e.promotionCodes())
			.append("currencyOptions", currencyOptionsDocument(e.currencyOptions()));
	}

	private static Document currencyOptionsDocument(Map<String, CatalogEntry.CurrencyOption> options) {
		Document d = new Document();
		options.forEach((code, o) -> d.append(code, new Document("unitAmount", o.unitAmount()).append("overage",
				o.overageUnitAmountDecimal() == null ? null : o.overageUnitAmountDecimal().toPlainString())));
		return d;
	}

	private static Map<String, CatalogEntry.CurrencyOption> currencyOptions(Document d) {
		Map<String, CatalogEntry.CurrencyOption> options = new java.util.TreeMap<>();
		if (d != null) {
			d.forEach((code, value) -> {
				Document o = (Document) value;
				options.put(code, new CatalogEntry.CurrencyOption(((Number) o.get("unitAmount")).longValue(),
						decimal(o.getString("overage"))));
			});
		}
		return options;
	}

	private static CatalogEntry fromDocument(Document d) {
		return new CatalogEntry(d.getString("lookupKey"), d.getString("priceId"), d.getString("productId"),
				Kind.fromCode(d.getString("kind")), d.getString("tier"), d.getString("name"), d.getString("currency"),
				((Number) d.get("unitAmount")).longValue(), d.getString("interval"),
				credits(d.getString("includedCredits")), decimal(d.getString("overageUnitAmountDecimal")),
				credits(d.getString("credits")), d.getInteger("minQuantity"), d.getInteger("maxQuantity"),
				FeatureSet.fromMetadata(d.getString("features")), Boolean.TRUE.equals(d.getBoolean("perSeat")),
				d.getInteger("trialDays") == null ? null : new CatalogEntry.Trial(d.getInteger("trialDays"),
						!Boolean.FALSE.equals(d.getBoolean("trialCardRequired")), credits(d.getString("trialCredits"))),
				Boolean.TRUE.equals(d.getBoolean("promotionCodes")),
				currencyOptions(d.get("currencyOptions", Document.class)));
	}

}
