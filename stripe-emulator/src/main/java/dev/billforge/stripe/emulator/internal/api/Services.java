package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.Renderer;
import dev.billforge.stripe.emulator.internal.billing.CheckoutFlow;
import dev.billforge.stripe.emulator.internal.billing.Customers;
import dev.billforge.stripe.emulator.internal.billing.Discounts;
import dev.billforge.stripe.emulator.internal.billing.InvoiceItems;
import dev.billforge.stripe.emulator.internal.billing.Invoices;
import dev.billforge.stripe.emulator.internal.billing.Payments;
import dev.billforge.stripe.emulator.internal.billing.SubscriptionLifecycle;
import dev.billforge.stripe.emulator.internal.billing.Subscriptions;
import dev.billforge.stripe.emulator.internal.billing.TimeDriver;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.http.FaultInjector;

/** Everything the API handlers and pages need, wired once per emulator instance. */
public record Services(Core core, Renderer renderer, EventLog events, Customers customers, Payments payments,
		Invoices invoices, InvoiceItems invoiceItems, SubscriptionLifecycle lifecycle, Subscriptions subscriptions,
		CheckoutFlow checkout, TimeDriver time, FaultInjector faults, Discounts discounts) {

	public static Services wire(Core core, EventLog events, Renderer renderer, FaultInjector faults) {
		Customers customers = new Customers(core, events);
		Payments payments = new Payments(core, events);
		SubscriptionLifecycle lifecycle = new SubscriptionLifecycle(core, events, renderer);
		Discounts discounts = new Discounts(core);
		Invoices invoices = new Invoices(core, events, payments, lifecycle, discounts);
		InvoiceItems items = new InvoiceItems(core, events, invoices);
		Subscriptions subscriptions = new Subscriptions(core, events, renderer, invoices, items, lifecycle);
		CheckoutFlow checkout = new CheckoutFlow(core, events, customers, subscriptions, payments, discounts);
		TimeDriver time = new TimeDriver(core, subscriptions, invoices, checkout);
		return new Services(core, renderer, events, customers, payments, invoices, items, lifecycle, subscriptions,
				checkout, time, faults, discounts);
	}
}
