package se.stratlas.actors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditTrail;
import se.stratlas.strategy.StrategyCatalog;

/**
 * What the actor screens show, gathered from the registry, the areas, the strategies and
 * the audit trail.
 */
@Component
@Transactional(readOnly = true)
public class ActorPages {

	private final ActorRegistry registry;

	private final Areas areas;

	private final StrategyCatalog strategies;

	private final AuditTrail audit;

	ActorPages(ActorRegistry registry, Areas areas, StrategyCatalog strategies, AuditTrail audit) {
		this.registry = registry;
		this.areas = areas;
		this.strategies = strategies;
		this.audit = audit;
	}

	/**
	 * The actors list: the actors shown and the municipalities the new actor form offers.
	 */
	public record ActorList(List<Actor> actors, List<Area> municipalities) {
	}

	/**
	 * The contact persons screen: the contacts, the actors they may work at (and their
	 * names) and the strategy elements' labels.
	 */
	public record ContactsPage(List<Contact> contacts, List<Actor> actors, Map<Long, String> actorNames,
			Map<UUID, String> elements) {
	}

	/**
	 * The partnerships screen: the partnerships, the actors to add and the elements'
	 * labels.
	 */
	public record PartnershipsPage(List<Partnership> partnerships, List<Actor> actors, Map<UUID, String> elements) {
	}

	/** The organisation's actors of one kind (null: of every kind). */
	public ActorList actors(long organisationId, Actor.Kind kind) {
		return new ActorList(
				this.registry.actors(organisationId).stream().filter(a -> kind == null || a.kind() == kind).toList(),
				this.areas.municipalities());
	}

	public ContactsPage contacts(long organisationId) {
		List<Actor> actors = this.registry.actors(organisationId);
		return new ContactsPage(this.registry.contacts(organisationId), actors,
				actors.stream().collect(Collectors.toMap(Actor::id, Actor::name)), elementLabels(organisationId));
	}

	public PartnershipsPage partnerships(long organisationId) {
		return new PartnershipsPage(this.registry.partnerships(organisationId), this.registry.actors(organisationId),
				elementLabels(organisationId));
	}

	/** The page of the organisation's actor as it stands. */
	public ActorPage page(long organisationId, long id) {
		return page(organisationId, this.registry.actor(organisationId, id));
	}

	/** The page of this actor (as it stands, or as someone else just saved it). */
	public ActorPage page(long organisationId, Actor actor) {
		return new ActorPage(actor, actor.areaCodes().stream().map(this.areas::name).toList(),
				this.registry.partnerships(organisationId)
					.stream()
					.filter(p -> p.members().stream().anyMatch(m -> m.actorId() == actor.id()))
					.toList(),
				this.audit.history(ActorRegistry.ACTOR, actor.id()), this.areas.municipalities());
	}

	/**
	 * Element key → "RUS 1 Stark och hållbar region – …" for the elements with a code in
	 * the latest versions of the organisation's own strategies.
	 */
	private Map<UUID, String> elementLabels(long organisationId) {
		Map<UUID, String> labels = new LinkedHashMap<>();
		this.strategies.strategies(organisationId)
			.stream()
			.filter(s -> organisationId == (s.organisationId() == null ? -1 : s.organisationId()))
			.forEach(s -> this.strategies
				.elements(organisationId, this.strategies.latestVersion(organisationId, s.id()).id())
				.stream()
				.filter(e -> e.code() != null)
				.forEach(e -> labels.put(e.key(), s.code() + " " + e.label(Locale.ROOT))));
		return labels;
	}

}
