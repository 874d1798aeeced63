package dev.billforge.billing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.net.RequestOptions;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductUpdateParams;

import dev.billforge.billing.CatalogEntry.Kind;
import dev.billforge.common.ProductProperties;

/**
 * Pushes a catalog file to Stripe, idempotently by lookup key. Prices are never mutated:
 * a changed amount or allowance creates a new price that takes over the lookup key
 * ({@code transfer_lookup_key}) and the old one is archived, so subscriptions on it keep
 * their terms (grandfathering).
 */
@Component
class CatalogPusher {

	/** One change a push makes (or, in a dry run, would make). */
	record Change(String action, String target, String detail) {

		@Override
		public String toString() {
			return action + " " + target + (detail == null ? "" : " (" + detail + ")");
		}

	}

	private final StripeClient stripe;

	private final String tag;

	CatalogPusher(StripeClient stripe, ProductProperties product) {
		this.stripe = stripe;
		this.tag = product.getTag();
	}

	/** What a push would change; nothing when Stripe already matches the file. */
	List<Change> diff(CatalogFile file) throws StripeException {
		return run(file, false);
	}

	/** Applies the file; returns what changed (empty the second time). */
	List<Change> push(CatalogFile file) throws StripeException {
		return run(file, true);
	}

	private List<Change> run(CatalogFile file, boolean apply) throws StripeException {
		List<Change> changes = new ArrayList<>();
		for (CatalogFile.Item item : file.items()) {
			String productId = tag + "_" + item.key();
			Map<String, String> productMetadata = Map.of("product", tag, "kind", item.kind().code(), "tier",
					item.key());
			Product product = findProduct(productId);
			if (product == null) {
				changes.add(new Change("create product", productId, item.name()));
				if (apply) {
					stripe.v1()
						.products()
						.create(ProductCreateParams.builder()
							.setId(productId)
							.setName(item.name())
							.putAllMetadata(productMetadata)
							.build(), idem("catalog-product:" + productId));
				}
			}
			else if (!item.name().equals(product.getName()) || !Boolean.TRUE.equals(product.getActive())
					|| !product.getMetadata().entrySet().containsAll(productMetadata.entrySet())) {
				changes.add(new Change("update product", productId, item.name()));
				if (apply) {
					stripe.v1()
						.products()
						.update(productId,
								ProductUpdateParams.builder()
									.setName(item.name())
									.setActive(true)
									.putAllMetadata(productMetadata)
									.build());
				}
			}
			Price current = findPrice(item.lookupKey());
			Map<String, String> metadata = item.priceMetadata(tag);
			if (current != null && matches(current, productId, file.currency(), item, metadata)) {
				archiveSuperseded(productId, item.lookupKey(), current.getId(), apply, changes);
				continue;
			}
			changes.add(new Change(current == null ? "create price" : "replace price", item.lookupKey(),
					describe(file.currency(), item) + (current == null ? "" : ", archives " + current.getId())));
			if (apply) {
				PriceCreateParams.Builder price = PriceCreateParams.builder()
					.setProduct(productId)
					.setCurrency(file.currency())
					.setUnitAmount(item.amount())
					.setLookupKey(item.lookupKey())
					.setTransferLookupKey(true)
					.setNickname(item.name())
					.putAllMetadata(metadata);
				item.currencyOptions()
					.forEach((code, option) -> price.putCurrencyOption(code,
							PriceCreateParams.CurrencyOption.builder().setUnitAmount(option.unitAmount()).build()));
				if (item.kind() == Kind.PLAN) {
					price.setRecurring(PriceCreateParams.Recurring.builder()
						.setInterval(PriceCreateParams.Recurring.Interval.valueOf(item.interval().toUpperCase()))
						.build());
				}
				Price created = stripe.v1()
					.prices()
					.create(price.build(), idem(
							"catalog-price:" + item.lookupKey() + ":" + fingerprint(file.currency(), item, metadata)));
				archiveSuperseded(productId, item.lookupKey(), created.getId(), true, new ArrayList<>());
			}
		}
		new CatalogCoupons(stripe).run(file, apply, changes);
		return changes;
	}

