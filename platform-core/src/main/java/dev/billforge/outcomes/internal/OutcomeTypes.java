package dev.billforge.outcomes.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.Role;
import dev.billforge.outcomes.OutcomesProperties;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;

/**
 * The tenant's outcome types; a bad type stops startup with a message naming the
 * property.
 */
@Component
class OutcomeTypes {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	private final Map<String, OutcomeType> types = new LinkedHashMap<>();

	OutcomeTypes(OutcomesProperties properties, ValueMetric metric) {
		properties.getTypes().forEach((name, type) -> {
			String prefix = "billforge.outcomes.types." + name + ".";
			if (!NAME.matcher(name).matches()) {
				throw new IllegalStateException("outcome type names are lower case letters, digits and _: " + name);
			}
			if (type.getFee() == null || type.getFee().signum() <= 0
					|| !metric.fitsPrecision(new Credits(type.getFee()))) {
				throw new IllegalStateException(
						prefix + "fee must be greater than 0 with at most " + metric.scale() + " decimal places");
			}
			if (type.getDisputeWindow() == null || type.getDisputeWindow().isNegative()) {
				throw new IllegalStateException(prefix + "dispute-window must be zero or longer");
			}
			types.put(name,
					new OutcomeType(name, new Credits(type.getFee()),
							role(prefix + "approver-role", type.getApproverRole()),
							role(prefix + "resolver-role", type.getResolverRole()), type.getDisputeWindow(),
							type.isEvidenceRequired()));
		});
	}

	private static Role role(String property, String code) {
		try {
			return Role.fromCode(code);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalStateException(property + " is not a role: " + code);
		}
	}

	Optional<OutcomeType> find(String name) {
		return Optional.ofNullable(name == null ? null : types.get(name));
	}

	/**
	 * The rules of a stored outcome's type; a type removed from configuration since
	 * cannot be approved or disputed.
	 */
	OutcomeType of(String name) {
		return find(name).orElseThrow(() -> ProblemException.conflict("outcome_type_unavailable",
				"outcome type " + name + " is no longer configured"));
	}

	boolean enabled() {
		return !types.isEmpty();
	}

	java.util.Set<String> names() {
		return types.keySet();
	}

}
