package dev.billforge.ledger.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerProjections;
import dev.billforge.ledger.LedgerProperties;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	@Bean
	LedgerService creditLedger(MongoTemplate mongo, ValueMetric metric, Orgs orgs, Clock clock,
			ObjectProvider<LedgerCommitListener> listeners, LedgerProperties properties) {
		LedgerStore store = new MongoLedgerStore(mongo);
		LedgerEngine engine = new LedgerEngine(metric.alertThresholds());
		List<LedgerCommitListener> commitListeners = listeners.orderedStream().toList();
		AccountBook book = new AccountBook(store, engine, clock,
				orgId -> orgs.find(new OrgId(orgId))
					.map(Org::timeZone)
					.orElseThrow(() -> ProblemException.notFound("org " + orgId)),
				orgId -> orgs.freeTierEligible(new OrgId(orgId)) ? metric.freeTier() : Credits.ZERO,
				new CommitProjector(store, commitListeners, clock),
				new AccountBook.Limits(properties.getMaxCachedAccounts(), properties.getAccountIdle(),
						properties.getProjectionAttempts(), properties.getMaxUnprojectedKeys()));
		return new LedgerService(book, engine, store, properties.getCheckStaleness(), properties.getMaxOpenHolds(),
				clock);
	}

	@Bean
	LedgerMetrics ledgerMetrics(LedgerService creditLedger) {
		return creditLedger.metrics();
	}

	@Bean
	LedgerProjections ledgerProjections(LedgerService creditLedger) {
		return creditLedger.projections();
	}

	@Bean
	LedgerSweeper ledgerSweeper(CreditLedger ledger) {
		return new LedgerSweeper(ledger);
	}

	/** Applies due expiries and rollovers to accounts nobody touched. */
	static final class LedgerSweeper {

		private final CreditLedger ledger;

		LedgerSweeper(CreditLedger ledger) {
			this.ledger = ledger;
		}

		@Scheduled(fixedDelayString = "${billforge.ledger.sweep-interval:PT1M}", initialDelayString = "PT30S")
		void sweep() {
			ledger.settleDueAccounts();
		}

	}

}
