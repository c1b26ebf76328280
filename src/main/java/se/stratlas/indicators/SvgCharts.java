package se.stratlas.indicators;

import java.util.List;
import java.util.Locale;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.NumberFormat;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;

import org.springframework.web.util.HtmlUtils;

/**
 * Charts drawn on the server as SVG from the same data the tables show: a line chart of
 * series and a bar chart of a ranking. Each chart carries a title and a description for
 * screen readers; the page shows the data as a table beside it.
 */
public final class SvgCharts {

	private static final String[] COLOURS = { "#0b4f6c", "#c2410c", "#1d6b38", "#7c3aed", "#a1181d", "#4a5663" };

	private static final int WIDTH = 720;

	private static final int HEIGHT = 320;

	private static final int LEFT = 64;

	private static final int RIGHT = 16;

	private static final int TOP = 20;

	private static final int BOTTOM = 70;

	private SvgCharts() {
	}

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	/** A line per series over the periods they share, numbers written the Swedish way. */
	public static String line(String title, String unit, List<IndicatorAnalytics.Series> series) {
		return line(title, unit, series, SWEDISH);
	}

	/**
	 * A line per series over the periods they share. A missing value is a gap in the
	 * line, never a point at zero; a preliminary value is an open circle.
	 */
	public static String line(String title, String unit, List<IndicatorAnalytics.Series> series, Locale locale) {
		List<Period> periods = series.stream()
			.flatMap(s -> s.points().stream())
			.map(Target.Point::period)
			.distinct()
			.sorted()
			.toList();
		double min = Double.MAX_VALUE;
		double max = -Double.MAX_VALUE;
		for (IndicatorAnalytics.Series s : series) {
			for (Target.Point p : s.points()) {
				if (p.value() != null) {
					min = Math.min(min, p.value());
					max = Math.max(max, p.value());
				}
			}
		}
		boolean preliminary = series.stream().flatMap(s -> s.points().stream()).anyMatch(Target.Point::preliminary);
		boolean gaps = series.stream().flatMap(s -> s.points().stream()).anyMatch(p -> p.value() == null);
		StringBuilder svg = open(title, describe(title, series.size(), periods, preliminary, gaps));
		if (periods.isEmpty() || min == Double.MAX_VALUE) {
			return svg.append("</svg>").toString();
		}
		if (min > 0 && (max - min) < max * 0.5) {
			min = Math.max(0, min - (max - min) * 0.2);
		}
		else {
			min = Math.min(0, min);
		}
		if (max == min) {
			max = min + 1;
		}
		double[] ticks = ticks(min, max);
		min = ticks[0];
		max = ticks[ticks.length - 1];
		axes(svg, ticks, unit, locale);
		double step = periods.size() == 1 ? 0 : (WIDTH - LEFT - RIGHT) / (double) (periods.size() - 1);
		for (int i = 0; i < periods.size(); i++) {
			if (periods.size() <= 16 || i % 2 == 0) {
				double x = LEFT + i * step;
				svg.append(String.format(Locale.ROOT,
						"<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1b2631\">%s</text>",
						x, HEIGHT - BOTTOM + 16, escape(periods.get(i).label(locale))));
			}
		}
		for (int s = 0; s < series.size(); s++) {
			String colour = COLOURS[s % COLOURS.length];
			StringBuilder path = new StringBuilder();
			boolean pen = false;
			for (Target.Point point : series.get(s).points()) {
				if (point.value() == null) {
					pen = false;
					continue;
				}
				double x = LEFT + periods.indexOf(point.period()) * step;
				double y = y(point.value(), min, max);
				path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
				pen = true;
				svg.append(point.preliminary() ? String.format(Locale.ROOT,
						"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"2\"/>",
						x, y, colour)
						: String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y,
								colour));
			}
			svg.append("<path d=\"")
				.append(path)
				.append("\" fill=\"none\" stroke=\"")
				.append(colour)
				.append("\" stroke-width=\"2.5\"")
				.append(s % 2 == 1 ? " stroke-dasharray=\"6 3\"" : "")
				.append("/>");
			int legendX = LEFT + (s % 3) * 220;
			int legendY = HEIGHT - 28 + (s / 3) * 14;
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1b2631\">%s</text>",
					legendX, legendY - 4, colour, legendX + 20, legendY, escape(series.get(s).areaName())));
		}
		if (preliminary || gaps) {
			String note = english(locale)
					? (preliminary ? "Open circle: preliminary value. " : "") + (gaps ? "Gap: value missing." : "")
					: (preliminary ? "Ofylld punkt: preliminärt värde. " : "") + (gaps ? "Avbrott: värde saknas." : "");
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#1b2631\">%s</text>",
					WIDTH - RIGHT, TOP - 6, escape(note.strip())));
		}
		return svg.append("</svg>").toString();
	}

	/** Horizontal bars of a ranking, best first, numbers written the Swedish way. */
	public static String ranking(String title, String unit, List<IndicatorAnalytics.Rank> ranks) {
		return ranking(title, unit, ranks, SWEDISH);
	}

	/** Horizontal bars of a ranking, best first. */
	public static String ranking(String title, String unit, List<IndicatorAnalytics.Rank> ranks, Locale locale) {
		int rowHeight = 16;
		int height = TOP + ranks.size() * rowHeight + 30;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"chart-title-r chart-desc-r\" class=\"chart\">",
				WIDTH, height));
		svg.append("<title id=\"chart-title-r\">").append(escape(title)).append("</title>");
		svg.append("<desc id=\"chart-desc-r\">")
			.append(ranks.size())
			.append(" områden rangordnade; se tabellen.</desc>");
		double max = ranks.stream().mapToDouble(IndicatorAnalytics.Rank::value).max().orElse(1);
		double min = Math.min(0, ranks.stream().mapToDouble(IndicatorAnalytics.Rank::value).min().orElse(0));
		int labelWidth = 170;
		for (int i = 0; i < ranks.size(); i++) {
			IndicatorAnalytics.Rank rank = ranks.get(i);
			double width = (WIDTH - labelWidth - 80) * (rank.value() - min) / (max - min == 0 ? 1 : max - min);
			int y = TOP + i * rowHeight;
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#1b2631\">%d. %s</text>",
					labelWidth - 6, y + 11, rank.rank(), escape(rank.areaName())));
			svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
					labelWidth, y + 2, Math.max(1, width), rowHeight - 4, COLOURS[0]));
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#1b2631\">%s</text>", labelWidth + width + 4,
					y + 11, format(rank.value(), locale) + (rank.preliminary() ? " p" : "")));
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * Horizontal bars in groups: per category (a unit) one bar per series (budget,
	 * outcome, forecast), from a zero line so that a deficit points left. A missing value
	 * has no bar and is named in the description; each bar carries its value.
	 */
	public static String groupedBars(String title, String unit, List<String> categories, List<String> series,
			Double[][] values, Locale locale) {
		int barHeight = 11;
		int groupHeight = series.size() * barHeight + 12;
		int legend = 22;
		int height = TOP + legend + categories.size() * groupHeight + 30;
		double min = 0;
		double max = 0;
		for (Double[] row : values) {
			for (Double value : row) {
				if (value != null) {
					min = Math.min(min, value);
					max = Math.max(max, value);
				}
			}
		}
		double[] ticks = ticks(min, max == min ? min + 1 : max);
		int labelWidth = 210;
		double left = labelWidth;
		double right = WIDTH - RIGHT - 50;
		DoubleUnaryOperator x = v -> left + (right - left) * (v - ticks[0]) / (ticks[ticks.length - 1] - ticks[0]);
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"chart-title-g chart-desc-g\" class=\"chart\">",
				WIDTH, height));
		svg.append("<title id=\"chart-title-g\">").append(escape(title)).append("</title>");
		svg.append("<desc id=\"chart-desc-g\">")
			.append(escape(categories.size() + (english(locale) ? " units, " : " enheter, ") + String.join(", ", series)
					+ (unit.isEmpty() ? "" : " (" + unit + ")")
					+ (english(locale) ? "; see the table." : "; se tabellen.")))
			.append("</desc>");
		for (int s = 0; s < series.size(); s++) {
			int lx = labelWidth + s * 150;
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1b2631\">%s</text>",
					lx, TOP, COLOURS[s % COLOURS.length], lx + 16, TOP + 11, escape(series.get(s))));
		}
		int top = TOP + legend;
		int bottom = top + categories.size() * groupHeight;
		for (double tick : ticks) {
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1\"/>"
							+ "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1b2631\">%s</text>",
					x.applyAsDouble(tick), x.applyAsDouble(tick), top, bottom, tick == 0 ? "#1b2631" : "#c5ced6",
					x.applyAsDouble(tick), bottom + 16, format(tick, locale)));
		}
		for (int c = 0; c < categories.size(); c++) {
			int gy = top + c * groupHeight + 6;
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\" fill=\"#1b2631\">%s</text>",
					labelWidth - 8, gy + groupHeight / 2, escape(categories.get(c))));
			for (int s = 0; s < series.size(); s++) {
				Double value = values[c][s];
				if (value == null) {
					continue;
				}
				double from = x.applyAsDouble(Math.min(0, value));
				double to = x.applyAsDouble(Math.max(0, value));
				int y = gy + s * barHeight;
				svg.append(String.format(Locale.ROOT,
						"<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", from, y,
						Math.max(1, to - from), barHeight - 2, COLOURS[s % COLOURS.length]));
				svg.append(String.format(Locale.ROOT,
						"<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"%s\" fill=\"#1b2631\">%s</text>",
						value < 0 ? from - 3 : to + 3, y + barHeight - 3, value < 0 ? "end" : "start",
						format(value, locale)));
			}
		}
		if (!unit.isEmpty()) {
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1b2631\">%s</text>",
					(left + right) / 2, bottom + 30, escape(unit)));
		}
		return svg.append("</svg>").toString();
	}

	private static StringBuilder open(String title, String description) {
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" class=\"chart\">",
				WIDTH, HEIGHT));
		svg.append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
		svg.append("<desc id=\"chart-desc\">").append(escape(description)).append("</desc>");
		return svg;
	}

	/**
	 * Round ticks that cover {@code min}–{@code max}: steps of 1, 2 or 5 times a power of
	 * ten, about five of them, with room above a highest value that would fall on the top
	 * line.
	 */
	static double[] ticks(double min, double max) {
		double raw = (max - min) / 5;
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		double step = DoubleStream.of(1, 2, 5, 10)
			.map(f -> f * magnitude)
			.filter(candidate -> candidate >= raw)
			.findFirst()
			.orElse(10 * magnitude);
		double first = Math.floor(min / step + 1e-9) * step;
		double last = Math.ceil(max / step - 1e-9) * step;
		// A highest value on the top line would hide in the frame: one more step above
		// it.
		if (max != 0 && Math.abs(last - max) < step * 0.02) {
			last += step;
		}
		int count = (int) Math.round((last - first) / step) + 1;
		double[] ticks = new double[count];
		for (int i = 0; i < count; i++) {
			ticks[i] = first + i * step;
		}
		return ticks;
	}

	private static void axes(StringBuilder svg, double[] ticks, String unit, Locale locale) {
		double min = ticks[0];
		double max = ticks[ticks.length - 1];
		int decimals = ticks.length < 2 ? 0 : Math.max(0,
				BigDecimal.valueOf(ticks[1] - ticks[0]).round(new MathContext(3)).stripTrailingZeros().scale());
		for (double value : ticks) {
			double y = y(value, min, max);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c5ced6\" stroke-width=\"1\"/>", LEFT,
					WIDTH - RIGHT, y, y));
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#1b2631\">%s</text>",
					LEFT - 6, y + 4, format(value, decimals, locale)));
		}
		if (unit != null) {
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#1b2631\">%s</text>",
					4, TOP - 6, escape(unit)));
		}
	}

	private static double y(double value, double min, double max) {
		return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - min) / (max - min));
	}

	private static String describe(String title, int series, List<Period> periods, boolean preliminary, boolean gaps) {
		return title + ": " + series + " serier, "
				+ (periods.isEmpty() ? "inga värden" : periods.getFirst().label() + "–" + periods.getLast().label())
				+ (preliminary ? "; ofyllda punkter är preliminära värden" : "")
				+ (gaps ? "; avbrott i linjen där värden saknas" : "") + ". Värdena finns i tabellen.";
	}

	/** A number as the locale writes it: decimal comma in Swedish, grouped thousands. */
	static String format(double value, Locale locale) {
		return format(value, Math.abs(value) >= 100 || value == Math.rint(value) ? 0 : 1, locale);
	}

	static String format(double value, int decimals, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(decimals);
		format.setMinimumFractionDigits(decimals);
		return format.format(value).replace('\u00a0', ' ');
	}

	private static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
