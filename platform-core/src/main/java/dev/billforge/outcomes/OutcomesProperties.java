package dev.billforge.outcomes;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outcome types a tenant switches on ({@code billforge.outcomes.types.<type>.*}) and how
 * often the window sweep runs. No types, no outcomes.
 */
@ConfigurationProperties("billforge.outcomes")
public class OutcomesProperties {

	private Map<String, Type> types = new LinkedHashMap<>();

	private Duration sweepInterval = Duration.ofMinutes(1);

	public Map<String, Type> getTypes() {
		return types;
	}

	public void setTypes(Map<String, Type> types) {
		this.types = types;
	}

	public Duration getSweepInterval() {
		return sweepInterval;
	}

	public void setSweepInterval(Duration sweepInterval) {
		this.sweepInterval = sweepInterval;
	}

	/** One outcome type. */
	public static class Type {

		/** Fee in credits, an exact decimal. */
		private BigDecimal fee;

		/** The client org's role that may approve and dispute (owners always may). */
		private String approverRole = "owner";

		/**
		 * The role that resolves disputes and reverses billed fees (the consulting side).
		 */
		private String resolverRole = "consultant";

		/** How long after approval the client may dispute before the fee is charged. */
		private Duration disputeWindow = Duration.ofHours(72);

		/** Whether a proposal must carry evidence (url and sha256). */
		private boolean evidenceRequired;

		public BigDecimal getFee() {
			return fee;
		}

		public void setFee(BigDecimal fee) {
			this.fee = fee;
		}

		public String getApproverRole() {
			return approverRole;
		}

		public void setApproverRole(String approverRole) {
			this.approverRole = approverRole;
		}

		public String getResolverRole() {
			return resolverRole;
		}

		public void setResolverRole(String resolverRole) {
			this.resolverRole = resolverRole;
		}

		public Duration getDisputeWindow() {
			return disputeWindow;
		}

		public void setDisputeWindow(Duration disputeWindow) {
			this.disputeWindow = disputeWindow;
		}

		public boolean isEvidenceRequired() {
			return evidenceRequired;
		}

		public void setEvidenceRequired(boolean evidenceRequired) {
			this.evidenceRequired = evidenceRequired;
		}

	}

}
