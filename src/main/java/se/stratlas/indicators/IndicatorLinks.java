package se.stratlas.indicators;

import java.sql.Array;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.StrategyCatalog;

/**
 * Which strategy elements an indicator measures: the links (every change in the history,
 * the elements by name) and the indicators linked to elements.
 */
@Component
public class IndicatorLinks {

	private final JdbcClient jdbc;

	private final IndicatorRegistry registry;

	private final AuditTrail audit;

	private final StrategyCatalog strategies;

	IndicatorLinks(JdbcClient jdbc, IndicatorRegistry registry, AuditTrail audit, StrategyCatalog strategies) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.audit = audit;
		this.strategies = strategies;
	}

	/**
	 * Changes a definition and replaces its links in one go, from the indicator's edit
	 * form: a stale {@code expectedVersion} is an edit conflict.
	 */
	@Transactional
	public void update(long organisationId, long id, int expectedVersion, IndicatorDefinition.Draft draft,
			Collection<UUID> elementKeys, String actor) {
		this.registry.update(organisationId, id, expectedVersion, draft, actor);
		link(organisationId, id, elementKeys, actor);
	}

	/** The definitions linked to any of the strategy elements, by code. */
	@Transactional(readOnly = true)
	public List<IndicatorDefinition> linkedTo(long organisationId, Collection<UUID> elementKeys) {
		return this.jdbc.sql("""
				select * from indicators_definition where organisation_id = :org and element_keys && :keys
				order by code""")
			.param("org", organisationId)
			.param("keys", elementKeys.toArray(UUID[]::new))
			.query(IndicatorRegistry.DEFINITION)
			.list();
	}

	/**
	 * Whether the organisation has an indicator that measures a strategy element and has
	 * values: the step of setting up a new organisation that makes dashboards and reports
	 * show figures.
	 */
	@Transactional(readOnly = true)
	public boolean anyLinkedWithValues(long organisationId) {
		return this.jdbc.sql("""
				select exists (select 1 from indicators_definition d where d.organisation_id = :org
				and cardinality(d.element_keys) > 0
				and exists (select 1 from indicators_value v where v.indicator_id = d.id))""")
			.param("org", organisationId)
			.query(Boolean.class)
			.single();
	}

	/** The strategy elements an indicator is linked to. */
	@Transactional(readOnly = true)
	public Set<UUID> elementKeys(long indicatorId) {
		return this.jdbc.sql("select element_keys from indicators_definition where id = :id")
			.param("id", indicatorId)
			.query((rs, row) -> {
				Array array = rs.getArray("element_keys");
				return array == null ? Set.<UUID>of() : Set.of((UUID[]) array.getArray());
			})
			.single();
	}

	/** Links an indicator to strategy elements (replacing the earlier links). */
	@Transactional
	public void link(long organisationId, long indicatorId, Collection<UUID> elementKeys) {
		link(organisationId, indicatorId, elementKeys, "system");
	}

	/**
	 * Links an indicator to strategy elements, replacing the earlier links; the change is
	 * in the history (the elements by name).
	 */
	@Transactional
	public void link(long organisationId, long indicatorId, Collection<UUID> elementKeys, String actor) {
		IndicatorDefinition indicator = this.registry.get(organisationId, indicatorId);
		Set<UUID> before = elementKeys(indicatorId);
		Set<UUID> after = new LinkedHashSet<>(elementKeys);
		for (UUID key : after) {
			if (!before.contains(key) && this.strategies.latestElement(organisationId, key).isEmpty()) {
				throw new ValidationException("elementKey", "validation.unknown");
			}
		}
		if (before.equals(after)) {
			return;
		}
		this.jdbc
			.sql("update indicators_definition set element_keys = :keys, version = version + 1, updated_at = now(), "
					+ "updated_by = :actor where id = :id")
			.param("keys", after.toArray(UUID[]::new))
			.param("actor", actor)
			.param("id", indicatorId)
			.update();
		this.audit.record(organisationId, actor, "indicator", indicatorId, "LINKED", indicator.code(),
				Map.of("links", new FieldChange(names(organisationId, before), names(organisationId, after))));
	}

	/** Adds one link (from an element's page). */
	@Transactional
	public void linkElement(long organisationId, long indicatorId, UUID elementKey, String actor) {
		Set<UUID> keys = new LinkedHashSet<>(elementKeys(this.registry.get(organisationId, indicatorId).id()));
		keys.add(elementKey);
		link(organisationId, indicatorId, keys, actor);
	}

	/** Removes one link. */
	@Transactional
	public void unlinkElement(long organisationId, long indicatorId, UUID elementKey, String actor) {
		Set<UUID> keys = new LinkedHashSet<>(elementKeys(this.registry.get(organisationId, indicatorId).id()));
		keys.remove(elementKey);
		link(organisationId, indicatorId, keys, actor);
	}

	private List<String> names(long organisationId, Collection<UUID> keys) {
		return keys.stream()
			.map(key -> this.strategies.latestElement(organisationId, key)
				.map(e -> e.label(Locale.forLanguageTag("sv")))
				.orElse("?"))
			.sorted()
			.toList();
	}

}
