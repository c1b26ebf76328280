package se.stratlas.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditEvent;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.internal.CycleChecks;
import se.stratlas.followup.internal.CycleTemplates;
import se.stratlas.followup.internal.FollowupRepository;
import se.stratlas.indicators.Period;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyVersion;

/**
 * Follow-up cycles through their life: creating one from a template or from the last
 * cycle in one action, its milestones, its state, and the progress overview. Sections and
 * assignments are in {@link CycleSections}. Only a strateg changes cycles; everyone in
 * the organisation reads them.
 */
@Component
@Transactional
public class Cycles {

	static final String ENTITY = "followup_cycle";

	/** How a new cycle gets its sections. */
	public enum Template {

		/** No sections: the strateg adds them. */
		EMPTY,
		/**
		 * Per priority of the strategy version the sections of the annual follow-up
		 * report (seed 001), plus the overall ones.
		 */
		STRATEGY,
		/**
		 * A scorecard with the five perspectives and the analysis of a tertial report.
		 */
		SCORECARD;

		public String messageKey() {
			return "cycle.template." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** One unit's progress in a cycle. */
	public record UnitProgress(long unitId, String unitName, Map<String, Integer> counts, int total) {

		public int count(String key) {
			return this.counts.getOrDefault(key, 0);
		}

	}

	private final FollowupRepository repository;

	private final StrategyCatalog strategies;

	private final OrganisationUnits units;

	private final AuditTrail audit;

	private final CycleTemplates templates;

	private final CycleChecks checks;

	Cycles(FollowupRepository repository, StrategyCatalog strategies, OrganisationUnits units, AuditTrail audit,
			CycleTemplates templates, CycleChecks checks) {
		this.repository = repository;
		this.strategies = strategies;
		this.units = units;
		this.audit = audit;
		this.templates = templates;
		this.checks = checks;
	}

	@Transactional(readOnly = true)
	public List<Cycle> list(long organisationId) {
		return this.repository.cycles(organisationId);
	}

	@Transactional(readOnly = true)
	public Cycle get(long organisationId, long id) {
		return this.repository.cycle(organisationId, id);
	}

	@Transactional(readOnly = true)
	public List<Section> sections(long organisationId, long cycleId) {
		get(organisationId, cycleId);
		return this.repository.sections(cycleId);
	}

	@Transactional(readOnly = true)
	public List<Contribution> contributions(long organisationId, long cycleId) {
		get(organisationId, cycleId);
		return this.repository.contributions(cycleId);
	}

	/** The cycle of the same kind that came last before this one, if any. */
	@Transactional(readOnly = true)
	public Optional<Cycle> previous(long organisationId, Cycle cycle) {
		return list(organisationId).stream()
			.filter(c -> c.kind() == cycle.kind() && c.id() != cycle.id()
					&& c.periodCode().compareTo(cycle.periodCode()) < 0)
			.max(Comparator.comparing(Cycle::periodCode));
	}

	/** A strategy version to follow up, as a select shows it. */
	public record VersionChoice(long id, String label) {
	}

	/**
	 * The cycle screen: milestones and state, progress per unit, report products, the
	 * cycle before it, its history and the strategy version it follows up.
	 */
	public record Page(Cycle cycle, List<UnitProgress> progress, List<Product> products, Cycle previous,
			List<AuditEvent> history, String strategyVersion) {
	}

	/**
	 * The cycle form: the cycle (none for a new one) and what its selects offer, the
	 * strategy versions to follow up, the cycles to copy and the units to ask.
	 */
	public record FormPage(@Nullable Cycle cycle, List<VersionChoice> versions, List<Cycle> previousCycles,
			List<OrganisationUnit> units) {
	}

	/**
	 * What the cycle form shows, for a new cycle ({@code id} null) or a cycle to change.
	 */
	@Transactional(readOnly = true)
	public FormPage formPage(long organisationId, @Nullable Long id) {
		return new FormPage(id == null ? null : get(organisationId, id), versionChoices(organisationId),
				list(organisationId), this.units.list(organisationId));
	}

	/** The versions of the organisation's own strategies a cycle may follow up. */
	@Transactional(readOnly = true)
	public List<VersionChoice> versionChoices(long organisationId) {
		List<VersionChoice> choices = new ArrayList<>();
		for (Strategy strategy : this.strategies.strategies(organisationId)) {
			if (strategy.organisationId() == null) {
				continue;
			}
			for (StrategyVersion version : this.strategies.versions(organisationId, strategy.id())) {
				choices.add(new VersionChoice(version.id(), strategy.nameSv() + " – " + version.label()));
			}
		}
		return choices;
	}

	/** What the cycle screen shows. */
	@Transactional(readOnly = true)
	public Page page(long organisationId, long id, LocalDate today) {
		Cycle cycle = get(organisationId, id);
		String version = cycle.strategyVersionId() == null ? null
				: versionChoices(organisationId).stream()
					.filter(v -> v.id() == cycle.strategyVersionId())
					.findFirst()
					.map(VersionChoice::label)
					.orElse(null);
		return new Page(cycle, progress(organisationId, id, today), this.repository.products(id),
				previous(organisationId, cycle).orElse(null), this.audit.history(ENTITY, id), version);
	}

	/** A cycle with its template, who answers what and the progress per unit. */
	@Transactional(readOnly = true)
	public CycleView view(long organisationId, long id, LocalDate today) {
		return new CycleView(get(organisationId, id), sections(organisationId, id), contributions(organisationId, id),
				progress(organisationId, id, today));
	}

	private static void requireStrategist(StratlasPrincipal user) {
		if (!user.can(Role.STRATEGIST)) {
			throw new AccessDeniedException("Only a strateg sets up follow-up cycles");
		}
	}

	/**
	 * Creates a cycle. With {@code copyFromId} its sections, assignments and report
	 * products are copied from that cycle and the milestones move by as many years as the
	 * periods differ; texts are never copied silently (each contribution remembers its
	 * predecessor, whose text the unit may take as a starting point).
	 */
	public Cycle create(StratlasPrincipal user, Cycle.Draft draft, Template template, Long copyFromId,
			List<Long> scorecardUnitIds) {
		requireStrategist(user);
		Cycle.Draft clean = this.checks.validate(user.organisationId(), draft);
		Cycle source = copyFromId == null ? null : get(user.organisationId(), copyFromId);
		Long strategyId = clean.strategyVersionId() == null ? null
				: this.strategies.version(user.organisationId(), clean.strategyVersionId()).strategyId();
		long id = this.repository.insertCycle(user.organisationId(), clean, strategyId, copyFromId, user.username());
		Cycle cycle = get(user.organisationId(), id);
		if (source != null) {
			this.templates.copy(source, cycle);
		}
		else if (template == Template.STRATEGY) {
			if (clean.strategyVersionId() == null) {
				throw new ValidationException("strategyVersionId", "cycle.template.needsStrategy");
			}
			this.templates.strategy(user.organisationId(), cycle);
		}
		else if (template == Template.SCORECARD) {
			this.templates.scorecard(user.organisationId(), cycle,
					scorecardUnitIds == null ? List.of() : scorecardUnitIds);
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "CREATED", clean.name(),
				CycleChecks.fields(null, clean));
		return cycle;
	}

	/**
	 * Creates the next cycle from the last one in one action: an annual cycle moves a
	 * year on, a tertial or monthly one to the next period; the milestones move with it.
	 */
	public Cycle createNext(StratlasPrincipal user, long sourceId) {
		Cycle source = get(user.organisationId(), sourceId);
		String period = nextPeriod(source.kind(), source.periodCode());
		long months = ChronoUnit.MONTHS.between(Period.parse(source.periodCode()).start(),
				Period.parse(period).start());
		String name;
		if (source.name().contains(source.periodCode())) {
			name = source.name().replace(source.periodCode(), period);
		}
		else if (!CycleTemplates.yearOf(source.periodCode()).equals(CycleTemplates.yearOf(period))
				&& source.name().contains(CycleTemplates.yearOf(source.periodCode()))) {
			name = source.name().replace(CycleTemplates.yearOf(source.periodCode()), CycleTemplates.yearOf(period));
		}
		else {
			name = source.name() + " " + period;
		}
		return create(user,
				new Cycle.Draft(name, source.kind(), period, latestVersionId(user.organisationId(), source),
						plusMonths(source.opensOn(), months), plusMonths(source.dueOn(), months),
						plusMonths(source.reviewDueOn(), months), plusMonths(source.publishOn(), months)),
				Template.EMPTY, sourceId, null);
	}

	private Long latestVersionId(long organisationId, Cycle source) {
		if (source.strategyId() == null) {
			return source.strategyVersionId();
		}
		return this.strategies.latestVersion(organisationId, source.strategyId()).id();
	}

	/**
	 * The period the next cycle follows up: next year for an annual one, else the next
	 * period.
	 */
	static String nextPeriod(CycleKind kind, String code) {
		Period period = Period.parse(code);
		return (kind == CycleKind.ANNUAL ? Period.year(period.year() + 1) : period.next()).code();
	}

	private static LocalDate plusMonths(LocalDate date, long months) {
		return date == null ? null : date.plusMonths(months);
	}

	public Cycle update(StratlasPrincipal user, long id, int expectedVersion, Cycle.Draft draft) {
		requireStrategist(user);
		Cycle before = get(user.organisationId(), id);
		Cycle.Draft clean = this.checks.validate(user.organisationId(), draft);
		Long strategyId = clean.strategyVersionId() == null ? null
				: this.strategies.version(user.organisationId(), clean.strategyVersionId()).strategyId();
		int updated = this.repository.updateCycle(user.organisationId(), id, expectedVersion, clean, strategyId,
				user.username());
		if (updated == 0) {
			throw new EditConflictException(ENTITY, id, before);
		}
		// Contributions without a deadline of their own follow the cycle's.
		this.repository.jdbc()
			.sql("update followup_contribution set due_on = :due where cycle_id = :id and due_on is not distinct from :old")
			.param("due", clean.dueOn())
			.param("id", id)
			.param("old", before.dueOn())
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", clean.name(),
				CycleChecks.fields(before.draft(), clean));
		return get(user.organisationId(), id);
	}