	/**
	 * Old prices of this lookup key that are still active (also after a crash between
	 * create and archive).
	 */
	private void archiveSuperseded(String productId, String lookupKey, String keepId, boolean apply,
			List<Change> changes) throws StripeException {
		PriceListParams params = PriceListParams.builder().setProduct(productId).setActive(true).setLimit(100L).build();
		for (Price price : stripe.v1().prices().list(params).autoPagingIterable()) {
			if (!price.getId().equals(keepId) && lookupKey.equals(price.getMetadata().get("catalog_key"))) {
				changes.add(new Change("archive price", price.getId(), lookupKey));
				if (apply) {
					stripe.v1().prices().update(price.getId(), PriceUpdateParams.builder().setActive(false).build());
				}
			}
		}
	}

	private Product findProduct(String id) throws StripeException {
		try {
			return stripe.v1().products().retrieve(id);
		}
		catch (InvalidRequestException ex) {
			if (ex.getStatusCode() != null && ex.getStatusCode() == 404) {
				return null;
			}
			throw ex;
		}
	}

	private Price findPrice(String lookupKey) throws StripeException {
		// currency_options is includable: Stripe returns it only when expanded.
		PriceListParams params = PriceListParams.builder()
			.addLookupKey(lookupKey)
			.addExpand("data.currency_options")
			.setLimit(1L)
			.build();
		List<Price> prices = stripe.v1().prices().list(params).getData();
		return prices.isEmpty() ? null : prices.get(0);
	}

	private static boolean matches(Price price, String productId, String currency, CatalogFile.Item item,
			Map<String, String> metadata) {
		boolean recurring = price.getRecurring() != null;
		return Boolean.TRUE.equals(price.getActive()) && productId.equals(price.getProduct())
				&& currency.equalsIgnoreCase(price.getCurrency())
				&& Objects.equals(price.getUnitAmount(), item.amount()) && recurring == (item.kind() == Kind.PLAN)
				&& (!recurring || item.interval().equals(price.getRecurring().getInterval()))
				&& metadata.equals(price.getMetadata()) && sameCurrencyOptions(price, currency, item);
	}

	/**
	 * The price's other currencies (its own currency, which Stripe lists too, left out)
	 * equal the file's.
	 */
	private static boolean sameCurrencyOptions(Price price, String currency, CatalogFile.Item item) {
		Map<String, Long> stripe = new java.util.TreeMap<>();
		if (price.getCurrencyOptions() != null) {
			price.getCurrencyOptions().forEach((code, option) -> {
				if (!code.equalsIgnoreCase(currency)) {
					stripe.put(code.toLowerCase(java.util.Locale.ROOT), option.getUnitAmount());
				}
			});
		}
		Map<String, Long> file = new java.util.TreeMap<>();
		item.currencyOptions().forEach((code, option) -> file.put(code, option.unitAmount()));
		return stripe.equals(file);
	}

	private static String describe(String currency, CatalogFile.Item item) {
		String amount = item.amount() + " " + currency
				+ item.currencyOptions()
					.entrySet()
					.stream()
					.map(e -> ", " + e.getValue().unitAmount() + " " + e.getKey())
					.collect(java.util.stream.Collectors.joining())
				+ (item.interval() == null ? "" : "/" + item.interval());
		return item.kind() == Kind.PLAN
				? amount + ", " + item.includedCredits().toPlainString() + " credits"
						+ (item.overagePerCredit() == null ? ""
								: ", overage " + item.overagePerCredit().toPlainString() + "/credit")
				: amount + ", " + item.credits().toPlainString() + " credits";
	}

	private static String fingerprint(String currency, CatalogFile.Item item, Map<String, String> metadata) {
		String text = currency + "|" + item.amount() + "|" + item.interval() + "|" + item.name() + "|" + metadata
				+ (item.currencyOptions().isEmpty() ? "" : "|" + item.currencyOptions());
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RequestOptions idem(String key) {
		return RequestOptions.builder().setIdempotencyKey(key).build();
	}

}
