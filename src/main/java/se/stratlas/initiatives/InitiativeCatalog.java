package se.stratlas.initiatives;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.actors.ActorRegistry;
import se.stratlas.initiatives.Parts.Contribution;
import se.stratlas.initiatives.Parts.Participant;
import se.stratlas.initiatives.internal.InitiativeRepository;
import se.stratlas.initiatives.internal.InitiativeRepository.ParticipantRow;
import se.stratlas.shared.NotFoundException;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * Reading initiatives: search, filters, details. Everything is scoped to the reader's
 * organisation.
 */
@Component
@Transactional(readOnly = true)
public class InitiativeCatalog {

	private final InitiativeRepository repository;

	private final StrategyCatalog strategies;

	private final ActorRegistry actors;

	InitiativeCatalog(InitiativeRepository repository, StrategyCatalog strategies, ActorRegistry actors) {
		this.repository = repository;
		this.strategies = strategies;
		this.actors = actors;
	}

	public List<Initiative> find(long organisationId, InitiativeFilter filter) {
		return this.repository.find(organisationId, filter, elementAndBelow(organisationId, filter.elementKey()));
	}

	public Initiative get(long organisationId, long id) {
		return this.repository.initiative(organisationId, id)
			.orElseThrow(() -> new NotFoundException("initiative", id));
	}

	public InitiativeDetails details(long organisationId, long id) {
		Initiative initiative = get(organisationId, id);
		return new InitiativeDetails(initiative, this.repository.funding(id),
				participants(organisationId, new Long[] { id }).getOrDefault(id, List.of()),
				contributions(organisationId, id), this.repository.assessmentsOfInitiative(id),
				this.repository.sdgEffects(id));
	}

	/**
	 * Details of many initiatives at once (for portfolio views and exports): one query
	 * per kind of part for all of them, and each strategy element resolved once.
	 */
	public List<InitiativeDetails> details(long organisationId, Collection<Initiative> initiatives) {
		if (initiatives.isEmpty()) {
			return List.of();
		}
		Long[] ids = initiatives.stream().map(Initiative::id).toArray(Long[]::new);
		var funding = this.repository.fundingOf(ids);
		var participants = participants(organisationId, ids);
		var assessments = this.repository.assessmentsOf(ids);
		var effects = this.repository.sdgEffectsOf(ids);
		var contributionRows = this.repository.contributionsOf(ids);
		Map<UUID, Optional<StrategyElement>> elements = new HashMap<>();
		Map<Long, Strategy> strategyByVersion = new HashMap<>();
		return initiatives.stream().map(initiative -> {
			List<Contribution> contributions = new ArrayList<>();
			for (Object[] row : contributionRows.getOrDefault(initiative.id(), List.of())) {
				UUID key = (UUID) row[0];
				StrategyElement element = elements
					.computeIfAbsent(key, k -> this.strategies.latestElement(organisationId, k))
					.orElse(null);
				Strategy strategy = element == null ? null : strategyByVersion.computeIfAbsent(element.versionId(),
						v -> this.strategies.strategyOf(element));
				contributions.add(new Contribution(key, (Boolean) row[1], (String) row[2],
						strategy == null ? null : strategy.code(), element == null ? null : element.label(null),
						element == null ? null : element.id()));
			}
			return new InitiativeDetails(initiative, funding.getOrDefault(initiative.id(), List.of()),
					participants.getOrDefault(initiative.id(), List.of()), contributions,
					assessments.getOrDefault(initiative.id(), List.of()),
					effects.getOrDefault(initiative.id(), List.of()));
		}).toList();
	}

	/**
	 * The participants of these initiatives by initiative, each list in the order of the
	 * actors' names, which the actors module gives for all of them at once.
	 */
	private Map<Long, List<Participant>> participants(long organisationId, Long[] ids) {
		List<ParticipantRow> rows = this.repository.participantsOf(ids);
		Map<Long, String> names = this.actors.names(organisationId,
				rows.stream().map(ParticipantRow::actorId).toList());
		Map<Long, Integer> rank = new HashMap<>();
		names.keySet().forEach(actorId -> rank.put(actorId, rank.size()));
		Map<Long, List<Participant>> byInitiative = new HashMap<>();
		rows.stream()
			.sorted(Comparator.comparing(row -> rank.getOrDefault(row.actorId(), Integer.MAX_VALUE)))
			.forEach(row -> byInitiative.computeIfAbsent(row.initiativeId(), k -> new ArrayList<>())
				.add(new Participant(row.actorId(), names.get(row.actorId()), row.role())));
		return byInitiative;
	}

	List<Contribution> contributions(long organisationId, long initiativeId) {
		List<Contribution> contributions = new ArrayList<>();
		for (Object[] row : this.repository.contributions(initiativeId)) {
			UUID key = (UUID) row[0];
			StrategyElement element = this.strategies.latestElement(organisationId, key).orElse(null);
			Strategy strategy = element == null ? null : this.strategies.strategyOf(element);
			contributions
				.add(new Contribution(key, (Boolean) row[1], (String) row[2], strategy == null ? null : strategy.code(),
						element == null ? null : element.label(null), element == null ? null : element.id()));
		}
		return contributions;
	}

	/**
	 * The key and the keys of every element under it, in the latest version of its
	 * strategy.
	 */
	Set<UUID> elementAndBelow(long organisationId, UUID key) {
		if (key == null) {
			return null;
		}
		StrategyElement element = this.strategies.latestElement(organisationId, key)
			.orElseThrow(() -> new NotFoundException("element", key));
		return this.strategies.elements(organisationId, element.versionId())
			.stream()
			.filter(e -> e.path().startsWith(element.path()))
			.map(StrategyElement::key)
			.collect(Collectors.toSet());
	}

}
