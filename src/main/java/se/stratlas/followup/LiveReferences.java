package se.stratlas.followup;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

import org.springframework.stereotype.Component;
import org.springframework.context.MessageSource;

import se.stratlas.areas.Areas;
import se.stratlas.indicators.IndicatorAnalytics;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.Target;
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.shared.NotFoundException;
import se.stratlas.accounts.Organisations;
import se.stratlas.indicators.Period;

/**
 * Renders contributions with their references made live: an indicator becomes a figure
 * with its latest value, period, area and source, a small trend line and the values as a
 * table; an initiative becomes a link with its status and period. Invented demo values
 * carry their label. A reference to something unknown says so instead of failing.
 */
@Component
public class LiveReferences {

	private final IndicatorRegistry indicators;

	private final IndicatorAnalytics analytics;

	private final InitiativeCatalog initiatives;

	private final Areas areas;

	private final MessageSource messages;

	private final Organisations organisations;

	LiveReferences(IndicatorRegistry indicators, IndicatorAnalytics analytics, InitiativeCatalog initiatives,
			Areas areas, MessageSource messages, Organisations organisations) {
		this.organisations = organisations;
		this.messages = messages;
		this.indicators = indicators;
		this.analytics = analytics;
		this.initiatives = initiatives;
		this.areas = areas;
	}

	/** The text as sanitized HTML with live references showing the latest values. */
	public String html(long organisationId, String markdown, Locale locale) {
		return html(organisationId, markdown, locale, null);
	}

	/**
	 * The text as sanitized HTML with live references; with {@code until} (a cycle's
	 * period) indicator values stop at that year, so a report on 2023 shows 2023.
	 */
	public String html(long organisationId, String markdown, Locale locale, String until) {
		Integer year = until == null ? null : Period.parse(until).year();
		return Markdown.html(markdown, reference -> render(organisationId, reference, locale, year));
	}

