package dev.billforge.billing;

import java.util.Optional;

import dev.billforge.orgs.OrgId;

/**
 * Enterprise contracts managed by operators: manual allowances with no Stripe customer or
 * card. Each period's allowance is granted once, keyed by org and period start
 * ({@code contract:<orgId>:<startEpoch>}), by {@link #grantDueAllowances()} (a job on one
 * instance at a time) and right when a contract is put. Callers audit the operator's
 * action; this type does not know who acted.
 */
public interface EnterpriseContracts {

	/** The org's contract, active or ended; empty when it never had one. */
	Optional<EnterpriseContract> find(OrgId org);

	/**
	 * Starts or changes the org's contract and grants the current period's allowance if
	 * due.
	 * @throws dev.billforge.common.ProblemException 400 naming the invalid field; 409
	 * {@code live_subscription} when the org pays through a live Stripe subscription,
	 * {@code contract_schedule_fixed} when an active contract's interval, count or anchor
	 * would change
	 */
	EnterpriseContract put(OrgId org, ContractTerms terms);

	/**
	 * Ends the org's active contract now: no further allowances (granted ones run to
	 * their expiry), overage off.
	 */
	Optional<EnterpriseContract> end(OrgId org);

	/**
	 * Grants every active contract's current-period allowance not granted yet; returns
	 * how many were granted.
	 */
	int grantDueAllowances();

}
