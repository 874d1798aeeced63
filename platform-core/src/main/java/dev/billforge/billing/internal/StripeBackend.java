package dev.billforge.billing.internal;

import org.springframework.beans.factory.DisposableBean;

import dev.billforge.stripe.emulator.StripeEmulator;

/** Where the Stripe client talks to: real Stripe ({@code apiBase} null) or the in-process emulator. */
record StripeBackend(String secretKey, String apiBase, StripeEmulator emulator) implements DisposableBean {

	boolean emulated() {
		return emulator != null;
	}

	@Override
	public void destroy() {
		if (emulator != null) {
			emulator.close();
		}
	}

}
