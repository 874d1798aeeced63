package dev.billforge.billing.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.billforge.billing.BillingProperties;
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.ledger.LedgerHistory;
import dev.billforge.orgs.OrgId;
import dev.billforge.storage.JobLock;

/**
 * Starts auto top-up after ledger commits that charged usage: the org is handed to a
 * small pool and evaluated there, so no Stripe call runs on the ledger's projection path.
 * Requests for an org already waiting are folded into one. A trigger lost to a crash or a
 * full queue is made up by the next commit or the sweep
 * ({@code billforge.billing.auto-top-up.sweep-interval}), which also resumes pending
 * purchases.
 */
@Component
class AutoTopUpTrigger implements LedgerCommitListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AutoTopUpTrigger.class);

	private static final int MAX_WAITING = 10_000;

	/**
	 * Looked up when first needed: the ledger it calls is built with its commit
	 * listeners, this one among them.
	 */
	private final ObjectProvider<AutoTopUps> topUps;

	private final JobLock lock;

	private final BillingProperties properties;

	private final Set<OrgId> waiting = ConcurrentHashMap.newKeySet();

	private final ThreadPoolExecutor pool;

	@org.springframework.beans.factory.annotation.Autowired
	AutoTopUpTrigger(ObjectProvider<AutoTopUps> topUps, JobLock lock, BillingProperties properties) {
		this(topUps, lock, properties, MAX_WAITING);
	}

	AutoTopUpTrigger(ObjectProvider<AutoTopUps> topUps, JobLock lock, BillingProperties properties, int maxWaiting) {
		this.topUps = topUps;
		this.lock = lock;
		this.properties = properties;
		this.pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(maxWaiting), r -> {
			Thread t = new Thread(r, "auto-top-up");
			t.setDaemon(true);
			return t;
		}, new ThreadPoolExecutor.AbortPolicy());
		pool.allowCoreThreadTimeOut(true);
	}

	@Override
	public void onCommit(LedgerCommitted commit) {
		if (!commit.charges().isEmpty() && waiting.add(commit.orgId())) {
			try {
				pool.execute(() -> {
					waiting.remove(commit.orgId());
					try {
						topUps.getObject().evaluate(commit.orgId());
					}
					catch (RuntimeException ex) {
						log.warn("Auto top-up of {} not evaluated: {}", commit.orgId(), ex.toString());
					}
				});
			}
			catch (RejectedExecutionException ex) {
				// queue full or shutting down: forget the org, or it would never be
				// handed over again (the sweep makes up)
				waiting.remove(commit.orgId());
			}
		}
	}

	/**
	 * Nothing to rebuild: purchases are not a read model, and replaying old commits must
	 * not buy anything.
	 */
	@Override
	public void rebuild(LedgerHistory history) {
	}

	@Scheduled(initialDelayString = "${billforge.billing.auto-top-up.sweep-interval:PT5M}",
			fixedDelayString = "${billforge.billing.auto-top-up.sweep-interval:PT5M}")
	void sweep() {
		if (!properties.getJobs().isEnabled() || !lock.tryLock("billing-auto-top-up", Duration.ofMinutes(10))) {
			return;
		}
		try {
			topUps.getObject().sweep();
		}
		finally {
			lock.unlock("billing-auto-top-up");
		}
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}

}
