package dev.billforge.billing.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.billforge.billing.BillingMode;
import dev.billforge.billing.CatalogEntry;
import dev.billforge.billing.EnterpriseContract;
import dev.billforge.billing.EnterpriseContracts;
import dev.billforge.billing.SubscriptionView;
import dev.billforge.common.ProblemException;
import dev.billforge.orgs.OrgId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Billing for products with their own frontend, with the org API key. */
@RestController
@Tag(name = "billing")
@RequestMapping("/api/v1/billing")
class BillingApiController {

	private final CatalogService catalog;

	private final SubscriptionSync subscriptions;

	private final BillingFlows flows;

	private final BillingMode mode;

	private final EnterpriseContracts contracts;

	BillingApiController(CatalogService catalog, SubscriptionSync subscriptions, BillingFlows flows, BillingMode mode,
			EnterpriseContracts contracts) {
		this.contracts = contracts;
		this.catalog = catalog;
		this.subscriptions = subscriptions;
		this.flows = flows;
		this.mode = mode;
	}

	record CatalogResponse(boolean testMode, List<CatalogEntry> plans, List<CatalogEntry> packs) {
	}

	@Operation(operationId = "getCatalog", summary = "Plans and credit packs on sale")
	@GetMapping("/catalog")
	CatalogResponse catalog(OrgId org) {
		List<CatalogEntry> entries = catalog.entries();
		return new CatalogResponse(mode.testMode(),
				entries.stream().filter(e -> e.kind() == CatalogEntry.Kind.PLAN).toList(),
				entries.stream().filter(e -> e.kind() == CatalogEntry.Kind.PACK).toList());
	}

	/** {@code contract}: the org's enterprise contract (operator-managed), null when it never had one. */
	record SubscriptionResponse(SubscriptionView subscription, EnterpriseContract contract) {
	}

	@Operation(operationId = "getSubscription", summary = "The org's subscription and enterprise contract")
	@GetMapping("/subscription")
	SubscriptionResponse subscription(OrgId org) {
		return new SubscriptionResponse(subscriptions.current(org).orElse(null), contracts.find(org).orElse(null));
	}

	record CheckoutRequest(String lookupKey, Integer quantity) {
	}

	@Operation(operationId = "createCheckoutSession", summary = "A Stripe Checkout link for a plan or pack")
	@PostMapping("/checkout-sessions")
	@ResponseStatus(HttpStatus.CREATED)
	BillingFlows.CheckoutLink checkout(OrgId org, @RequestBody CheckoutRequest request) {
		return flows.checkout(org, request.lookupKey(), request.quantity());
	}

	@Operation(operationId = "createPortalSession", summary = "A Stripe Billing Portal link")
	@PostMapping("/portal-sessions")
	@ResponseStatus(HttpStatus.CREATED)
	PortalSession portal(OrgId org) {
		return new PortalSession(flows.portal(org));
	}

	record PortalSession(@Schema(description = "Where to send the person.", format = "uri") String url) {
	}

	record InvoicesResponse(List<BillingFlows.InvoiceSummary> invoices) {
	}

	@Operation(operationId = "listInvoices", summary = "The org's invoices, newest first")
	@GetMapping("/invoices")
	InvoicesResponse invoices(OrgId org, @RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 100) {
			throw ProblemException.invalid("limit", "limit must be between 1 and 100");
		}
		return new InvoicesResponse(flows.invoices(org, limit));
	}

}
