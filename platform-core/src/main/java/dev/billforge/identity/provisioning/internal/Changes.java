package dev.billforge.identity.provisioning.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Collects field changes of one Keycloak object while bringing its representation to the
 * desired state.
 */
public final class Changes {

	private final String subject;

	private final List<String> entries = new ArrayList<>();

	public Changes(String subject) {
		this.subject = subject;
	}

	/**
	 * Sets {@code desired} through {@code setter} when it differs from {@code current};
	 * records the change.
	 */
	public <T> void set(String field, T current, T desired, Consumer<T> setter) {
		if (!Objects.equals(current, desired)) {
			setter.accept(desired);
			entries.add(subject + ": " + field + " " + show(current) + " -> " + show(desired));
		}
	}

	/** Records a change whose values must not be shown (passwords, secrets). */
	public void secret(String field) {
		entries.add(subject + ": " + field + " changed");
	}

	public void add(String description) {
		entries.add(subject + ": " + description);
	}

	public boolean isEmpty() {
		return entries.isEmpty();
	}

	public List<String> entries() {
		return List.copyOf(entries);
	}

	private static String show(Object value) {
		if (value == null) {
			return "(unset)";
		}
		return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
	}

}
