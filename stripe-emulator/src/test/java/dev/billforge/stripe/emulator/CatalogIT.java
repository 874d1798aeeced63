package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Price;
import com.stripe.model.StripeCollection;
import com.stripe.model.Product;
import com.stripe.model.StripeSearchResult;
import com.stripe.model.checkout.Session;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.PriceSearchParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductSearchParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogIT {

	private Emu emu;

	private Catalog catalog;

	@BeforeEach
	void start() {
		emu = Emu.start();
		catalog = new Catalog(emu.stripe);
	}

	@AfterEach
	void stop() {
		emu.close();
	}

	@Test
	void listingPaginatesBeyondTheFirstTenPrices() throws Exception {
		Product product = catalog.product("Packs");
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			created.add(catalog.oneTime(product, 100 + i, "usd").getId());
		}
		PriceListParams.Builder params = PriceListParams.builder().setProduct(product.getId());

		StripeCollection<Price> first = emu.stripe.v1().prices().list(params.build());
		assertThat(first.getData()).hasSize(10);
		assertThat(first.getHasMore()).isTrue();
		assertThat(first.getData().get(0).getId()).isEqualTo(created.get(24));

		StripeCollection<Price> second = emu.stripe.v1()
			.prices()
			.list(params.setStartingAfter(first.getData().get(9).getId()).build());
		StripeCollection<Price> third = emu.stripe.v1()
			.prices()
			.list(PriceListParams.builder()
				.setProduct(product.getId())
				.setStartingAfter(second.getData().get(9).getId())
				.build());
		assertThat(second.getHasMore()).isTrue();
		assertThat(third.getData()).hasSize(5);
		assertThat(third.getHasMore()).isFalse();

		StripeCollection<Price> back = emu.stripe.v1()
			.prices()
			.list(PriceListParams.builder()
				.setProduct(product.getId())
				.setEndingBefore(second.getData().get(0).getId())
				.build());
		assertThat(back.getData()).extracting(Price::getId)
			.containsExactlyElementsOf(first.getData().stream().map(Price::getId).toList());

		Set<String> all = new HashSet<>();
		emu.stripe.v1()
			.prices()
			.list(PriceListParams.builder().setProduct(product.getId()).setLimit(7L).build())
			.autoPagingIterable()
			.forEach(p -> all.add(p.getId()));
		assertThat(all).containsExactlyInAnyOrderElementsOf(created);
	}

	@Test
	void searchFindsActiveProductsByMetadataAcrossPages() throws Exception {
		Set<String> wanted = new HashSet<>();
		for (int i = 0; i < 12; i++) {
			wanted.add(catalog.product("Plan " + i).getId());
		}
		emu.stripe.v1()
			.products()
			.create(ProductCreateParams.builder().setName("Other").putMetadata("product", "sig_agent").build());
		emu.stripe.v1()
			.products()
			.create(ProductCreateParams.builder()
				.setName("Retired")
				.setActive(false)
				.putMetadata("product", "doc_router")
				.build());

		Set<String> found = new HashSet<>();
		String page = null;
		int pages = 0;
		do {
			ProductSearchParams.Builder b = ProductSearchParams.builder()
				.setQuery("active:'true' AND metadata['product']:'doc_router'")
				.setLimit(5L);
			if (page != null) {
				b.setPage(page);
			}
			StripeSearchResult<Product> result = emu.stripe.v1().products().search(b.build());
			result.getData().forEach(p -> found.add(p.getId()));
			page = result.getHasMore() ? result.getNextPage() : null;
			pages++;
		}
		while (page != null);

		assertThat(found).isEqualTo(wanted);
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void priceSearchFiltersOnMetadataAndType() throws Exception {
		Product product = catalog.product("Pro");
		Price plan = catalog.monthly(product, 2000);
		catalog.oneTime(product, 500, "usd");

		StripeSearchResult<Price> result = emu.stripe.v1()
			.prices()
			.search(PriceSearchParams.builder()
				.setQuery("metadata['kind']:'plan' AND type:'recurring' AND product:'" + product.getId() + "'")
				.build());

		assertThat(result.getData()).extracting(Price::getId).containsExactly(plan.getId());
	}

	@Test
	void unsupportedSearchFieldIsAnInvalidRequest() {
		assertThatThrownBy(
				() -> emu.stripe.v1().products().search(ProductSearchParams.builder().setQuery("colour:'red'").build()))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("unsupported search field");
	}

	@Test
	void lookupKeyMovesToANewPriceOnlyWithTransferLookupKey() throws Exception {
		Product product = catalog.product("Pro");
		Price old = emu.stripe.v1()
			.prices()
			.create(PriceCreateParams.builder()
				.setProduct(product.getId())
				.setCurrency("usd")
				.setUnitAmount(2000L)
				.setLookupKey("pro_monthly")
				.build());
		PriceCreateParams clash = PriceCreateParams.builder()
			.setProduct(product.getId())
			.setCurrency("usd")
			.setUnitAmount(2500L)
			.setLookupKey("pro_monthly")
			.build();

		assertThatThrownBy(() -> emu.stripe.v1().prices().create(clash)).isInstanceOfSatisfying(
				InvalidRequestException.class, e -> assertThat(e.getParam()).isEqualTo("lookup_key"));

		Price moved = emu.stripe.v1()
			.prices()
			.create(PriceCreateParams.builder()
				.setProduct(product.getId())
				.setCurrency("usd")
				.setUnitAmount(2500L)
				.setLookupKey("pro_monthly")
				.setTransferLookupKey(true)
				.build());
		assertThat(moved.getLookupKey()).isEqualTo("pro_monthly");
		assertThat(emu.stripe.v1().prices().retrieve(old.getId()).getLookupKey()).isNull();
		assertThat(
				emu.stripe.v1().prices().list(PriceListParams.builder().addLookupKey("pro_monthly").build()).getData())
			.extracting(Price::getId)
			.containsExactly(moved.getId());
	}

	@Test
	void pricesAreImmutableExceptActiveMetadataAndLookupKey() throws Exception {
		Price price = catalog.monthly(catalog.product("Pro"), 2000);

		assertThatThrownBy(() -> emu.stripe.v1()
			.prices()
			.update(price.getId(), PriceUpdateParams.builder().putExtraParam("unit_amount", 3000).build()))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					e -> assertThat(e.getCode()).isEqualTo("parameter_unknown"));

		Price archived = emu.stripe.v1()
			.prices()
			.update(price.getId(), PriceUpdateParams.builder().setActive(false).putMetadata("tier", "pro").build());
		assertThat(archived.getActive()).isFalse();
		assertThat(archived.getUnitAmount()).isEqualTo(2000L);
		assertThat(archived.getMetadata()).containsEntry("tier", "pro").containsEntry("kind", "plan");
	}

	@Test
	void zeroDecimalCurrencyAmountsAreWholeUnits() throws Exception {
		Price yen = catalog.oneTime(catalog.product("Pack JP"), 500, "jpy");

		Session session = emu.stripe.v1()
			.checkout()
			.sessions()
			.create(SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.PAYMENT)
				.setSuccessUrl("https://app.test/ok")
				.addLineItem(SessionCreateParams.LineItem.builder().setPrice(yen.getId()).setQuantity(3L).build())
				.build());

		assertThat(session.getAmountTotal()).isEqualTo(1500L);
		assertThat(session.getCurrency()).isEqualTo("jpy");
		String page = emu.get(session.getUrl()).body();
		assertThat(page).contains("1500").doesNotContain("15.00");
	}

}
