package se.stratlas.learning;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Cycles;
import se.stratlas.indicators.IndicatorLinks;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorTargets;
import se.stratlas.indicators.Target;
import se.stratlas.learning.internal.EvidenceLabels;
import se.stratlas.learning.internal.LearningRepository;
import se.stratlas.learning.internal.ProposalDrafts;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.ElementDraft;
import se.stratlas.strategy.ElementManagement;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyManagement;
import se.stratlas.strategy.StrategyStatus;
import se.stratlas.strategy.StrategyVersion;

/**
 * Revision proposals (förslag till revidering): a strateg proposes a change to an element
 * with its motivation and evidence; it is prepared (beredd), then decided or rejected by
 * someone other than the proposer. A decided change to the strategy's text is made in the
 * strategy's draft version (started as a copy of the latest version when there is none),
 * so the version comparison shows it with the proposal behind it; a decided target or
 * retired indicator is made in the indicators module at once.
 */
@Service
@Transactional
public class RevisionProposals {

	static final String PROPOSAL = "learning_proposal";

	private final JdbcClient jdbc;

	private final LearningRepository repository;

	private final EvidenceLabels evidence;

	private final ProposalDrafts drafts;

	private final LearningJournal journal;

	private final StrategyCatalog strategies;

	private final StrategyManagement management;

	private final ElementManagement elements;

	private final IndicatorRegistry indicators;

	private final IndicatorLinks links;

	private final IndicatorTargets targets;

	private final Cycles cycles;

	private final AuditTrail audit;

