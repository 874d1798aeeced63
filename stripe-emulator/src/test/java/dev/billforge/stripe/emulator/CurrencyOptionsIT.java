package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.PriceRetrieveParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prices with {@code currency_options} and Checkout's {@code currency}, as Stripe does
 * them.
 */
class CurrencyOptionsIT {

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

	private Price monthlyWithOptions(Product product) throws Exception {
		return emu.stripe.v1()
			.prices()
			.create(PriceCreateParams.builder()
				.setProduct(product.getId())
				.setCurrency("usd")
				.setUnitAmount(9900L)
				.putCurrencyOption("eur", PriceCreateParams.CurrencyOption.builder().setUnitAmount(9200L).build())
				.putCurrencyOption("jpy", PriceCreateParams.CurrencyOption.builder().setUnitAmount(1500L).build())
				.putCurrencyOption("kwd", PriceCreateParams.CurrencyOption.builder().setUnitAmount(3050L).build())
				.setRecurring(PriceCreateParams.Recurring.builder()
					.setInterval(PriceCreateParams.Recurring.Interval.MONTH)
					.build())
				.build());
	}

	private Session checkout(Customer customer, Price price, String currency) throws Exception {
		SessionCreateParams.Builder b = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.SUBSCRIPTION)
			.setSuccessUrl("https://app.test/ok")
			.setCancelUrl("https://app.test/cancel")
			.setCustomer(customer.getId())
			.addLineItem(SessionCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build());
		if (currency != null) {
			b.setCurrency(currency);
		}
		return emu.stripe.v1().checkout().sessions().create(b.build());
	}

	@Test
	void currencyOptionsAreIncludableAndListTheDefaultCurrencyToo() throws Exception {
		Price price = monthlyWithOptions(catalog.product("Team"));
		assertThat(price.getCurrencyOptions()).isNull();

		Price expanded = emu.stripe.v1()
			.prices()
			.retrieve(price.getId(), PriceRetrieveParams.builder().addExpand("currency_options").build());
		assertThat(expanded.getCurrencyOptions()).containsOnlyKeys("usd", "eur", "jpy", "kwd");
		assertThat(expanded.getCurrencyOptions().get("eur").getUnitAmount()).isEqualTo(9200L);
		assertThat(expanded.getCurrencyOptions().get("jpy").getUnitAmount()).isEqualTo(1500L);
		assertThat(expanded.getCurrencyOptions().get("usd").getUnitAmount()).isEqualTo(9900L);
		assertThat(expanded.getCurrencyOptions().get("eur").getTaxBehavior()).isEqualTo("unspecified");

		Price listed = emu.stripe.v1()
			.prices()
			.list(PriceListParams.builder().setProduct(price.getProduct()).addExpand("data.currency_options").build())
			.getData()
			.get(0);
		assertThat(listed.getCurrencyOptions().get("kwd").getUnitAmount()).isEqualTo(3050L);
	}

	@Test
	void checkoutInACurrencyOptionChargesItsAmountAndFixesTheCustomersCurrency() throws Exception {
		Price price = monthlyWithOptions(catalog.product("Team"));
		Customer customer = catalog.customer("eur@example.com", null);
		Session session = checkout(customer, price, "eur");
		assertThat(session.getCurrency()).isEqualTo("eur");
		assertThat(session.getAmountTotal()).isEqualTo(9200L);

		emu.postForm(session.getUrl() + "/pay", Map.of("method", "card_success"));
		Session done = emu.stripe.v1().checkout().sessions().retrieve(session.getId());
		Subscription sub = emu.stripe.v1().subscriptions().retrieve(done.getSubscription());
		assertThat(sub.getCurrency()).isEqualTo("eur");
		Invoice invoice = emu.stripe.v1().invoices().retrieve(sub.getLatestInvoice());
		assertThat(invoice.getCurrency()).isEqualTo("eur");
		assertThat(invoice.getAmountPaid()).isEqualTo(9200L);
		assertThat(emu.stripe.v1().customers().retrieve(customer.getId()).getCurrency()).isEqualTo("eur");

		// One currency per customer: a subscription Checkout in another one is refused.
		assertThatThrownBy(() -> checkout(customer, price, "usd")).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("cannot combine currencies");
	}

	@Test
	void aCurrencyThePriceDoesNotOfferIsRefused() throws Exception {
		Price price = monthlyWithOptions(catalog.product("Team"));
		Customer customer = catalog.customer("gbp@example.com", null);
		assertThatThrownBy(() -> checkout(customer, price, "gbp")).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("does not have a `gbp` currency option");
		assertThatThrownBy(() -> emu.stripe.v1()
			.prices()
			.create(PriceCreateParams.builder()
				.setProduct(price.getProduct())
				.setCurrency("usd")
				.setUnitAmount(100L)
				.putCurrencyOption("usd", PriceCreateParams.CurrencyOption.builder().setUnitAmount(90L).build())
				.build()))
			.isInstanceOf(InvalidRequestException.class);
	}

}
