package dev.billforge.billing.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.billforge.billing.BillingProperties;
import dev.billforge.billing.EnterpriseContracts;
import dev.billforge.storage.JobLock;

/**
 * The overage catch-up, reconciliation and contract allowance jobs, each on one instance
 * at a time ({@link JobLock}).
 */
@Component
class BillingJobs {

	private static final Logger log = LoggerFactory.getLogger(BillingJobs.class);

	private final BillingProperties properties;

	private final JobLock lock;

	private final OverageBilling overage;

	private final Reconciler reconciler;

	private final EnterpriseContracts contracts;

	BillingJobs(BillingProperties properties, JobLock lock, OverageBilling overage, Reconciler reconciler,
			EnterpriseContracts contracts) {
		this.contracts = contracts;
		this.properties = properties;
		this.lock = lock;
		this.overage = overage;
		this.reconciler = reconciler;
	}

	@Scheduled(initialDelayString = "${billforge.billing.jobs.overage-interval:PT15M}",
			fixedDelayString = "${billforge.billing.jobs.overage-interval:PT15M}")
	void billMissedOverage() {
		if (!properties.getJobs().isEnabled() || !lock.tryLock("billing-overage", Duration.ofMinutes(10))) {
			return;
		}
		try {
			int billed = overage.billMissed();
			if (billed > 0) {
				log.info("Billed {} missed overage period(s) as pending invoice items", billed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Overage job failed; next run retries", ex);
		}
		finally {
			lock.unlock("billing-overage");
		}
	}

	@Scheduled(initialDelayString = "${billforge.billing.jobs.reconcile-interval:PT1H}",
			fixedDelayString = "${billforge.billing.jobs.reconcile-interval:PT1H}")
	void reconcile() {
		if (!properties.getJobs().isEnabled() || !lock.tryLock("billing-reconcile", Duration.ofMinutes(30))) {
			return;
		}
		try {
			Reconciler.Report report = reconciler.run();
			log.info("Billing reconciliation: {}", report);
		}
		catch (RuntimeException ex) {
			log.warn("Reconciliation failed; next run retries", ex);
		}
		finally {
			lock.unlock("billing-reconcile");
		}
	}

	@Scheduled(initialDelayString = "${billforge.billing.jobs.contract-interval:PT15M}",
			fixedDelayString = "${billforge.billing.jobs.contract-interval:PT15M}")
	void grantContractAllowances() {
		if (!properties.getJobs().isEnabled()) {
			return;
		}
		runContractAllowances();
	}

	/**
	 * One run of the contract job under its lock (also what tests call); returns the
	 * grants made, -1 if locked.
	 */
	int runContractAllowances() {
		if (!lock.tryLock("billing-contracts", Duration.ofMinutes(10))) {
			return -1;
		}
		try {
			int granted = contracts.grantDueAllowances();
			if (granted > 0) {
				log.info("Granted {} enterprise contract allowance(s)", granted);
			}
			return granted;
		}
		catch (RuntimeException ex) {
			log.warn("Contract allowance job failed; next run retries", ex);
			return 0;
		}
		finally {
			lock.unlock("billing-contracts");
		}
	}

}