	/**
	 * Moves the cycle one step on (or back): planerad → öppen → granskning → stängd →
	 * publicerad.
	 */
	public Cycle transition(StratlasPrincipal user, long id, int expectedVersion, CycleState target) {
		requireStrategist(user);
		Cycle before = get(user.organisationId(), id);
		if (target == null) {
			throw new ValidationException("state", "validation.required");
		}
		if (!before.state().next().contains(target)) {
			throw new ValidationException("state", "cycle.state.notAllowed");
		}
		if (target == CycleState.OPEN && this.repository.sections(id).isEmpty()) {
			throw new ValidationException("state", "cycle.open.noSections");
		}
		int updated = this.repository.jdbc()
			.sql("""
					update followup_cycle set state = :state, version = version + 1, updated_at = now(), updated_by = :actor
					where id = :id and organisation_id = :org and version = :expected""")
			.param("state", target.name())
			.param("actor", user.username())
			.param("id", id)
			.param("org", user.organisationId())
			.param("expected", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(ENTITY, id, before);
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "STATE", before.name(),
				Map.of("state", new FieldChange(before.state().name(), target.name())));
		return get(user.organisationId(), id);
	}

	Cycle changeable(StratlasPrincipal user, long cycleId) {
		requireStrategist(user);
		Cycle cycle = get(user.organisationId(), cycleId);
		if (cycle.state() == CycleState.CLOSED || cycle.state() == CycleState.PUBLISHED) {
			throw new ValidationException("", "cycle.closed");
		}
		return cycle;
	}

