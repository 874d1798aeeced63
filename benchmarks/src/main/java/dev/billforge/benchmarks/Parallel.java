package dev.billforge.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one task per thread, all released at once; returns the wall time until the last
 * one finished.
 */
final class Parallel {

	interface Task {

		void run(int thread) throws Exception;

	}

	private Parallel() {
	}

	static long run(int threads, Task task) {
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			Thread worker = new Thread(() -> {
				ready.countDown();
				try {
					go.await();
					task.run(thread);
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			}, "bench-client-" + t);
			workers.add(worker);
			worker.start();
		}
		try {
			ready.await();
			long start = System.nanoTime();
			go.countDown();
			for (Thread worker : workers) {
				worker.join();
			}
			long elapsed = System.nanoTime() - start;
			if (failure.get() != null) {
				throw new IllegalStateException("a benchmark client failed: " + failure.get(), failure.get());
			}
			return elapsed;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
