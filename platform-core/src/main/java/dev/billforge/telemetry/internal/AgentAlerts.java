package dev.billforge.telemetry.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.OrgId;
import dev.billforge.storage.JobLock;
import dev.billforge.telemetry.TelemetryQueries;

/**
 * Alerts on the monitored agents, per org ({@link AgentAlertRules}), evaluated by a
 * scheduled job that runs on one instance at a time ({@link JobLock}) and delivered
 * through the platform's notification channels (in-app, email, org webhook). Once per
 * breach: an alert is raised when a rule goes from fine to breached, not again while it
 * stays breached, and again after it recovered and breaches anew. The alert's id is the
 * rule's breach number, raised before the state records it: a crash in between raises the
 * same id again, which the notifications take once.
 */
@Component
@ConditionalOnBooleanProperty("billforge.telemetry.enabled")
class AgentAlerts {

	static final String RULES = "telemetry_alert_rules";

	static final String JOB = "telemetry-agent-alerts";

	private static final Logger log = LoggerFactory.getLogger(AgentAlerts.class);

	/**
	 * A rule's state and what it observed at the last evaluation, as the alerts page
	 * shows it.
	 */
	record RuleState(boolean breached, int breaches, String observed) {
	}

	private final MongoCollection<Document> rules;

	private final MongoCollection<Document> traces;

	private final TelemetryQueries queries;

	private final Notifications notifications;

	private final JobLock lock;

	private final Clock clock;

	AgentAlerts(MongoTemplate mongo, TelemetryQueries queries, Notifications notifications, JobLock lock, Clock clock) {
		this.rules = mongo.getCollection(RULES);
		this.traces = mongo.getCollection(TelemetryStore.TRACES);
		this.queries = queries;
		this.notifications = notifications;
		this.lock = lock;
		this.clock = clock;
	}

	AgentAlertRules rules(OrgId org) {
		Document doc = rules.find(Filters.eq("_id", org.value())).first();
		return AgentAlertRules.of(doc == null ? null : doc.get("rules", Document.class));
	}

	Map<String, RuleState> states(OrgId org) {
		Document doc = rules.find(Filters.eq("_id", org.value())).first();
		Map<String, RuleState> states = new LinkedHashMap<>();
		for (String rule : new String[] { "errorRate", "llmCost" }) {
			Document state = doc == null ? null : doc.get(rule, Document.class);
			states.put(rule,
					state == null ? new RuleState(false, 0, null) : new RuleState(state.getBoolean("breached", false),
							state.getInteger("seq", 0), state.getString("observed")));
		}
		return states;
	}

	void save(OrgId org, AgentAlertRules newRules) {
		rules.updateOne(Filters.eq("_id", org.value()), Updates.set("rules", newRules.toDocument()),
				new UpdateOptions().upsert(true));
	}

	@Scheduled(initialDelayString = "${billforge.telemetry.alert-interval:1m}",
			fixedDelayString = "${billforge.telemetry.alert-interval:1m}")
	void scheduled() {
		if (!lock.tryLock(JOB, Duration.ofMinutes(10))) {
			return;
		}
		try {
			evaluateAll();
		}
		catch (RuntimeException ex) {
			log.warn("Agent alerts: evaluation failed, next run retries", ex);
		}
		finally {
			lock.unlock(JOB);
		}
	}

	/** Evaluates every org's rules now; returns how many alerts were raised. */
	int evaluateAll() {
		Instant now = clock.instant();
		int raised = 0;
		for (Document doc : rules.find()) {
			raised += evaluate(new OrgId(doc.getString("_id")), doc, now);
		}
		return raised;
	}

	private int evaluate(OrgId org, Document doc, Instant now) {
		AgentAlertRules rule = AgentAlertRules.of(doc.get("rules", Document.class));
		int raised = 0;
		if (rule.errorRatePercent() != null) {
			Date from = Date.from(now.minus(Duration.ofMinutes(rule.windowMinutes())));
			long total = traces.countDocuments(Filters.and(Filters.eq("org", org.value()), Filters.gte("start", from),
					Filters.lte("start", Date.from(now))));
			long failed = total == 0 ? 0 : traces.countDocuments(Filters.and(Filters.eq("org", org.value()),
					Filters.gte("start", from), Filters.lte("start", Date.from(now)), Filters.gt("errors", 0)));
			boolean breached = total >= rule.minTraces() && failed * 100 > (long) rule.errorRatePercent() * total;
			Map<String, String> details = new LinkedHashMap<>();
			details.put("errorRatePercent",
					total == 0 ? "0"
							: BigDecimal.valueOf(failed * 100)
								.divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)
								.toPlainString());
			details.put("failedTraces", Long.toString(failed));
			details.put("traces", Long.toString(total));
			details.put("windowMinutes", Integer.toString(rule.windowMinutes()));
			details.put("thresholdPercent", rule.errorRatePercent().toString());
			raised += transition(org, doc, "errorRate", "agent_error_rate", breached, details, now);
		}
		else {
			raised += transition(org, doc, "errorRate", null, false, Map.of(), now);
		}
		if (rule.llmCostPerHourUsd() != null) {
			BigDecimal cost = queries.costPerDay(org, now.minus(Duration.ofHours(1)), now)
				.values()
				.stream()
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			Map<String, String> details = new LinkedHashMap<>();
			details.put("costUsd", cost.stripTrailingZeros().toPlainString());
			details.put("thresholdUsd", rule.llmCostPerHourUsd().toPlainString());
			raised += transition(org, doc, "llmCost", "agent_llm_cost", cost.compareTo(rule.llmCostPerHourUsd()) > 0,
					details, now);
		}
		else {
			raised += transition(org, doc, "llmCost", null, false, Map.of(), now);
		}
		return raised;
	}

	/** Records the rule's state; raises the alert when it went from fine to breached. */
	private int transition(OrgId org, Document doc, String rule, String type, boolean breached,
			Map<String, String> details, Instant now) {
		Document state = doc.get(rule, Document.class);
		boolean wasBreached = state != null && state.getBoolean("breached", false);
		int seq = state == null ? 0 : state.getInteger("seq", 0);
		String observed = details.isEmpty() ? null : details.toString();
		if (breached && !wasBreached) {
			notifications.raise(org, "agent-alert:" + org.value() + ":" + rule + ":" + (seq + 1), type, now, details);
			rules.updateOne(Filters.and(Filters.eq("_id", org.value()), Filters.ne(rule + ".breached", true)),
					Updates.combine(Updates.set(rule + ".breached", true), Updates.set(rule + ".seq", seq + 1),
							Updates.set(rule + ".observed", observed)));
			return 1;
		}
		rules.updateOne(Filters.eq("_id", org.value()), Updates.combine(Updates.set(rule + ".breached", breached),
				Updates.set(rule + ".seq", seq), Updates.set(rule + ".observed", observed)));
		return 0;
	}

}
