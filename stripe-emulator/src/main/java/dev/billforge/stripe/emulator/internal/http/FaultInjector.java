package dev.billforge.stripe.emulator.internal.http;

import dev.billforge.stripe.emulator.Fault;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Injected faults, consumed one matching request at a time. */
public final class FaultInjector {

	private static final class Armed {

		private final Fault fault;

		private int remaining;

		Armed(Fault fault) {
			this.fault = fault;
			this.remaining = fault.count();
		}

	}

	private final List<Armed> armed = new ArrayList<>();

	public synchronized void add(Fault fault) {
		armed.add(new Armed(fault));
	}

	public synchronized void clear() {
		armed.clear();
	}

	/** The fault for this request, if one is armed for it; consumes one use. */
	public synchronized Fault take(String method, String path) {
		Iterator<Armed> it = armed.iterator();
		while (it.hasNext()) {
			Armed a = it.next();
			boolean methodOk = a.fault.method() == null || a.fault.method().equalsIgnoreCase(method);
			if (methodOk && path.startsWith(a.fault.pathPrefix())) {
				if (--a.remaining <= 0) {
					it.remove();
				}
				return a.fault;
			}
		}
		return null;
	}

}
