package dev.billforge.stripe.emulator;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Subscription;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionCreateParams;

/** Test data helpers that go through the real client. */
final class Catalog {

	private final StripeClient stripe;

	Catalog(StripeClient stripe) {
		this.stripe = stripe;
	}

	Product product(String name) throws StripeException {
		return stripe.v1()
			.products()
			.create(ProductCreateParams.builder().setName(name).putMetadata("product", "doc_router").build());
	}

	Price monthly(Product product, long amount) throws StripeException {
		return stripe.v1()
			.prices()
			.create(PriceCreateParams.builder()
				.setProduct(product.getId())
				.setCurrency("usd")
				.setUnitAmount(amount)
				.putMetadata("kind", "plan")
				.setRecurring(PriceCreateParams.Recurring.builder()
					.setInterval(PriceCreateParams.Recurring.Interval.MONTH)
					.build())
				.build());
	}

	Price oneTime(Product product, long amount, String currency) throws StripeException {
		return stripe.v1()
			.prices()
			.create(PriceCreateParams.builder()
				.setProduct(product.getId())
				.setCurrency(currency)
				.setUnitAmount(amount)
				.putMetadata("kind", "pack")
				.build());
	}

	Customer customer(String email, String testClock) throws StripeException {
		CustomerCreateParams.Builder b = CustomerCreateParams.builder().setEmail(email).putMetadata("org_id", "org_1");
		if (testClock != null) {
			b.setTestClock(testClock);
		}
		return stripe.v1().customers().create(b.build());
	}

	Subscription subscribe(Customer customer, Price price) throws StripeException {
		return stripe.v1()
			.subscriptions()
			.create(SubscriptionCreateParams.builder()
				.setCustomer(customer.getId())
				.addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).build())
				.build());
	}

}
