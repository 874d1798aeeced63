package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefundIT {

	@Test
	void partialThenFullRefundAccumulatesAmountRefunded() throws Exception {
		try (Emu emu = Emu.start(); WebhookReceiver receiver = new WebhookReceiver()) {
			String secret = emu.emulator.registerWebhookEndpoint(receiver.url(), List.of("charge.refunded")).secret();
			Catalog catalog = new Catalog(emu.stripe);
			Price pack = catalog.oneTime(catalog.product("Credit pack"), 5000, "usd");
			Session session = emu.stripe.v1()
				.checkout()
				.sessions()
				.create(SessionCreateParams.builder()
					.setMode(SessionCreateParams.Mode.PAYMENT)
					.setSuccessUrl("https://app.test/ok")
					.setCustomer(catalog.customer("o@example.com", null).getId())
					.addLineItem(SessionCreateParams.LineItem.builder().setPrice(pack.getId()).setQuantity(1L).build())
					.build());
			var completed = emu.api("POST", "/v1/test_helpers/checkout/sessions/" + session.getId() + "/complete",
					"outcome=card_success");
			assertThat(completed.statusCode()).isEqualTo(200);
			String piId = emu.stripe.v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent();
			PaymentIntent pi = emu.stripe.v1().paymentIntents().retrieve(piId);

			emu.stripe.v1()
				.refunds()
				.create(RefundCreateParams.builder().setPaymentIntent(piId).setAmount(2000L).build());
			Charge partly = emu.stripe.v1().charges().retrieve(pi.getLatestCharge());
			assertThat(partly.getAmountRefunded()).isEqualTo(2000L);
			assertThat(partly.getRefunded()).isFalse();

			emu.stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(pi.getLatestCharge()).build());
			Charge fully = emu.stripe.v1().charges().retrieve(pi.getLatestCharge());
			assertThat(fully.getAmountRefunded()).isEqualTo(5000L);
			assertThat(fully.getRefunded()).isTrue();
			assertThat(fully.getRefunds().getData()).hasSize(2);

			assertThatThrownBy(() -> emu.stripe.v1()
				.refunds()
				.create(RefundCreateParams.builder().setCharge(pi.getLatestCharge()).setAmount(1L).build()))
				.isInstanceOfSatisfying(InvalidRequestException.class,
						e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
			assertThat(emu.emulator.awaitWebhookDeliveries(Duration.ofSeconds(30))).isTrue();
			assertThat(receiver.events(secret)).extracting(Event::getType).containsOnly("charge.refunded");
			assertThat(receiver.events(secret))
				.extracting(e -> ((Charge) e.getDataObjectDeserializer().getObject().orElseThrow()).getAmountRefunded())
				.containsExactlyInAnyOrder(2000L, 5000L);
		}
	}

	@Test
	void refundLargerThanWhatIsLeftIsRejected() throws Exception {
		try (Emu emu = Emu.start()) {
			Catalog catalog = new Catalog(emu.stripe);
			Price pack = catalog.oneTime(catalog.product("Credit pack"), 1000, "usd");
			Session session = emu.stripe.v1()
				.checkout()
				.sessions()
				.create(SessionCreateParams.builder()
					.setMode(SessionCreateParams.Mode.PAYMENT)
					.setSuccessUrl("https://app.test/ok")
					.addLineItem(SessionCreateParams.LineItem.builder().setPrice(pack.getId()).setQuantity(1L).build())
					.build());
			emu.api("POST", "/v1/test_helpers/checkout/sessions/" + session.getId() + "/complete", "");
			String piId = emu.stripe.v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent();

			assertThatThrownBy(() -> emu.stripe.v1()
				.refunds()
				.create(RefundCreateParams.builder().setPaymentIntent(piId).setAmount(1001L).build()))
				.isInstanceOfSatisfying(InvalidRequestException.class,
						e -> assertThat(e.getCode()).isEqualTo("amount_too_large"));
		}
	}

}
