package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Completes, expires and settles Checkout sessions. A declined card changes nothing (the session stays
 * open, as on Stripe's page); a delayed method completes the session unpaid and settles later.
 */
public final class CheckoutFlow {

    public static final Set<String> METHODS = Set.of("card_success", "card_decline", "delayed_success",
            "delayed_failure");

    private final Core core;
    private final EventLog events;
    private final Customers customers;
    private final Subscriptions subscriptions;
    private final Payments payments;

    public CheckoutFlow(Core core, EventLog events, Customers customers, Subscriptions subscriptions,
            Payments payments) {
        this.core = core;
        this.events = events;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.payments = payments;
    }

    public void complete(ObjectNode session, String method, String email) {
        if (!METHODS.contains(method)) {
            throw ApiError.invalid("outcome", "outcome must be one of " + METHODS);
        }
        if (!"open".equals(Json.str(session, "status"))) {
            throw ApiError.invalid("checkout_session_not_open", null,
                    "This Checkout Session is " + Json.str(session, "status") + " and can no longer be paid.");
        }
        boolean subscriptionMode = "subscription".equals(Json.str(session, "mode"));
        if (subscriptionMode && method.startsWith("delayed")) {
            throw ApiError.invalid("outcome", "The emulator offers delayed payment methods in payment mode only.");
        }
        if ("card_decline".equals(method)) {
            throw ApiError.cardDeclined("Your card was declined.");
        }
        String customerEmail = email != null && !email.isBlank() ? email : Json.str(session, "customer_email");
        ObjectNode customer = core.find("customer", Json.str(session, "customer"));
        if (customer == null && (subscriptionMode || "always".equals(Json.str(session, "customer_creation")))) {
            customer = customers.create(customerEmail, null, null, null, null);
        }
        if (customer != null && customerEmail == null) {
            customerEmail = Json.str(customer, "email");
        }
        String customerId = customer == null ? null : Json.str(customer, "id");
        session.put("customer", customerId);
        ObjectNode details = session.putObject("customer_details");
        details.putNull("address");
        details.put("email", customerEmail);
        details.putNull("name");
        details.putNull("phone");
        details.put("tax_exempt", "none");
        details.putNull("tax_ids");
        session.put("status", "complete");
        if (subscriptionMode) {
            customer.put("_payment_outcome", "succeed");
            new PaymentMethods(core, events).saveForCustomer(customerId);
            List<Subscriptions.ItemSpec> items = new ArrayList<>();
            int i = 0;
            for (JsonNode li : session.path("_line_items")) {
                items.add(new Subscriptions.ItemSpec(null, Json.str(li.path("price"), "id"),
                        li.path("quantity").asLong(1), false, "line_items[" + i++ + "]"));
            }
            JsonNode trial = session.path("_trial_period_days");
            ObjectNode sub = subscriptions.create(new Subscriptions.Create(customerId, items,
                    session.path("_subscription_metadata").isObject()
                            ? (ObjectNode) session.get("_subscription_metadata").deepCopy() : null,
                    trial.isMissingNode() || trial.isNull() ? null : trial.asLong(), null, "allow_incomplete", false));
            session.put("subscription", Json.str(sub, "id"));
            session.put("invoice", Json.str(sub, "latest_invoice"));
            ObjectNode inv = core.store().get("invoice", Json.str(sub, "latest_invoice"));
            session.put("payment_status", "paid".equals(Json.str(inv, "status"))
                    && Json.lng(inv, "amount_due", 0) == 0 && "trialing".equals(Json.str(sub, "status"))
                    ? "no_payment_required" : "paid");
        } else {
            ObjectNode pi = payments.newPaymentIntent(customerId, Json.lng(session, "amount_total", 0),
                    Json.str(session, "currency"), "Checkout " + Json.str(session, "id"));
            pi.set("metadata", session.get("metadata").deepCopy());
            session.put("payment_intent", Json.str(pi, "id"));
            String usage = Json.str(session, "_setup_future_usage");
            if ("card_success".equals(method) && usage != null && customerId != null) {
                // The card is saved for later (e.g. off-session auto top-up), as Stripe does with setup_future_usage.
                pi.put("setup_future_usage", usage);
                pi.put("payment_method", Json.str(new PaymentMethods(core, events).saveForCustomer(customerId), "id"));
            }
            if ("card_success".equals(method)) {
                payments.charge(pi, true, customerEmail);
                session.put("payment_status", "paid");
            } else {
                pi.put("status", "processing");
                session.put("payment_status", "unpaid");
                session.put("_async_outcome", "delayed_success".equals(method) ? "success" : "failure");
                session.put("_async_settle_at",
                        core.epoch(Json.str(session, "_test_clock")) + core.config().asyncSettlementDelay().toSeconds());
            }
        }
        core.store().touched();
        events.emit("checkout.session.completed", session);
    }

    /** Settles a delayed payment: async_payment_succeeded (and a charge) or async_payment_failed. */
    public void settle(ObjectNode session) {
        String outcome = Json.str(session, "_async_outcome");
        if (outcome == null) {
            throw ApiError.invalid(null, "Checkout Session " + Json.str(session, "id")
                    + " has no pending delayed payment.");
        }
        session.remove("_async_outcome");
        session.remove("_async_settle_at");
        ObjectNode pi = core.store().get("payment_intent", Json.str(session, "payment_intent"));
        String email = Json.str(session.path("customer_details"), "email");
        if ("success".equals(outcome)) {
            payments.charge(pi, true, email);
            session.put("payment_status", "paid");
            core.store().touched();
            events.emit("checkout.session.async_payment_succeeded", session);
        } else {
            payments.charge(pi, false, email);
            core.store().touched();
            events.emit("checkout.session.async_payment_failed", session);
        }
    }

    public void expire(ObjectNode session) {
        if (!"open".equals(Json.str(session, "status"))) {
            throw ApiError.invalid(null, "Only Checkout Sessions with a status of `open` can be expired.");
        }
        session.put("status", "expired");
        session.putNull("url");
        core.store().touched();
        events.emit("checkout.session.expired", session);
    }
}
