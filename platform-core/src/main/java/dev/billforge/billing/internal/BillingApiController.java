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

	/**
	 * {@code currency}: the org's currency when {@code currencyFixed} (fixed at its first
	 * purchase), else the catalog's default; each entry's {@code currencyOptions} lists
	 * the other currencies it can be bought in first.
	 */
	record CatalogResponse(boolean testMode, List<CatalogEntry> plans, List<CatalogEntry> packs, @Schema(
			description = "ISO currency code, lower case: the org's currency, or the catalog's default before its first purchase",
			example = "eur") String currency,
			@Schema(description = "Whether the org's currency is fixed (by its first purchase); Checkout in another is refused") boolean currencyFixed) {
	}

	@Operation(operationId = "getCatalog", summary = "Plans and credit packs on sale")
	@GetMapping("/catalog")
	CatalogResponse catalog(OrgId org) {
		List<CatalogEntry> entries = catalog.entries();
		java.util.Optional<String> fixed = flows.orgCurrency(org);
		return new CatalogResponse(mode.testMode(),
				entries.stream().filter(e -> e.kind() == CatalogEntry.Kind.PLAN).toList(),
				entries.stream().filter(e -> e.kind() == CatalogEntry.Kind.PACK).toList(),
				fixed.orElse(entries.isEmpty() ? null : entries.get(0).currency()), fixed.isPresent());
	}

	/**
	 * {@code contract}: the org's enterprise contract (operator-managed), null when it
	 * never had one.
	 */
	record SubscriptionResponse(SubscriptionView subscription, EnterpriseContract contract) {
	}

	@Operation(operationId = "getSubscription", summary = "The org's subscription and enterprise contract")
	@GetMapping("/subscription")
	SubscriptionResponse subscription(OrgId org) {
		return new SubscriptionResponse(subscriptions.current(org).orElse(null), contracts.find(org).orElse(null));
	}

	record CheckoutRequest(String lookupKey, Integer quantity, @Schema(
			description = "ISO currency code to pay in (one of the price's currencies); only before the org's first purchase fixes its currency",
			example = "eur") String currency) {
	}

	@Operation(operationId = "createCheckoutSession", summary = "A Stripe Checkout link for a plan or pack")
	@PostMapping("/checkout-sessions")
	@ResponseStatus(HttpStatus.CREATED)
	BillingFlows.CheckoutLink checkout(OrgId org, @RequestBody CheckoutRequest request) {
		return flows.checkout(org, request.lookupKey(), request.quantity(),
				dev.billforge.common.TextInput.optional("currency", request.currency(), 3));
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
