package dev.billforge.benchmarks;

/**
 * How much work each benchmark does; {@code --quick} is a smoke run, not a measurement.
 */
record Settings(boolean quick, int ingestThreads, int ingestRounds, int ingestBatchesPerThreadPerRound, int checkWarmup,
		int checkRequests, int holdClients, int holdWarmupSeconds, int holdSeconds, int jmhWarmupIterations,
		int jmhIterations, int jmhSeconds, long summaryEvents, long summaryLedgerEvents, int summarySeedThreads,
		int summaryWarmup, int summaryCalls, int webhookOrgs, int webhookPacksPerOrg, int webhookThreads,
		int webhookWarmup) {

	static Settings fullRun() {
		return new Settings(false, 4, 5, 6, 2_000, 10_000, 16, 30, 20, 3, 5, 10, 1_000_000, 50_000, 2, 50, 300, 120, 3,
				4, 80);
	}

	static Settings quickRun() {
		return new Settings(true, 4, 1, 1, 500, 2_000, 16, 2, 5, 1, 2, 2, 100_000, 10_000, 2, 10, 50, 10, 2, 4, 6);
	}

	/** Option {@code --summary-events=N}: events seeded for the summary. */
	Settings withSummaryEvents(long events) {
		return new Settings(quick, ingestThreads, ingestRounds, ingestBatchesPerThreadPerRound, checkWarmup,
				checkRequests, holdClients, holdWarmupSeconds, holdSeconds, jmhWarmupIterations, jmhIterations,
				jmhSeconds, events, Math.min(events, summaryLedgerEvents), summarySeedThreads, summaryWarmup,
				summaryCalls, webhookOrgs, webhookPacksPerOrg, webhookThreads, webhookWarmup);
	}

	/**
	 * Option {@code --summary-ledger-events=N}: how many of them take the full ledger
	 * path.
	 */
	Settings withSummaryLedgerEvents(long events) {
		return new Settings(quick, ingestThreads, ingestRounds, ingestBatchesPerThreadPerRound, checkWarmup,
				checkRequests, holdClients, holdWarmupSeconds, holdSeconds, jmhWarmupIterations, jmhIterations,
				jmhSeconds, summaryEvents, Math.min(events, summaryEvents), summarySeedThreads, summaryWarmup,
				summaryCalls, webhookOrgs, webhookPacksPerOrg, webhookThreads, webhookWarmup);
	}

}