	/**
	 * The Markdown with each reference written out as text, for documents: an indicator
	 * as "name, area: value unit (period; källa …)", an initiative as its name and
	 * status.
	 */
	public String asText(long organisationId, String markdown, String until) {
		if (markdown == null) {
			return "";
		}
		Integer year = until == null ? null : Period.parse(until).year();
		Matcher matcher = Markdown.REFERENCE.matcher(markdown);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			Markdown.Reference reference = new Markdown.Reference(matcher.group(1), matcher.group(2), matcher.group(3));
			matcher.appendReplacement(out,
					Matcher.quoteReplacement(markdownEscape(text(organisationId, reference, year))));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private String text(long organisationId, Markdown.Reference reference, Integer untilYear) {
		if ("insats".equals(reference.kind())) {
			try {
				Initiative initiative = this.initiatives.get(organisationId, Long.parseLong(reference.target()));
				return "insatsen " + initiative.name() + " ("
						+ this.messages.getMessage(initiative.status().messageKey(), null, Locale.forLanguageTag("sv"))
						+ ")";
			}
			catch (NumberFormatException | NotFoundException ex) {
				return "okänd insats " + reference.target();
			}
		}
		Optional<IndicatorDefinition> found = this.indicators.findByCode(organisationId, reference.target());
		if (found.isEmpty()) {
			return "okänd indikator " + reference.target();
		}
		IndicatorDefinition definition = found.get();
		// A reference without an area shows the organisation's home area.
		String area = reference.area() == null ? this.organisations.homeArea(organisationId) : reference.area();
		Locale swedish = Locale.forLanguageTag("sv");
		List<Target.Point> points = this.analytics.series(organisationId, definition.id(), List.of(area), Sex.T)
			.stream()
			.flatMap(s -> s.points().stream())
			.filter(p -> untilYear == null || p.period().year() <= untilYear)
			.toList();
		Target.Point latest = points.stream().filter(p -> p.value() != null).reduce((a, b) -> b).orElse(null);
		NumberFormat format = NumberFormat.getNumberInstance(swedish);
		format.setMaximumFractionDigits(definition.decimals());
		format.setMinimumFractionDigits(definition.decimals());
		StringBuilder text = new StringBuilder(definition.nameSv()).append(", ").append(this.areas.name(area));
		if (latest == null) {
			text.append(": inga värden");
		}
		else {
			text.append(": ")
				.append(format.format(latest.value()))
				.append(definition.unit() == null ? "" : " " + definition.unit())
				.append(" (")
				.append(latest.period().label(swedish))
				.append(latest.preliminary() ? ", preliminärt" : "");
		}
		text.append(latest == null ? " (" : "; ")
			.append("källa: ")
			.append(source(definition, swedish))
			.append(definition.demoNote() == null ? "" : "; fiktiva demovärden")
			.append(")");
		return text.toString();
	}

	private static String markdownEscape(String text) {
		return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
	}

	String render(long organisationId, Markdown.Reference reference, Locale locale, Integer untilYear) {
		boolean english = "en".equals(locale.getLanguage());
		if ("insats".equals(reference.kind())) {
			return initiative(organisationId, reference.target(), locale);
		}
		return indicator(organisationId, reference, locale, english, untilYear);
	}

	private String initiative(long organisationId, String target, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		Initiative initiative;
		try {
			initiative = this.initiatives.get(organisationId, Long.parseLong(target));
		}
		catch (NumberFormatException | NotFoundException ex) {
			return unknown((english ? "Unknown initiative " : "Okänd insats ") + target);
		}
		StringBuilder html = new StringBuilder("<span class=\"live-ref initiative-ref\">");
		html.append("<a href=\"/initiatives/")
			.append(initiative.id())
			.append("\">")
			.append(Markdown.escape(initiative.name()))
			.append("</a> <span class=\"muted\">(")
			.append(Markdown.escape(this.messages.getMessage(initiative.status().messageKey(), null, locale)));
		if (initiative.startDate() != null) {
			html.append(", ").append(initiative.startDate().getYear());
			html.append("–").append(initiative.endDate() == null ? "" : initiative.endDate().getYear());
		}
		html.append(")</span>");
		if (initiative.demoNote() != null) {
			html.append(" <span class=\"demo-label\">")
				.append(Markdown.escape(initiative.demoNote()))
				.append("</span>");
		}
		return html.append("</span>").toString();
	}

	private String indicator(long organisationId, Markdown.Reference reference, Locale locale, boolean english,
			Integer untilYear) {
		Optional<IndicatorDefinition> found = this.indicators.findByCode(organisationId, reference.target());
		if (found.isEmpty()) {
			return unknown((english ? "Unknown indicator " : "Okänd indikator ") + reference.target());
		}
		IndicatorDefinition definition = found.get();
		// A reference without an area shows the organisation's home area.
		String area = reference.area() == null ? this.organisations.homeArea(organisationId) : reference.area();
		String areaName = this.areas.name(area);
		List<IndicatorAnalytics.Series> series = this.analytics.series(organisationId, definition.id(), List.of(area),
				Sex.T);
		List<Target.Point> points = series.isEmpty() ? List.of()
				: series.getFirst()
					.points()
					.stream()
					.filter(p -> untilYear == null || p.period().year() <= untilYear)
					.toList();
		List<Target.Point> present = points.stream().filter(p -> p.value() != null).toList();
		String name = english && definition.nameEn() != null ? definition.nameEn() : definition.nameSv();
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(definition.decimals());
		format.setMinimumFractionDigits(definition.decimals());
		String preliminary = english ? "preliminary" : "preliminärt";
		StringBuilder html = new StringBuilder("<figure class=\"live-ref indicator-ref\">");
		html.append("<figcaption><a href=\"/indicators/")
			.append(definition.id())
			.append("\">")
			.append(Markdown.escape(name))
			.append("</a>, ")
			.append(Markdown.escape(areaName))
			.append("</figcaption>");
		if (present.isEmpty()) {
			html.append("<p class=\"muted\">").append(english ? "No values yet." : "Inga värden ännu.").append("</p>");
		}
		else {
			Target.Point latest = present.getLast();
			html.append("<p class=\"live-value\"><strong>")
				.append(Markdown.escape(format.format(latest.value())))
				.append(definition.unit() == null ? "" : " " + Markdown.escape(definition.unit()))
				.append("</strong> (")
				.append(Markdown.escape(latest.period().label(locale)))
				.append(latest.preliminary() ? ", " + preliminary : "")
				.append(")</p>");
			html.append(sparkline(present));
			html.append("<details><summary>").append(english ? "Values" : "Värden").append("</summary><table>");
			html.append("<thead><tr><th scope=\"col\">")
				.append(english ? "Period" : "Period")
				.append("</th><th scope=\"col\">")
				.append(english ? "Value" : "Värde")
				.append("</th></tr></thead><tbody>");
			for (Target.Point p : points) {
				// A missing value is a dash with its reason, never a zero.
				html.append("<tr><td>")
					.append(Markdown.escape(p.period().label(locale)))
					.append("</td><td>")
					.append(p.value() == null ? "– " + Markdown.escape(p.missing().label(locale))
							: Markdown.escape(format.format(p.value()))
									+ (p.preliminary() ? " (" + preliminary + ")" : ""))
					.append("</td></tr>");
			}
			html.append("</tbody></table></details>");
		}
		html.append("<p class=\"source\">")
			.append(english ? "Source: " : "Källa: ")
			.append(Markdown.escape(source(definition, locale)))
			.append("</p>");
		if (definition.demoNote() != null) {
			html.append("<p class=\"demo-label\">").append(Markdown.escape(definition.demoNote())).append("</p>");
		}
		return html.append("</figure>").toString();
	}

	/**
	 * The source as readers know it: "Kolada N01951", "SCB …", "egna data", "beräknad".
	 */
	private String source(IndicatorDefinition definition, Locale locale) {
		String label = this.messages.getMessage("indicator.source." + definition.source().name(), null,
				definition.source().name(), locale);
		return label + (definition.sourceRef() == null ? "" : " " + definition.sourceRef());
	}

	/** A small trend line; decorative, the values are in the table beside it. */
	static String sparkline(List<Target.Point> points) {
		double min = points.stream().mapToDouble(Target.Point::value).min().orElse(0);
		double max = points.stream().mapToDouble(Target.Point::value).max().orElse(1);
		double span = max == min ? 1 : max - min;
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < points.size(); i++) {
			double x = points.size() == 1 ? 60 : 2 + 116.0 * i / (points.size() - 1);
			double y = 28 - 24 * (points.get(i).value() - min) / span;
			path.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
		}
		return "<svg class=\"sparkline\" viewBox=\"0 0 120 30\" width=\"120\" height=\"30\" aria-hidden=\"true\" focusable=\"false\">"
				+ "<polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\"" + path + "\"/></svg>";
	}

	private static String unknown(String text) {
		return "<span class=\"live-ref unknown-ref\">" + Markdown.escape(text) + "</span>";
	}

}