	/**
	 * Labels a cycle and its written contributions as demo data, with a note on where the
	 * texts come from and what was invented; the note is shown wherever they appear.
	 */
	public void labelDemo(long organisationId, long cycleId, String cycleNote, String contributionNote) {
		this.repository.jdbc()
			.sql("update followup_cycle set demo_note = :note where id = :id and organisation_id = :org")
			.param("note", cycleNote)
			.param("id", cycleId)
			.param("org", organisationId)
			.update();
		this.repository.jdbc()
			.sql("update followup_contribution set demo_note = :note where cycle_id = :id and organisation_id = :org and revision > 0")
			.param("note", contributionNote)
			.param("id", cycleId)
			.param("org", organisationId)
			.update();
	}

	/** Per unit: how many of its contributions stand where, late ones counted as late. */
	@Transactional(readOnly = true)
	public List<UnitProgress> progress(long organisationId, long cycleId, LocalDate today) {
		Map<Long, String> names = this.units.names(organisationId);
		Map<Long, Map<String, Integer>> counts = new LinkedHashMap<>();
		Map<Long, Integer> totals = new HashMap<>();
		for (Contribution c : contributions(organisationId, cycleId)) {
			counts.computeIfAbsent(c.unitId(), k -> new HashMap<>()).merge(c.progressKey(today), 1, Integer::sum);
			totals.merge(c.unitId(), 1, Integer::sum);
		}
		List<UnitProgress> progress = new ArrayList<>();
		counts.forEach((unit, byState) -> progress
			.add(new UnitProgress(unit, names.getOrDefault(unit, "?"), byState, totals.get(unit))));
		progress.sort(Comparator.comparing(UnitProgress::unitName));
		return progress;
	}

	/** Contribution states a unit counts as "not delivered". */
	static final Set<ContributionState> OPEN_STATES = Set.of(ContributionState.NOT_STARTED, ContributionState.DRAFT,
			ContributionState.RETURNED);

}
