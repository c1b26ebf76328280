package se.stratlas.system.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import se.stratlas.shared.web.HistoryValues;

/**
 * History as people read it: a change's field by its label, an enum constant stored in
 * the history (GOAL, PAGAENDE, ANSLAG_1_1, OPEN) by its label in the reader's language,
 * yes and no for booleans, a list as a list. The labels are the same message keys the
 * pages use ({@code element.type.goal}, {@code initiative.status.pagaende}, …); which
 * kinds a field's values may be is listed here, so that an enum constant never reaches
 * the screen. Templates: {@code ${@historyText.value(field, value, #locale)}}.
 */
@Component("historyText")
public class HistoryText {

	private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");

	/** The message-key prefixes a field's enum values may have, tried in order. */
	private static final Map<String, List<String>> PREFIXES = Map.ofEntries(
			Map.entry("type", List.of("element.type.", "initiative.type.", "scan.kind.")),
			Map.entry("status", List.of("initiative.status.", "strategy.status.", "product.status.")),
			Map.entry("state", List.of("cycle.state.", "contribution.state.")),
			Map.entry("kind",
					List.of("organisation.kind.", "actor.kind.", "scan.kind.", "cycle.kind.", "section.kind.",
							"unit.kind.", "product.kind.", "indicator.kind.")),
			Map.entry("link", List.of("relation.")), Map.entry("relation", List.of("relation.")),
			Map.entry("funding", List.of("funding.source.")),
			Map.entry("source", List.of("funding.source.", "indicator.source.")),
			Map.entry("fundingSource", List.of("funding.source.")),
			Map.entry("decision", List.of("application.decision.")), Map.entry("roles", List.of("role.")),
			Map.entry("role", List.of("actor.role.", "role.")), Map.entry("participant", List.of("actor.role.")),
			Map.entry("member", List.of("actor.role.")), Map.entry("effect", List.of("scan.effect.")),
			Map.entry("horizon", List.of("scan.horizon.")), Map.entry("scope", List.of("scan.scope.")),
			Map.entry("quadrant", List.of("swot.")), Map.entry("fulfilment", List.of("fulfilment.")),
			Map.entry("perspective", List.of("perspective.")), Map.entry("polarity", List.of("indicator.polarity.")),
			Map.entry("template", List.of("cycle.template.")), Map.entry("sex", List.of("sex.")));

	private static final List<String> ALL = PREFIXES.values().stream().flatMap(List::stream).distinct().toList();

	private final MessageSource messages;

	private final List<HistoryValues> modules;

	HistoryText(MessageSource messages, List<HistoryValues> modules) {
		this.messages = messages;
		this.modules = modules;
	}

	/** The field's label, or the field's name when it has none. */
	public String field(String field, Locale locale) {
		return message("field." + field, locale, field);
	}

	/** What an action (CREATED, LINKED …) is called. */
	public String action(String action, Locale locale) {
		return message("history.action." + action, locale, action);
	}

	/** A value of the field as people read it. */
	public String value(String field, Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		if (value instanceof Boolean flag) {
			return message(flag ? "history.value.yes" : "history.value.no", locale, String.valueOf(flag));
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(v -> value(field, v, locale)).collect(Collectors.joining(", "));
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map(e -> e.getKey() + ": " + value(field, e.getValue(), locale))
				.collect(Collectors.joining(", "));
		}
		String text = String.valueOf(value);
		for (HistoryValues module : this.modules) {
			Optional<String> label = module.label(field, text, locale);
			if (label.isPresent()) {
				return label.get();
			}
		}
		List<String> prefixes = PREFIXES.getOrDefault(field, ALL);
		Matcher constants = CONSTANT.matcher(text);
		StringBuilder out = new StringBuilder();
		while (constants.find()) {
			String label = label(constants.group(), prefixes, locale);
			constants.appendReplacement(out, Matcher.quoteReplacement(label == null ? constants.group() : label));
		}
		constants.appendTail(out);
		return out.toString();
	}

	private String label(String constant, List<String> prefixes, Locale locale) {
		if (constant.length() < 2) {
			return null;
		}
		for (String prefix : prefixes) {
			String label = message(prefix + constant.toLowerCase(Locale.ROOT), locale, null);
			if (label == null) {
				label = message(prefix + constant, locale, null);
			}
			if (label != null) {
				return label;
			}
		}
		return null;
	}

	private String message(String key, Locale locale, String fallback) {
		try {
			return this.messages.getMessage(key, null, locale);
		}
		catch (NoSuchMessageException ex) {
			return fallback;
		}
	}

}
