package dev.billforge.common;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/**
 * Spans around the platform's own operations (ledger writes, Stripe calls), named like
 * {@code ledger.usage} or {@code stripe.checkout.create} and carrying the org as
 * {@link #ORG_ID}. They go to {@link GlobalOpenTelemetry}: a no-op unless the
 * OpenTelemetry Java agent (or a test) installed an SDK there, so the agent's HTTP and
 * MongoDB spans become their children and the cost without the agent is a few calls. See
 * docs/deploy.md, "Traces".
 */
public final class Tracing {

	/** The org a span's work belongs to. */
	public static final AttributeKey<String> ORG_ID = AttributeKey.stringKey("billforge.org_id");

	private static final String INSTRUMENTATION = "dev.billforge";

	private Tracing() {
	}

	/** Work that may throw a checked exception (Stripe's client does). */
	@FunctionalInterface
	public interface Work<T, E extends Exception> {

		T run() throws E;

	}

	/**
	 * Runs {@code work} in a span {@code name} for {@code orgId}; a failure marks the
	 * span as an error.
	 */
	public static <T, E extends Exception> T span(String name, String orgId, Work<T, E> work) throws E {
		Span span = GlobalOpenTelemetry.getTracer(INSTRUMENTATION).spanBuilder(name).startSpan();
		if (orgId != null) {
			span.setAttribute(ORG_ID, orgId);
		}
		try (Scope scope = span.makeCurrent()) {
			return work.run();
		}
		catch (Exception | Error ex) {
			span.recordException(ex);
			span.setStatus(StatusCode.ERROR);
			throw ex;
		}
		finally {
			span.end();
		}
	}

}
