package dev.billforge.billing.internal;

import org.springframework.beans.factory.DisposableBean;

import dev.billforge.stripe.emulator.StripeEmulator;

/**
 * Where the Stripe client talks to: real Stripe ({@code apiBase} null), the in-process
 * emulator, or an emulator service ({@code apiBase} set, {@code emulator} null).
 */
record StripeBackend(String secretKey, String apiBase, StripeEmulator emulator) implements DisposableBean {

	boolean emulated() {
		return emulator != null || apiBase != null;
	}

	@Override
	public void destroy() {
		if (emulator != null) {
			emulator.close();
		}
	}

}