	RevisionProposals(JdbcClient jdbc, LearningRepository repository, EvidenceLabels evidence, ProposalDrafts drafts,
			LearningJournal journal, StrategyCatalog strategies, StrategyManagement management,
			ElementManagement elements, IndicatorRegistry indicators, IndicatorLinks links, IndicatorTargets targets,
			Cycles cycles, AuditTrail audit) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.evidence = evidence;
		this.drafts = drafts;
		this.journal = journal;
		this.strategies = strategies;
		this.management = management;
		this.elements = elements;
		this.links = links;
		this.targets = targets;
		this.indicators = indicators;
		this.cycles = cycles;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Proposal get(long organisationId, long id) {
		return this.repository.proposals("organisation_id = :org and id = :id", Map.of("org", organisationId, "id", id))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("proposal", id));
	}

	/** The proposals about any of the elements, newest first. */
	@Transactional(readOnly = true)
	public List<Proposal> forElements(long organisationId, List<UUID> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return this.repository.proposals("organisation_id = :org and element_key = any(:keys)",
				Map.of("org", organisationId, "keys", keys.toArray(UUID[]::new)));
	}

	@Transactional(readOnly = true)
	public List<Proposal> forStrategy(long organisationId, long strategyId) {
		return this.repository.proposals("organisation_id = :org and strategy_id = :strategy",
				Map.of("org", organisationId, "strategy", strategyId));
	}

	/**
	 * The decided proposals applied to a version, by the key of the element they changed
	 * (the new element's key for an added one).
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<Proposal>> appliedTo(long organisationId, long versionId) {
		Map<UUID, List<Proposal>> applied = new LinkedHashMap<>();
		for (Proposal proposal : this.repository.proposals("organisation_id = :org and applied_version_id = :version",
				Map.of("org", organisationId, "version", versionId))) {
			UUID key = proposal.appliedElementKey() != null ? proposal.appliedElementKey() : proposal.elementKey();
			applied.computeIfAbsent(key, k -> new ArrayList<>()).add(proposal);
		}
		return applied;
	}

	/**
	 * Proposes a revision of an element named by its id in any version (the draft's own
	 * key is replaced by that element's).
	 */
	public Proposal proposeFor(StratlasPrincipal user, long elementId, Proposal.Draft draft) {
		return propose(user, draft.about(this.strategies.ownElement(user.organisationId(), elementId).key()), null);
	}

	public Proposal propose(StratlasPrincipal user, Proposal.Draft draft) {
		return propose(user, draft, null);
	}

	public Proposal propose(StratlasPrincipal user, Proposal.Draft draft, String demoNote) {
		LearningJournal.requireStrategist(user);
		long org = user.organisationId();
		StrategyElement element = this.journal.element(org, draft.elementKey());
		ProposalDrafts.Checked checked = this.drafts.check(org, draft);
		List<Evidence> cited = this.evidence.resolve(org, draft.evidence());
		long id = this.jdbc.sql("""
				insert into learning_proposal (organisation_id, strategy_id, element_key, cycle_id, kind, title,
				name_sv, description_sv, child_type, indicator_id, target_comparator, target_value, target_deadline,
				motivation, proposed_by, demo_note, updated_by) values (:org, :strategy, :key, :cycle, :kind, :title,
				:name, :description, :childType, :indicator, :comparator, :value, :deadline, :motivation, :actor,
				:demo, :actor) returning id""")
			.param("org", org)
			.param("strategy", this.strategies.strategyOf(element).id())
			.param("key", draft.elementKey())
			.param("cycle", draft.cycleId())
			.param("kind", draft.kind().name())
			.param("title", checked.title())
			.param("name", checked.name())
			.param("description", checked.description())
			.param("childType", draft.kind() == Proposal.Kind.ADD_CHILD ? draft.childType().name() : null)
			.param("indicator", checked.indicatorId())
			.param("comparator", checked.comparator())
			.param("value", checked.value())
			.param("deadline", checked.deadline())
			.param("motivation", checked.motivation())
			.param("actor", user.username())
			.param("demo", demoNote)
			.query(Long.class)
			.single();
		this.repository.replaceEvidence("proposal_id", id, cited);
		this.audit.record(org, user.username(), PROPOSAL, id, "CREATED", checked.title(),
				Map.of("kind", new FieldChange(null, draft.kind().label()), "element",
						new FieldChange(null, element.label(null)), "motivation",
						new FieldChange(null, checked.motivation()), "evidence",
						new FieldChange(null, LearningJournal.labels(cited))));
		return get(org, id);
	}

	/**
	 * One step of a proposal by its name: {@code prepare}, {@code decide} or
	 * {@code reject}.
	 */
	public Proposal step(StratlasPrincipal user, long id, String step, int expectedVersion, String note) {
		return switch (step) {
			case "prepare" -> prepare(user, id, expectedVersion);
			case "decide" -> decide(user, id, expectedVersion, note);
			case "reject" -> reject(user, id, expectedVersion, note);
			default -> throw new ValidationException("step", "learning.proposal.unknownStep", step);
		};
	}

	/** Förslag → beredd: the proposal has been prepared and awaits a decision. */
	public Proposal prepare(StratlasPrincipal user, long id, int expectedVersion) {
		LearningJournal.requireStrategist(user);
		Proposal before = get(user.organisationId(), id);
		if (before.state() != Proposal.State.PROPOSED) {
			throw new ValidationException("state", "learning.proposal.notOpen");
		}
		move(user, before, expectedVersion, Proposal.State.PREPARED, null, null, null);
		return get(user.organisationId(), id);
	}

	/**
	 * Decides a proposal and applies it: to the strategy's draft version, or to the
	 * indicators. The proposer may not decide their own proposal.
	 */
	public Proposal decide(StratlasPrincipal user, long id, int expectedVersion, String note) {
		LearningJournal.requireStrategist(user);
		long org = user.organisationId();
		Proposal before = open(user, id);
		String decisionNote = Texts.optional("decisionNote", note, 4000);
		Long versionId = null;
		UUID appliedKey = null;
		String replaced = null;
		switch (before.kind()) {
			case WORDING, ADD_CHILD, REMOVE -> {
				StrategyVersion draft = draftVersion(user, before.strategyId());
				versionId = draft.id();
				appliedKey = applyToStrategy(user, draft, before);
			}
			case TARGET -> replaced = describe(this.targets
				.replaceTarget(org, before.indicatorId(), null, null,
						Target.Comparator.valueOf(before.targetComparator()), before.targetValue(),
						before.targetDeadline(), "Förslag till revidering: " + before.title(), user.username())
				.replaced());
			case RETIRE_INDICATOR ->
				this.links.unlinkElement(org, before.indicatorId(), before.elementKey(), user.username());
		}
		move(user, before, expectedVersion, Proposal.State.DECIDED, decisionNote, versionId, appliedKey);
		if (before.kind() == Proposal.Kind.TARGET) {
			this.audit.record(org, user.username(), PROPOSAL, id, "UPDATED", before.title(),
					Map.of("target", new FieldChange(replaced,
							describe(before.targetComparator(), before.targetValue(), before.targetDeadline()))));
		}
		return get(org, id);
	}

	/** The targets a decided proposal replaced, as the history shows them. */
	private static String describe(List<Target> replaced) {
		return replaced.isEmpty() ? "inget mål" : String.join("; ",
				replaced.stream().map(t -> describe(t.comparator().name(), t.value(), t.deadline().code())).toList());
	}

	private static String describe(String comparator, Double value, String deadline) {
		return ("AT_MOST".equals(comparator) ? "högst " : "minst ") + value + " senast " + deadline;
	}

	/** Rejects a proposal, with the reason; the proposer may not reject their own. */
	public Proposal reject(StratlasPrincipal user, long id, int expectedVersion, String note) {
		LearningJournal.requireStrategist(user);
		Proposal before = open(user, id);
		String reason = Texts.required("decisionNote", note, 4000);
		move(user, before, expectedVersion, Proposal.State.REJECTED, reason, null, null);
		return get(user.organisationId(), id);
	}

	private Proposal open(StratlasPrincipal user, long id) {
		Proposal proposal = get(user.organisationId(), id);
		if (!proposal.state().open()) {
			throw new ValidationException("state", "learning.proposal.notOpen");
		}
		if (proposal.proposedBy().equals(user.username())) {
			throw new ValidationException("state", "learning.proposal.ownDecision");
		}
		return proposal;
	}

	private void move(StratlasPrincipal user, Proposal before, int expectedVersion, Proposal.State to, String note,
			Long versionId, UUID appliedKey) {
		boolean decision = to == Proposal.State.DECIDED || to == Proposal.State.REJECTED;
		int updated = this.jdbc.sql("""
				update learning_proposal set state = :state, version = version + 1, updated_at = now(),
				updated_by = :actor, decided_by = :decidedBy, decided_at = case when :decision then now() end,
				decision_note = :note, applied_version_id = :versionId, applied_element_key = :appliedKey
				where id = :id and organisation_id = :org and version = :version""")
			.param("state", to.name())
			.param("actor", user.username())
			.param("decidedBy", decision ? user.username() : null)
			.param("decision", decision)
			.param("note", note)
			.param("versionId", versionId)
			.param("appliedKey", appliedKey)
			.param("id", before.id())
			.param("org", user.organisationId())
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(PROPOSAL, before.id(), before);
		}
		this.audit.record(user.organisationId(), user.username(), PROPOSAL, before.id(), to.name(), before.title(),
				Map.of("state", new FieldChange(before.state().label(), to.label()), "decisionNote",
						new FieldChange(before.decisionNote(), note)));
	}

	/**
	 * The strategy's version that decided changes go into: the latest version when it is
	 * a draft, else a new draft copied from it.
	 */
	private StrategyVersion draftVersion(StratlasPrincipal user, long strategyId) {
		long org = user.organisationId();
		StrategyVersion latest = this.strategies.latestVersion(org, strategyId);
		if (latest.status() == StrategyStatus.UTKAST) {
			return latest;
		}
		return this.management.createVersion(org, strategyId, "Revidering " + Year.now() + " (utkast)",
				StrategyStatus.UTKAST, user.username());
	}

	/** Makes the change in the draft; returns the key of an added element. */
	private UUID applyToStrategy(StratlasPrincipal user, StrategyVersion draft, Proposal proposal) {
		long org = user.organisationId();
		StrategyElement element = this.strategies.elements(org, draft.id())
			.stream()
			.filter(e -> e.key().equals(proposal.elementKey()))
			.findFirst()
			.orElseThrow(() -> new ValidationException("elementKey", "learning.proposal.elementGone"));
		switch (proposal.kind()) {
			case WORDING -> {
				this.elements.updateElement(org, element.id(), element.version(),
						new ElementDraft(element.type(), element.code(),
								Objects.requireNonNullElse(proposal.nameSv(), element.nameSv()), element.nameEn(),
								Objects.requireNonNullElse(proposal.descriptionSv(), element.descriptionSv()),
								element.descriptionEn(), element.aliases()),
						user.username());
				return null;
			}
			case ADD_CHILD -> {
				return this.elements
					.addElement(org, draft.id(), element.id(),
							new ElementDraft(proposal.childType(), null, proposal.nameSv(), null,
									proposal.descriptionSv(), null, List.of()),
							user.username())
					.key();
			}
			case REMOVE -> {
				this.elements.deleteElement(org, element.id(), element.version(), user.username());
				return null;
			}
			default -> throw new IllegalStateException(proposal.kind().name());
		}
	}

}
