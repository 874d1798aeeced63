package dev.billforge.benchmarks;

/** How much work each benchmark does; {@code --quick} is a smoke run, not a measurement. */
record Settings(boolean quick, int ingestThreads, int ingestRounds, int ingestBatchesPerThreadPerRound,
		int checkWarmup, int checkRequests, int holdClients, int holdWarmupSeconds, int holdSeconds,
		int jmhWarmupIterations, int jmhIterations, int jmhSeconds, long summaryEvents, int summarySeedThreads,
		int summaryWarmup, int summaryCalls) {

	static Settings fullRun() {
		return new Settings(false, 4, 3, 5, 5_000, 20_000, 16, 5, 20, 2, 3, 5, 1_000_000, 2, 50, 300);
	}

	static Settings quickRun() {
		return new Settings(true, 4, 1, 2, 500, 2_000, 16, 2, 5, 1, 2, 2, 20_000, 2, 10, 50);
	}

	/** With the number of events seeded for the summary replaced (option {@code --summary-events=N}). */
	Settings withSummaryEvents(long events) {
		return new Settings(quick, ingestThreads, ingestRounds, ingestBatchesPerThreadPerRound, checkWarmup, checkRequests,
				holdClients, holdWarmupSeconds, holdSeconds, jmhWarmupIterations, jmhIterations, jmhSeconds, events,
				summarySeedThreads, summaryWarmup, summaryCalls);
	}

}
