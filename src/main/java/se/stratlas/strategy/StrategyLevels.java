package se.stratlas.strategy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;

/**
 * A strategy's own words for its levels: which element types it uses and what it calls
 * them (Dalastrategin's "målområde" and "prioritering", RUS's "övergripande mål",
 * "inriktning", "prioritering" and "delprioritering"). A strategy that has not said uses
 * every type under its usual name. The type rules (which type may stand under which) hold
 * whatever the names.
 */
@Component
public class StrategyLevels {

	/**
	 * One level: the type it is, its names (singular and plural, Swedish and English).
	 */
	public record Level(ElementType type, String nameSv, @Nullable String nameEn, @Nullable String pluralSv,
			@Nullable String pluralEn) {
	}

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final StrategyCatalog catalog;

	StrategyLevels(JdbcClient jdbc, MessageSource messages, AuditTrail audit, StrategyCatalog catalog) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.audit = audit;
		this.catalog = catalog;
	}

	/**
	 * The levels a strategy the organisation sees has named; empty: none named, every
	 * type is used under its usual name.
	 */
	@Transactional(readOnly = true)
	public List<Level> levels(Long organisationId, long strategyId) {
		return levels(this.catalog.strategy(organisationId, strategyId).id());
	}

	/**
	 * The levels the strategy has named, in the order of the types; empty: none named.
	 */
	@Transactional(readOnly = true)
	public List<Level> levels(long strategyId) {
		return this.jdbc.sql("""
				select type, name_sv, name_en, plural_sv, plural_en from strategy_level
				where strategy_id = :id order by position""")
			.param("id", strategyId)
			.query((rs, row) -> new Level(ElementType.valueOf(rs.getString("type")), rs.getString("name_sv"),
					rs.getString("name_en"), rs.getString("plural_sv"), rs.getString("plural_en")))
			.list();
	}

	/**
	 * The level a strategy is followed up by: its priorities, else its focus areas, else
	 * its goals (Dalastrategin's prioriteringar, the digitalisation strategy's
	 * fokusområden, a strategy of goals only); null when it has none of them.
	 */
	public static ElementType workingLevel(List<StrategyElement> elements) {
		for (ElementType type : List.of(ElementType.PRIORITY, ElementType.FOCUS_AREA, ElementType.GOAL)) {
			if (elements.stream().anyMatch(e -> e.type() == type)) {
				return type;
			}
		}
		return null;
	}

	/** What the strategy calls a type in Swedish, with a capital first letter. */
	public String title(long strategyId, ElementType type, boolean plural) {
		String label = labels(strategyId, Locale.forLanguageTag("sv"), plural).get(type);
		return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	/** The types the strategy uses: those it named, or every type. */
	public Set<ElementType> used(long strategyId) {
		List<Level> levels = levels(strategyId);
		if (levels.isEmpty()) {
			return EnumSet.allOf(ElementType.class);
		}
		Set<ElementType> used = EnumSet.noneOf(ElementType.class);
		levels.forEach(level -> used.add(level.type()));
		return used;
	}

	/** What the strategy calls each type, in the reader's language (one or many). */
	public Map<ElementType, String> labels(long strategyId, Locale locale, boolean plural) {
		Map<ElementType, String> labels = new EnumMap<>(ElementType.class);
		boolean english = locale != null && "en".equals(locale.getLanguage());
		for (ElementType type : ElementType.values()) {
			labels.put(type,
					this.messages.getMessage(type.messageKey() + (plural ? ".plural" : ""), null, type.name(), locale));
		}
		for (Level level : levels(strategyId)) {
			String name = english && level.nameEn() != null ? level.nameEn() : level.nameSv();
			String many = english && level.pluralEn() != null ? level.pluralEn()
					: !english && level.pluralSv() != null ? level.pluralSv() : null;
			labels.put(level.type(), plural ? (many != null ? many : name) : name);
		}
		return labels;
	}

	/**
	 * Names the levels of one of the organisation's own strategies: a level with an empty
	 * Swedish name is not used, a type not listed neither. A type that elements of the
	 * strategy's latest version already have stays in use.
	 * @return the levels as saved
	 */
	@Transactional
	public List<Level> save(Long organisationId, long strategyId, List<Level> levels, String actor) {
		Strategy strategy = this.catalog.ownStrategy(organisationId, strategyId);
		Set<ElementType> inUse = EnumSet.noneOf(ElementType.class);
		this.catalog.elements(organisationId, this.catalog.latestVersion(organisationId, strategy.id()).id())
			.forEach(element -> inUse.add(element.type()));
		List<Violation> violations = new ArrayList<>();
		Map<ElementType, Level> given = new EnumMap<>(ElementType.class);
		for (Level level : levels == null ? List.<Level>of() : levels) {
			if (level == null || level.type() == null) {
				violations.add(new Violation("levels", "validation.required"));
			}
			else if (given.putIfAbsent(level.type(), level) != null) {
				violations.add(new Violation("level-" + level.type(), "strategy.level.twice"));
			}
		}
		List<Level> named = new ArrayList<>();
		for (ElementType type : ElementType.values()) {
			Level level = given.get(type);
			String name = level == null ? null : Texts.clean(level.nameSv());
			if (name == null) {
				if (inUse.contains(type)) {
					violations.add(new Violation("level-" + type, "strategy.level.inUse"));
				}
				continue;
			}
			for (String text : new String[] { name, level.nameEn(), level.pluralSv(), level.pluralEn() }) {
				if (text != null
						&& (text.strip().length() > 100 || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
					violations.add(new Violation("level-" + type, "strategy.level.invalid"));
				}
			}
			named.add(new Level(type, name, Texts.clean(level.nameEn()), Texts.clean(level.pluralSv()),
					Texts.clean(level.pluralEn())));
		}
		if (named.isEmpty()) {
			violations.add(new Violation("levels", "strategy.level.none"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("levels", new FieldChange(describe(levels(strategy.id())), describe(named)));
		this.jdbc.sql("delete from strategy_level where strategy_id = :id").param("id", strategy.id()).update();
		int position = 0;
		for (Level level : named) {
			this.jdbc.sql("""
					insert into strategy_level (strategy_id, type, position, name_sv, name_en, plural_sv, plural_en)
					values (:id, :type, :position, :nameSv, :nameEn, :pluralSv, :pluralEn)""")
				.param("id", strategy.id())
				.param("type", level.type().name())
				.param("position", position++)
				.param("nameSv", level.nameSv())
				.param("nameEn", level.nameEn())
				.param("pluralSv", level.pluralSv())
				.param("pluralEn", level.pluralEn())
				.update();
		}
		this.audit.record(organisationId, actor, "strategy", strategy.id(), "UPDATED", null, changes);
		return levels(strategy.id());
	}

	private static List<String> describe(List<Level> levels) {
		return levels.stream().map(Level::nameSv).toList();
	}

}
