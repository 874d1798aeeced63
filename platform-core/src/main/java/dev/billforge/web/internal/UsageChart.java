package dev.billforge.web.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

import dev.billforge.valuemetric.Credits;

/**
 * Server-side SVG of usage per day, stacked by series. Readable without colour: every
 * series has its own fill pattern (solid, stripes, dots, cross-hatch, ...) shown in the
 * legend, and every bar segment carries a {@code <title>} with its numbers. Colours come
 * from CSS classes (the strict CSP forbids inline styles) so the brand palette and dark
 * mode apply.
 */
final class UsageChart {

	static final int WIDTH = 720;

	static final int HEIGHT = 240;

	private static final int LEFT = 56;

	private static final int BOTTOM = 28;

	private static final int TOP = 12;

	/** Pattern ids, one per series (cycled when there are more series). */
	private static final String[] PATTERNS = { "solid", "stripes", "dots", "hatch", "grid", "zigzag" };

	record Day(LocalDate date, Map<String, Credits> credits) {
	}

	private UsageChart() {
	}

	static String patternOf(int seriesIndex) {
		return PATTERNS[seriesIndex % PATTERNS.length];
	}

	/**
	 * @param titleText accessible name of the chart (already translated)
	 */
	static String render(List<Day> days, List<String> series, String titleText, String creditName) {
		BigDecimal max = BigDecimal.ZERO;
		for (Day day : days) {
			BigDecimal sum = day.credits()
				.values()
				.stream()
				.map(Credits::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			max = max.max(sum);
		}
		BigDecimal top = niceCeiling(max);
		int plotHeight = HEIGHT - TOP - BOTTOM;
		int plotWidth = WIDTH - LEFT - 8;
		StringBuilder svg = new StringBuilder(16_384);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT)
			.append("\" role=\"img\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">")
			.append(esc(titleText))
			.append("</title>");
		defs(svg);
		// Axis and grid lines with labels
		for (int i = 0; i <= 4; i++) {
			BigDecimal value = top.multiply(BigDecimal.valueOf(i))
				.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
			int y = TOP + plotHeight - (plotHeight * i / 4);
			svg.append("<line class=\"grid\" x1=\"")
				.append(LEFT)
				.append("\" x2=\"")
				.append(WIDTH - 8)
				.append("\" y1=\"")
				.append(y)
				.append("\" y2=\"")
				.append(y)
				.append("\"/>");
			svg.append("<text class=\"axis\" x=\"")
				.append(LEFT - 6)
				.append("\" y=\"")
				.append(y + 4)
				.append("\" text-anchor=\"end\">")
				.append(esc(value.stripTrailingZeros().toPlainString()))
				.append("</text>");
		}
		int n = Math.max(days.size(), 1);
		double slot = (double) plotWidth / n;
		double barWidth = Math.max(1, slot * 0.8);
		int labelEvery = Math.max(1, (int) Math.ceil(n / 10.0));
		for (int d = 0; d < days.size(); d++) {
			Day day = days.get(d);
			double x = LEFT + d * slot + (slot - barWidth) / 2;
			double yBase = TOP + plotHeight;
			for (int s = 0; s < series.size(); s++) {
				Credits credits = day.credits().get(series.get(s));
				if (credits == null || !credits.isPositive() || top.signum() == 0) {
					continue;
				}
				double h = barHeight(credits, top, plotHeight);
				yBase -= h;
				svg.append("<rect class=\"s")
					.append(s % PATTERNS.length)
					.append("\" fill=\"url(#p-")
					.append(patternOf(s))
					.append(")\" x=\"")
					.append(fmt(x))
					.append("\" y=\"")
					.append(fmt(yBase))
					.append("\" width=\"")
					.append(fmt(barWidth))
					.append("\" height=\"")
					.append(fmt(h))
					.append("\"><title>")
					.append(esc(day.date() + " · " + series.get(s) + ": " + credits.amount().toPlainString() + " "
							+ creditName))
					.append("</title></rect>");
			}
			if (d % labelEvery == 0) {
				svg.append("<text class=\"axis\" x=\"")
					.append(fmt(x + barWidth / 2))
					.append("\" y=\"")
					.append(HEIGHT - 10)
					.append("\" text-anchor=\"middle\">")
					.append(esc(String.format("%02d-%02d", day.date().getMonthValue(), day.date().getDayOfMonth())))
					.append("</text>");
			}
		}
		svg.append("</svg>");
		return svg.toString();
	}

	/** A small swatch for the legend, with the same pattern as the bars. */
	static String swatch(int seriesIndex) {
		StringBuilder svg = new StringBuilder();
		svg.append(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" viewBox=\"0 0 16 16\" aria-hidden=\"true\">");
		defs(svg);
		svg.append("<rect class=\"s")
			.append(seriesIndex % PATTERNS.length)
			.append("\" fill=\"url(#p-")
			.append(patternOf(seriesIndex))
			.append(")\" x=\"0\" y=\"0\" width=\"16\" height=\"16\"/></svg>");
		return svg.toString();
	}

	private static void defs(StringBuilder svg) {
		svg.append("<defs>");
		svg.append(
				"<pattern id=\"p-solid\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"pf0\" width=\"6\" height=\"6\"/></pattern>");
		svg.append(
				"<pattern id=\"p-stripes\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"pf1\" width=\"6\" height=\"6\"/><path class=\"pl\" d=\"M0,6 L6,0\"/></pattern>");
		svg.append(
				"<pattern id=\"p-dots\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"pf2\" width=\"6\" height=\"6\"/><circle class=\"pd\" cx=\"3\" cy=\"3\" r=\"1.3\"/></pattern>");
		svg.append(
				"<pattern id=\"p-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"pf3\" width=\"6\" height=\"6\"/><path class=\"pl\" d=\"M0,0 L6,6 M0,6 L6,0\"/></pattern>");
		svg.append(
				"<pattern id=\"p-grid\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"pf4\" width=\"6\" height=\"6\"/><path class=\"pl\" d=\"M3,0 L3,6 M0,3 L6,3\"/></pattern>");
		svg.append(
				"<pattern id=\"p-zigzag\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"pf5\" width=\"6\" height=\"6\"/><path class=\"pl\" d=\"M0,4 L3,1 L6,4\"/></pattern>");
		svg.append("</defs>");
	}

	/** 1, 2, 5 × 10^n at or above the value, so the axis reads in round numbers. */
	static BigDecimal niceCeiling(BigDecimal value) {
		if (value.signum() <= 0) {
			return BigDecimal.ONE;
		}
		BigDecimal magnitude = BigDecimal.ONE.movePointRight(value.precision() - value.scale() - 1);
		for (int step : new int[] { 1, 2, 5, 10 }) {
			BigDecimal candidate = magnitude.multiply(BigDecimal.valueOf(step));
			if (candidate.compareTo(value) >= 0) {
				return candidate;
			}
		}
		return magnitude.multiply(BigDecimal.TEN);
	}

	private static String fmt(double v) {
		return String.format(java.util.Locale.ROOT, "%.1f", v);
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	static List<String> seriesOf(List<Day> days) {
		List<String> names = new ArrayList<>();
		days.forEach(d -> d.credits().keySet().forEach(k -> {
			if (!names.contains(k)) {
				names.add(k);
			}
		}));
		names.sort(null);
		return names;
	}

	/**
	 * The bar's height in pixels: the ratio is taken exactly; only the pixel result is a
	 * double.
	 */
	static double barHeight(Credits credits, BigDecimal top, int plotHeight) {
		return credits.amount()
			.multiply(BigDecimal.valueOf(plotHeight))
			.divide(top, 2, RoundingMode.HALF_UP)
			.doubleValue();
	}

}
