package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.billforge.ledger.Balance;
import dev.billforge.ledger.BillingPeriod;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.metering.MeteringProperties;
import dev.billforge.metering.UsageSummaries;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;

/**
 * The usage dashboard: usage per day from the rollups, period-to-date, projection, alert
 * history.
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
class DashboardController {

	static final List<String> RANGES = List.of("period", "last-period", "30d", "90d", "custom");

	/**
	 * Longest custom range (the rollups keep days; a chart of years would not be
	 * readable).
	 */
	static final int MAX_DAYS = 366;

	private final OrgContexts contexts;

	private final CreditLedger ledger;

	private final UsageSummaries usage;

	private final ValueMetric metric;

	private final MessageSource messages;

	private final Clock clock;

	private final List<String> dimensions;

	DashboardController(OrgContexts contexts, CreditLedger ledger, UsageSummaries usage, ValueMetric metric,
			MessageSource messages, Clock clock, MeteringProperties metering) {
		this.dimensions = List.copyOf(metering.getRollupDimensions());
		this.contexts = contexts;
		this.ledger = ledger;
		this.usage = usage;
		this.metric = metric;
		this.messages = messages;
		this.clock = clock;
	}

	record Range(String name, Instant from, Instant to, LocalDate firstDay, LocalDate lastDay) {
	}

	@GetMapping("/")
	String dashboard(@RequestParam(defaultValue = "period") String range,
			@RequestParam(defaultValue = "meter") String groupBy, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletRequest request, Model model) {
		OrgContext ctx = contexts.require(request);
		Instant now = clock.instant();
		Balance balance = ledger.balance(ctx.orgId());
		Range r = range(range, from, to, balance.period(), ctx.org().timeZone(), now);
		String group = groupBy.equals("meter") || metricDimensions().contains(groupBy) ? groupBy : "meter";
		ZoneId zone = ctx.org().timeZone();
		UsageSummaries.UsageSummary summary = usage.usageByDay(ctx.orgId(), r.from(), r.to(), zone, group);
		List<UsageChart.Day> days = days(summary, r, zone);
		List<String> series = UsageChart.seriesOf(days);
		String title = messages.getMessage("dashboard.chart.title", new Object[] { metric.creditDisplayName() },
				LocaleContextHolder.getLocale());
		model.addAttribute("chart", UsageChart.render(days, series, title, metric.creditName()));
		List<Map<String, Object>> legend = new ArrayList<>();
		for (int i = 0; i < series.size(); i++) {
			Credits total = Credits.ZERO;
			for (UsageChart.Day day : days) {
				total = total.plus(day.credits().getOrDefault(series.get(i), Credits.ZERO));
			}
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("name", series.get(i));
			item.put("swatch", UsageChart.swatch(i));
			item.put("total", total);
			legend.add(item);
		}
		model.addAttribute("legend", legend);
		model.addAttribute("days", days);
		model.addAttribute("series", series);
		model.addAttribute("rangeTotal", summary.total());
		model.addAttribute("range", r);
		model.addAttribute("ranges", RANGES);
		model.addAttribute("groupBy", group);
		model.addAttribute("groupings", groupings());
		model.addAttribute("balance", balance);
		model.addAttribute("projection", dev.billforge.ledger.RunRateProjection.of(balance, now, metric.scale()));
		model.addAttribute("alerts", ledger.alerts(ctx.orgId(), 20));
		model.addAttribute("metric", metric);
		model.addAttribute("zone", ctx.org().timeZone());
		return "dashboard";
	}

	private List<String> groupings() {
		List<String> all = new ArrayList<>();
		all.add("meter");
		all.addAll(metricDimensions());
		return all;
	}

	private List<String> metricDimensions() {
		return dimensions;
	}

	static Range range(String name, String from, String to, BillingPeriod period, ZoneId zone, Instant now) {
		switch (name) {
			case "last-period" -> {
				BillingPeriod last = BillingPeriod.calendarMonth(period.start().minusSeconds(1), zone);
				return of(name, last.start(), last.end(), zone);
			}
			case "30d", "90d" -> {
				int n = name.equals("30d") ? 30 : 90;
				LocalDate today = LocalDate.ofInstant(now, zone);
				Instant start = today.minusDays(n - 1L).atStartOfDay(zone).toInstant();
				return of(name, start, today.plusDays(1).atStartOfDay(zone).toInstant(), zone);
			}
			case "custom" -> {
				try {
					LocalDate a = LocalDate.parse(from);
					LocalDate b = LocalDate.parse(to);
					if (b.isBefore(a) || a.plusDays(MAX_DAYS).isBefore(b)) {
						throw new IllegalArgumentException("custom range out of bounds");
					}
					return of(name, a.atStartOfDay(zone).toInstant(), b.plusDays(1).atStartOfDay(zone).toInstant(),
							zone);
				}
				catch (DateTimeException | NullPointerException ex) {
					throw new IllegalArgumentException("custom range needs from and to dates", ex);
				}
			}
			default -> {
				return of("period", period.start(), period.end(), zone);
			}
		}
	}

	private static Range of(String name, Instant from, Instant to, ZoneId zone) {
		return new Range(name, from, to, LocalDate.ofInstant(from, zone), LocalDate.ofInstant(to.minusNanos(1), zone));
	}

	/**
	 * One entry per day of the org's time zone in the range, days without usage included
	 * (a gap is information).
	 */
	private static List<UsageChart.Day> days(UsageSummaries.UsageSummary summary, Range range, ZoneId zone) {
		Map<LocalDate, Map<String, Credits>> byDay = new LinkedHashMap<>();
		for (LocalDate d = range.firstDay(); !d.isAfter(range.lastDay()); d = d.plusDays(1)) {
			byDay.put(d, new LinkedHashMap<>());
		}
		for (UsageSummaries.UsageBucket bucket : summary.buckets()) {
			LocalDate day = LocalDate.ofInstant(bucket.start(), zone);
			Map<String, Credits> target = byDay.get(day);
			if (target != null) {
				bucket.credits().forEach((k, v) -> target.merge(k, v, Credits::plus));
			}
		}
		List<UsageChart.Day> days = new ArrayList<>();
		byDay.forEach((d, c) -> days.add(new UsageChart.Day(d, c)));
		return days;
	}

}
