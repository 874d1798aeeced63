package dev.billforge.billing.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.SubscriptionUpdateParams;

import dev.billforge.billing.SeatBilling;
import dev.billforge.billing.SubscriptionView;
import dev.billforge.common.ProblemException;
import dev.billforge.orgs.OrgId;

/**
 * Changes a per-seat subscription's quantity in Stripe, then mirrors it (and, for more
 * seats, grants the paid proration invoice's allowance at once; the webhook would too,
 * keyed on the same invoice).
 */
@Component
class SeatChanges implements SeatBilling {

	private final StripeClient stripe;

	private final SubscriptionSync subscriptions;

	private final InvoiceEffects invoices;

	SeatChanges(StripeClient stripe, SubscriptionSync subscriptions, InvoiceEffects invoices) {
		this.stripe = stripe;
		this.subscriptions = subscriptions;
		this.invoices = invoices;
	}

	@Override
	public SubscriptionView setSeats(OrgId org, long seats) {
		if (seats < 1 || seats > MAX_SEATS) {
			throw ProblemException.invalid("seats", "seats must be between 1 and " + MAX_SEATS);
		}
		SubscriptionView view = subscriptions.current(org)
			.filter(s -> s.live() && s.perSeat())
			.orElseThrow(() -> ProblemException.conflict("no_seat_plan", "the org is not on a per-seat plan"));
		try {
			// Decide on Stripe's quantity, not the mirror's: a change that reached Stripe
			// before a crash is not made twice.
			Subscription sub = stripe.v1().subscriptions().retrieve(view.id());
			SubscriptionItem item = sub.getItems().getData().get(0);
			long current = item.getQuantity() == null ? 1 : item.getQuantity();
			if (current != seats) {
				boolean more = seats > current;
				SubscriptionUpdateParams params = SubscriptionUpdateParams.builder()
					.addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(seats).build())
					.setProrationBehavior(more ? SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE
							: SubscriptionUpdateParams.ProrationBehavior.NONE)
					.build();
				// One key per call: stripe-java's retries of this request resend it and
				// change nothing twice.
				RequestOptions options = RequestOptions.builder()
					.setIdempotencyKey("seats:" + view.id() + ":" + current + ":" + seats + ":" + UUID.randomUUID())
					.build();
				StripeRetry.withRetries(() -> stripe.v1().subscriptions().update(view.id(), params, options));
				if (more) {
					invoices.applyLatestPaidInvoice(view.id());
				}
			}
			subscriptions.sync(view.id());
		}
		catch (StripeException ex) {
			throw StripeFailures.unavailable("changing the seats", ex);
		}
		return subscriptions.current(org).orElseThrow();
	}

}
