package se.stratlas.reports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.stratlas.followup.Markdown;
import se.stratlas.reports.ReportDocument.Chart;
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Notice;
import se.stratlas.reports.ReportDocument.Table;
import se.stratlas.reports.ReportDocument.Text;

/**
 * The report as HTML: a body for the screen (charts as SVG, styled by report.css) and a
 * whole XHTML document for the PDF (print styles, bookmarks, a table of contents with
 * page numbers, charts as images with alternative text). Text comes sanitized from
 * {@link Markdown}; everything else is escaped here.
 */
public final class HtmlReport {

	private static final Pattern TEXT_HEADING = Pattern.compile("<(/?)h[1-6]>");

	private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\"");

	private HtmlReport() {
	}

	/** The body for a screen page. */
	public static String body(ReportDocument document) {
		StringBuilder html = new StringBuilder("<article class=\"report\" lang=\"").append(document.language())
			.append("\">");
		cover(document, html);
		toc(document, html, false);
		nodes(document.nodes(), html, false);
		return html.append("</article>").toString();
	}

	/** The whole document for the PDF renderer (well-formed XHTML). */
	public static String xhtml(ReportDocument document) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
			.append(document.language())
			.append("\" xml:lang=\"")
			.append(document.language())
			.append("\"><head><meta charset=\"utf-8\" /><title>")
			.append(e(document.title()))
			.append("</title><meta name=\"author\" content=\"")
			.append(e(document.organisation()))
			.append("\" /><meta name=\"subject\" content=\"")
			.append(e(document.subtitle()))
			.append("\" /><style>")
			.append(PRINT_CSS)
			.append("</style><bookmarks>");
		for (Heading heading : document.headings()) {
			if (heading.level() == 1) {
				html.append("<bookmark name=\"")
					.append(e(heading.text()))
					.append("\" href=\"#")
					.append(heading.anchor())
					.append("\" />");
			}
		}
		html.append("</bookmarks></head><body>");
		cover(document, html);
		toc(document, html, true);
		nodes(document.nodes(), html, true);
		return html.append("</body></html>").toString();
	}

	private static void cover(ReportDocument document, StringBuilder html) {
		html.append("<header class=\"cover\">");
		if (document.logo() != null) {
			html.append("<p class=\"logo\"><img src=\"data:")
				.append(document.logo().mediaType())
				.append(";base64,")
				.append(Base64.getEncoder().encodeToString(document.logo().image()))
				.append("\" alt=\"")
				.append(e(document.logo().alt()))
				.append("\" /></p>");
		}
		html.append("<p class=\"organisation\">")
			.append(e(document.organisation()))
			.append("</p><h1>")
			.append(e(document.title()))
			.append("</h1><p class=\"subtitle\">")
			.append(e(document.subtitle()))
			.append("</p><p class=\"date\">Sammanställd ")
			.append(document.date()
				.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(document.language()))))
			.append("</p>");
		if (document.draft()) {
			html.append("<p class=\"draft\"><strong>Utkast:</strong> alla avsnitt är inte godkända. ")
				.append("Avsnitt som saknar godkänd text är markerade.</p>");
		}
		html.append("</header>");
	}

	private static void toc(ReportDocument document, StringBuilder html, boolean print) {
		html.append("<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">Innehåll</h2><ol>");
		for (Heading heading : document.headings()) {
			if (heading.level() <= 2) {
				html.append("<li class=\"toc-")
					.append(heading.level())
					.append("\"><a href=\"#")
					.append(heading.anchor())
					.append("\">")
					.append(e(heading.text()))
					.append("</a></li>");
			}
		}
		html.append("</ol></nav>");
	}

	/**
	 * A table of at most this many rows is kept on one page with its heading and notes.
	 */
	static final int SHORT_TABLE = 20;

	/**
	 * The nodes in order, grouped as they should stay on paper: a heading with the chart
	 * or short table under it, a table or chart with the notices about it. Such a group
	 * is one block that is not split over pages; the notices about a long table (which
	 * must be split) come before it, so that they do not end up alone on a page.
	 */
	private static void nodes(List<Node> nodes, StringBuilder html, boolean print) {
		int level = 1;
		int i = 0;
		while (i < nodes.size()) {
			int end = i + 1;
			if (nodes.get(i) instanceof Heading heading && heading.level() >= 2 && end < nodes.size()
					&& (nodes.get(end) instanceof Chart || nodes.get(end) instanceof Table table && isShort(table))) {
				end++;
			}
			Node last = nodes.get(end - 1);
			int notices = end;
			if (last instanceof Table || last instanceof Chart) {
				while (notices < nodes.size() && nodes.get(notices) instanceof Notice) {
					notices++;
				}
			}
			List<Node> group = new ArrayList<>(nodes.subList(i, notices));
			if (last instanceof Table table && !isShort(table)) {
				// The notices go before the long table.
				group.removeAll(nodes.subList(end, notices));
				group.addAll(group.indexOf(last), nodes.subList(end, notices));
			}
			boolean keep = group.size() > 1 && !(last instanceof Table table && !isShort(table));
			if (keep) {
				html.append("<div class=\"keep\">");
			}
			for (Node node : group) {
				level = node(node, level, html, print);
			}
			if (keep) {
				html.append("</div>");
			}
			i = notices;
		}
	}

	private static boolean isShort(Table table) {
		return table.rows().size() <= SHORT_TABLE;
	}

	/** One node; returns the heading level that the following text stands under. */
	private static int node(Node node, int current, StringBuilder html, boolean print) {
		int level = current;
		switch (node) {
			case Heading heading -> {
				level = heading.level();
				html.append("<h")
					.append(heading.level())
					.append(" id=\"")
					.append(heading.anchor())
					.append("\"")
					.append(heading.level() == 1 ? " class=\"chapter\"" : "")
					.append(">")
					.append(e(heading.text()))
					.append("</h")
					.append(heading.level())
					.append(">");
			}
			case Text text -> {
				html.append("<div class=\"text\">");
				if (text.byline() != null) {
					html.append("<p class=\"byline\">").append(e(text.byline())).append("</p>");
				}
				String body = shiftHeadings(Markdown.html(text.markdown()), Math.min(6, level + 1));
				// Links carry a title (PDF/UA asks for one): their address.
				html.append(LINK.matcher(body).replaceAll("<a title=\"$1\" href=\"$1\""));
				html.append("</div>");
			}
			case Table table -> table(table, html);
			case Chart chart -> {
				html.append("<figure class=\"chart\">");
				if (print) {
					html.append("<img src=\"data:image/png;base64,")
						.append(Base64.getEncoder().encodeToString(chart.png()))
						.append("\" alt=\"")
						.append(e(chart.alt()))
						.append("\" />");
				}
				else {
					html.append("<img src=\"data:image/svg+xml;base64,")
						.append(Base64.getEncoder().encodeToString(chart.svg().getBytes(StandardCharsets.UTF_8)))
						.append("\" alt=\"")
						.append(e(chart.alt()))
						.append("\" />");
				}
				html.append("<figcaption>").append(e(chart.caption())).append("</figcaption></figure>");
			}
			case Notice notice -> html.append("<p class=\"report-notice\"><strong>Observera: </strong>")
				.append(e(notice.text()))
				.append("</p>");
		}
		return level;
	}

	/** Headings inside a text become one level below the heading they stand under. */
	static String shiftHeadings(String html, int level) {
		Matcher matcher = TEXT_HEADING.matcher(html);
		return matcher.replaceAll(m -> "<" + m.group(1) + "h" + level + ">");
	}

	private static void table(Table table, StringBuilder html) {
		html.append("<table class=\"report-table\"><caption>")
			.append(e(table.caption()))
			.append("</caption><thead><tr>");
		for (int c = 0; c < table.headers().size(); c++) {
			int column = c;
			boolean numbers = table.rows().stream().anyMatch(r -> column < r.size() && r.get(column) instanceof Number);
			html.append(numbers ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
				.append(e(table.headers().get(c)))
				.append("</th>");
		}
		html.append("</tr></thead><tbody>");
		for (List<Object> row : table.rows()) {
			html.append("<tr>");
			for (Object cell : row) {
				if (cell instanceof ReportDocument.Mark mark) {
					html.append("<td class=\"mark mark-")
						.append(mark.tone().name().toLowerCase(Locale.ROOT))
						.append("\">")
						.append(mark.tone().symbol())
						.append(' ')
						.append(e(mark.label()))
						.append("</td>");
					continue;
				}
				boolean number = cell instanceof Number;
				html.append(number ? "<td class=\"num\">" : "<td>").append(e(cell(cell))).append("</td>");
			}
			html.append("</tr>");
		}
		html.append("</tbody></table>");
	}

	/**
	 * A cell as Swedes read it: decimal comma, a minus sign, and no-break spaces between
	 * thousands, so that an amount never wraps inside its cell in any format.
	 */
	public static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof ReportDocument.Mark mark) {
			return mark.tone().symbol() + " " + mark.label();
		}
		if (value instanceof BigDecimal || value instanceof Double || value instanceof Float || value instanceof Integer
				|| value instanceof Long) {
			NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("sv"));
			BigDecimal number = value instanceof BigDecimal big ? big
					: value instanceof Integer || value instanceof Long
							? BigDecimal.valueOf(((Number) value).longValue())
							: BigDecimal.valueOf(((Number) value).doubleValue());
			// As many decimals as the value carries: a column whose values share a scale
			// reads evenly (21,0 beside 38,5).
			format.setMinimumFractionDigits(Math.max(0, number.scale()));
			format.setMaximumFractionDigits(Math.max(0, number.scale()));
			return format.format(number).replace(' ', '\u00a0').replace('\u202f', '\u00a0').replace('\u2212', '-');
		}
		// "per 1 000 invånare": a number written with a space stays on one line.
		return THOUSANDS.matcher(String.valueOf(value)).replaceAll("$1\u00a0$2");
	}

	private static final Pattern THOUSANDS = Pattern.compile("(\\d) (\\d{3})(?!\\d)");

	static String e(String text) {
		return Markdown.escape(text);
	}

	private static final String PRINT_CSS = """
			@page { size: A4; margin: 22mm 20mm 24mm 20mm;
			  @bottom-center { content: "Sida " counter(page) " av " counter(pages); font-family: 'DejaVu Sans'; font-size: 9pt; } }
			body { font-family: 'DejaVu Sans'; font-size: 10pt; line-height: 1.45; color: #1b2631; }
			.cover { page-break-after: always; padding-top: 40mm; border-top: 6mm solid #0b4f6c; margin-top: -22mm; }
			.cover h1 { font-size: 28pt; line-height: 1.15; color: #0b4f6c; margin: 4mm 0 6mm 0; }
			.cover .organisation { font-size: 14pt; font-weight: bold; margin-top: 20mm; }
			.cover .subtitle { font-size: 13pt; color: #1b2631; }
			.cover .date { font-size: 11pt; color: #4a5663; margin-top: 12mm; }
			.cover .logo img { max-height: 30mm; max-width: 80mm; }
			.draft { border: 1pt solid #a1181d; padding: 6pt; }
			.toc { page-break-after: always; }
			.toc ol { list-style: none; padding-left: 0; }
			.toc li.toc-2 { padding-left: 12pt; }
			.toc a { color: #1b2631; text-decoration: none; }
			.toc a::after { content: leader('.') target-counter(attr(href), page); }
			h1.chapter { page-break-before: always; color: #0b4f6c; font-size: 18pt; }
			h2 { font-size: 13pt; color: #0b4f6c; }
			h3, h4, h5, h6 { font-size: 11pt; }
			.byline { font-style: italic; color: #4a5663; }
			.report-notice { border-left: 3pt solid #7a4d00; padding-left: 6pt; }
			table.report-table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt 0; -fs-table-paginate: paginate; }
			table.report-table caption { text-align: left; font-weight: bold; padding-bottom: 3pt; }
			table.report-table th, table.report-table td { border: 0.5pt solid #c5ced6; padding: 2pt 4pt; vertical-align: top; }
			table.report-table th { background: #f3f6f8; text-align: left; }
			table.report-table tr { page-break-inside: avoid; }
			td.num, th.num { text-align: right; } td.num { white-space: nowrap; }
			h1, h2, h3, h4 { page-break-after: avoid; }
			h2, h3, h4 { -fs-page-break-min-height: 45mm; }
			table.report-table { -fs-page-break-min-height: 30mm; }
			figure.chart { margin: 6pt 0 12pt 0; page-break-inside: avoid; }
			div.keep { page-break-inside: avoid; }
			td.mark-good { color: #1d6b38; font-weight: bold; }
			td.mark-partly { color: #7a4d00; font-weight: bold; }
			td.mark-bad { color: #a1181d; font-weight: bold; }
			td.mark-none { color: #4a5663; }
			figure.chart img { width: 15cm; }
			figcaption { font-size: 9pt; color: #4a5663; }
			""";

}
