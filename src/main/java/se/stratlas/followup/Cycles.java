package se.stratlas.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.Perspective;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.indicators.Period;
import se.stratlas.indicators.Period.PeriodFormatException;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyVersion;

/**
 * Setting up follow-up cycles: creating one from a template or from the last cycle in one
 * action, its sections, which unit answers what, its state, and the progress overview.
 * Only a strateg changes cycles; everyone in the organisation reads them.
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
			return "cycle.template." + name().toLowerCase(java.util.Locale.ROOT);
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

	private final se.stratlas.strategy.StrategyLevels levels;

	/** Who may be made responsible: asked of the accounts module, not of its table. */
	private final se.stratlas.accounts.UserAccounts users;

	Cycles(FollowupRepository repository, StrategyCatalog strategies, OrganisationUnits units, AuditTrail audit,
			se.stratlas.strategy.StrategyLevels levels, se.stratlas.accounts.UserAccounts users) {
		this.users = users;
		this.levels = levels;
		this.repository = repository;
		this.strategies = strategies;
		this.units = units;
		this.audit = audit;
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
	public java.util.Optional<Cycle> previous(long organisationId, Cycle cycle) {
		return list(organisationId).stream()
			.filter(c -> c.kind() == cycle.kind() && c.id() != cycle.id()
					&& c.periodCode().compareTo(cycle.periodCode()) < 0)
			.max(Comparator.comparing(Cycle::periodCode));
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
		Cycle.Draft clean = validate(user.organisationId(), draft);
		Cycle source = copyFromId == null ? null : get(user.organisationId(), copyFromId);
		Long strategyId = clean.strategyVersionId() == null ? null
				: this.strategies.version(user.organisationId(), clean.strategyVersionId()).strategyId();
		long id = this.repository.jdbc()
			.sql("""
					insert into followup_cycle (organisation_id, name, kind, period_code, strategy_id, strategy_version_id,
					opens_on, due_on, review_due_on, publish_on, copied_from_id, created_by, updated_by)
					values (:org, :name, :kind, :period, :strategy, :version, :opens, :due, :review, :publish, :source,
					:actor, :actor) returning id""")
			.param("org", user.organisationId())
			.param("name", clean.name())
			.param("kind", clean.kind().name())
			.param("period", clean.periodCode())
			.param("strategy", strategyId)
			.param("version", clean.strategyVersionId())
			.param("opens", clean.opensOn())
			.param("due", clean.dueOn())
			.param("review", clean.reviewDueOn())
			.param("publish", clean.publishOn())
			.param("source", copyFromId)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		Cycle cycle = get(user.organisationId(), id);
		if (source != null) {
			copyStructure(source, cycle);
		}
		else if (template == Template.STRATEGY) {
			if (clean.strategyVersionId() == null) {
				throw new ValidationException("strategyVersionId", "cycle.template.needsStrategy");
			}
			strategyTemplate(user.organisationId(), cycle);
		}
		else if (template == Template.SCORECARD) {
			scorecardTemplate(user.organisationId(), cycle, scorecardUnitIds == null ? List.of() : scorecardUnitIds);
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "CREATED", clean.name(),
				fields(null, clean));
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
		else if (!yearOf(source.periodCode()).equals(yearOf(period))
				&& source.name().contains(yearOf(source.periodCode()))) {
			name = source.name().replace(yearOf(source.periodCode()), yearOf(period));
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

	private static String yearOf(String periodCode) {
		return String.valueOf(Period.parse(periodCode).year());
	}

	private static LocalDate plusMonths(LocalDate date, long months) {
		return date == null ? null : date.plusMonths(months);
	}

	public Cycle update(StratlasPrincipal user, long id, int expectedVersion, Cycle.Draft draft) {
		requireStrategist(user);
		Cycle before = get(user.organisationId(), id);
		Cycle.Draft clean = validate(user.organisationId(), draft);
		Long strategyId = clean.strategyVersionId() == null ? null
				: this.strategies.version(user.organisationId(), clean.strategyVersionId()).strategyId();
		int updated = this.repository.jdbc()
			.sql("""
					update followup_cycle set name = :name, kind = :kind, period_code = :period, strategy_id = :strategy,
					strategy_version_id = :version, opens_on = :opens, due_on = :due, review_due_on = :review,
					publish_on = :publish, version = version + 1, updated_at = now(), updated_by = :actor
					where id = :id and organisation_id = :org and version = :expected""")
			.param("name", clean.name())
			.param("kind", clean.kind().name())
			.param("period", clean.periodCode())
			.param("strategy", strategyId)
			.param("version", clean.strategyVersionId())
			.param("opens", clean.opensOn())
			.param("due", clean.dueOn())
			.param("review", clean.reviewDueOn())
			.param("publish", clean.publishOn())
			.param("actor", user.username())
			.param("id", id)
			.param("org", user.organisationId())
			.param("expected", expectedVersion)
			.update();
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
				fields(before.draft(), clean));
		return get(user.organisationId(), id);
	}

	/**
	 * Moves the cycle one step on (or back): planerad → öppen → granskning → stängd →
	 * publicerad.
	 */
	public Cycle transition(StratlasPrincipal user, long id, int expectedVersion, CycleState target) {
		requireStrategist(user);
		Cycle before = get(user.organisationId(), id);
		if (target == null || !before.state().next().contains(target)) {
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

	private Cycle changeable(StratlasPrincipal user, long cycleId) {
		requireStrategist(user);
		Cycle cycle = get(user.organisationId(), cycleId);
		if (cycle.state() == CycleState.CLOSED || cycle.state() == CycleState.PUBLISHED) {
			throw new ValidationException("", "cycle.closed");
		}
		return cycle;
	}

	public Section addSection(StratlasPrincipal user, long cycleId, Section.Draft draft) {
		changeable(user, cycleId);
		Section.Draft clean = validate(draft);
		int position = this.repository.jdbc()
			.sql("select coalesce(max(position), 0) + 10 from followup_section where cycle_id = :cycle")
			.param("cycle", cycleId)
			.query(Integer.class)
			.single();
		long id = insertSection(cycleId, position, clean, null);
		this.audit.record(user.organisationId(), user.username(), "followup_section", id, "CREATED", clean.title(),
				Map.of("chapter", new FieldChange(null, clean.chapter()), "guidance",
						new FieldChange(null, clean.guidance())));
		return this.repository.section(cycleId, id);
	}

	public void updateSection(StratlasPrincipal user, long cycleId, long sectionId, Section.Draft draft) {
		changeable(user, cycleId);
		Section before = this.repository.section(cycleId, sectionId);
		Section.Draft clean = validate(draft);
		this.repository.jdbc()
			.sql("""
					update followup_section set chapter = :chapter, title = :title, guidance = :guidance, kind = :kind,
					perspective = :perspective, element_key = :element, indicator_codes = :indicators where id = :id""")
			.param("chapter", clean.chapter())
			.param("title", clean.title())
			.param("guidance", clean.guidance())
			.param("kind", clean.kind().name())
			.param("perspective", clean.perspective() == null ? null : clean.perspective().name())
			.param("element", clean.elementKey())
			.param("indicators", clean.indicatorCodes().toArray(String[]::new))
			.param("id", sectionId)
			.update();
		this.audit.record(user.organisationId(), user.username(), "followup_section", sectionId, "UPDATED",
				clean.title(),
				Map.of("title", new FieldChange(before.title(), clean.title()), "guidance",
						new FieldChange(before.guidance(), clean.guidance()), "chapter",
						new FieldChange(before.chapter(), clean.chapter())));
	}

	/**
	 * Moves a section one place up or down in the template (before a cycle is closed).
	 */
	public void moveSection(StratlasPrincipal user, long cycleId, long sectionId, boolean up) {
		changeable(user, cycleId);
		List<Section> sections = this.repository.sections(cycleId);
		int index = -1;
		for (int i = 0; i < sections.size(); i++) {
			if (sections.get(i).id() == sectionId) {
				index = i;
			}
		}
		if (index < 0) {
			throw new se.stratlas.shared.NotFoundException("section", sectionId);
		}
		int other = up ? index - 1 : index + 1;
		if (other < 0 || other >= sections.size()) {
			return;
		}
		Section a = sections.get(index);
		Section b = sections.get(other);
		// Positions may repeat in old data; give both distinct places around the pair's
		// lower one.
		int low = Math.min(a.position(), b.position());
		int high = Math.max(Math.max(a.position(), b.position()), low + 1);
		this.repository.jdbc()
			.sql("update followup_section set position = :position where id = :id")
			.param("position", up ? low : high)
			.param("id", a.id())
			.update();
		this.repository.jdbc()
			.sql("update followup_section set position = :position where id = :id")
			.param("position", up ? high : low)
			.param("id", b.id())
			.update();
		this.audit.record(user.organisationId(), user.username(), "followup_section", sectionId, "MOVED", a.title(),
				Map.of());
	}

	/** Removes a section; refused once any unit has written in it. */
	public void deleteSection(StratlasPrincipal user, long cycleId, long sectionId) {
		changeable(user, cycleId);
		Section section = this.repository.section(cycleId, sectionId);
		int written = this.repository.jdbc()
			.sql("select count(*) from followup_contribution where section_id = :id and revision > 0")
			.param("id", sectionId)
			.query(Integer.class)
			.single();
		if (written > 0) {
			throw new ValidationException("", "section.delete.hasText");
		}
		this.repository.jdbc().sql("delete from followup_section where id = :id").param("id", sectionId).update();
		this.audit.record(user.organisationId(), user.username(), "followup_section", sectionId, "DELETED",
				section.title(), Map.of());
	}

	/**
	 * Assigns sections to a unit with a responsible person and, optionally, a deadline of
	 * its own. An existing assignment gets the new person and deadline.
	 */
	public int assign(StratlasPrincipal user, long cycleId, List<Long> sectionIds, long unitId, Long responsibleUserId,
			LocalDate dueOn) {
		Cycle cycle = changeable(user, cycleId);
		this.units.get(user.organisationId(), unitId);
		if (sectionIds == null || sectionIds.isEmpty()) {
			throw new ValidationException("sectionIds", "assignment.sections.required");
		}
		if (responsibleUserId != null) {
			try {
				this.users.get(user.organisationId(), responsibleUserId);
			}
			catch (se.stratlas.shared.NotFoundException ex) {
				throw new ValidationException("responsibleUserId", "assignment.responsible.unknown");
			}
		}
		int count = 0;
		for (long sectionId : sectionIds) {
			this.repository.section(cycleId, sectionId);
			count += this.repository.jdbc()
				.sql("""
						insert into followup_contribution (organisation_id, cycle_id, section_id, unit_id,
						responsible_user_id, due_on, updated_by) values (:org, :cycle, :section, :unit, :responsible, :due, :actor)
						on conflict (section_id, unit_id) do update set responsible_user_id = excluded.responsible_user_id,
						due_on = excluded.due_on, version = followup_contribution.version + 1""")
				.param("org", user.organisationId())
				.param("cycle", cycleId)
				.param("section", sectionId)
				.param("unit", unitId)
				.param("responsible", responsibleUserId)
				.param("due", dueOn != null ? dueOn : cycle.dueOn())
				.param("actor", user.username())
				.update();
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, cycleId, "ASSIGNED", cycle.name(),
				Map.of("unit", new FieldChange(null, this.units.get(user.organisationId(), unitId).name()), "sections",
						new FieldChange(null, sectionIds.size())));
		return count;
	}

	/** Takes an assignment back; refused once the unit has written something. */
	public void unassign(StratlasPrincipal user, long cycleId, long contributionId) {
		changeable(user, cycleId);
		Contribution contribution = this.repository.contribution(user.organisationId(), contributionId);
		if (contribution.cycleId() != cycleId) {
			throw new ValidationException("", "assignment.unknown");
		}
		if (contribution.revision() > 0) {
			throw new ValidationException("", "assignment.delete.hasText");
		}
		this.repository.jdbc()
			.sql("delete from followup_contribution where id = :id")
			.param("id", contributionId)
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, cycleId, "UNASSIGNED", null, Map.of());
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

	private Cycle.Draft validate(long organisationId, Cycle.Draft draft) {
		List<Violation> violations = new ArrayList<>();
		String name = Texts.clean(draft.name());
		if (name == null) {
			violations.add(new Violation("name", "validation.required"));
		}
		if (draft.kind() == null) {
			violations.add(new Violation("kind", "validation.required"));
		}
		String period = Texts.clean(draft.periodCode());
		if (period == null) {
			violations.add(new Violation("periodCode", "validation.required"));
		}
		else {
			try {
				period = Period.parse(period).code();
			}
			catch (PeriodFormatException ex) {
				violations.add(new Violation("periodCode", "cycle.period.invalid", period));
			}
		}
		if (draft.strategyVersionId() != null) {
			try {
				StrategyVersion version = this.strategies.version(organisationId, draft.strategyVersionId());
				if (version == null) {
					violations.add(new Violation("strategyVersionId", "validation.unknown"));
				}
			}
			catch (RuntimeException ex) {
				violations.add(new Violation("strategyVersionId", "validation.unknown"));
			}
		}
		order(violations, draft.opensOn(), draft.dueOn(), "dueOn");
		order(violations, draft.dueOn(), draft.reviewDueOn(), "reviewDueOn");
		order(violations, draft.reviewDueOn(), draft.publishOn(), "publishOn");
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		return new Cycle.Draft(name, draft.kind(), period, draft.strategyVersionId(), draft.opensOn(), draft.dueOn(),
				draft.reviewDueOn(), draft.publishOn());
	}

	private static void order(List<Violation> violations, LocalDate earlier, LocalDate later, String field) {
		if (earlier != null && later != null && later.isBefore(earlier)) {
			violations.add(new Violation(field, "cycle.milestones.order"));
		}
	}

	private static Section.Draft validate(Section.Draft draft) {
		List<Violation> violations = new ArrayList<>();
		String chapter = Texts.clean(draft.chapter());
		String title = Texts.clean(draft.title());
		if (chapter == null) {
			violations.add(new Violation("chapter", "validation.required"));
		}
		if (title == null) {
			violations.add(new Violation("title", "validation.required"));
		}
		SectionKind kind = draft.kind() == null ? SectionKind.TEXT : draft.kind();
		if (kind == SectionKind.GOAL && draft.perspective() == null) {
			violations.add(new Violation("perspective", "section.perspective.required"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		List<String> codes = draft.indicatorCodes() == null ? List.of()
				: draft.indicatorCodes()
					.stream()
					.map(Texts::clean)
					.filter(java.util.Objects::nonNull)
					.distinct()
					.toList();
		return new Section.Draft(chapter, title, Texts.clean(draft.guidance()), kind,
				kind == SectionKind.GOAL ? draft.perspective() : null, draft.elementKey(), codes);
	}

	private long insertSection(long cycleId, int position, Section.Draft draft, Long copiedFrom) {
		return this.repository.jdbc()
			.sql("""
					insert into followup_section (cycle_id, position, chapter, title, guidance, kind, perspective,
					element_key, indicator_codes, copied_from_id)
					values (:cycle, :position, :chapter, :title, :guidance, :kind, :perspective, :element, :indicators, :source)
					returning id""")
			.param("cycle", cycleId)
			.param("position", position)
			.param("chapter", draft.chapter())
			.param("title", draft.title())
			.param("guidance", draft.guidance())
			.param("kind", draft.kind().name())
			.param("perspective", draft.perspective() == null ? null : draft.perspective().name())
			.param("element", draft.elementKey())
			.param("indicators", draft.indicatorCodes().toArray(String[]::new))
			.param("source", copiedFrom)
			.query(Long.class)
			.single();
	}

	private void copyStructure(Cycle source, Cycle target) {
		long shiftDays = source.dueOn() == null || target.dueOn() == null ? 0
				: ChronoUnit.DAYS.between(source.dueOn(), target.dueOn());
		Map<Long, Long> sectionIds = new HashMap<>();
		for (Section s : this.repository.sections(source.id())) {
			sectionIds.put(s.id(), insertSection(target.id(), s.position(), new Section.Draft(s.chapter(), s.title(),
					s.guidance(), s.kind(), s.perspective(), s.elementKey(), s.indicatorCodes()), s.id()));
		}
		for (Contribution c : this.repository.contributions(source.id())) {
			this.repository.jdbc()
				.sql("""
						insert into followup_contribution (organisation_id, cycle_id, section_id, unit_id, responsible_user_id,
						due_on, previous_id, updated_by) values (:org, :cycle, :section, :unit, :responsible, :due, :previous, :actor)""")
				.param("org", target.organisationId())
				.param("cycle", target.id())
				.param("section", sectionIds.get(c.sectionId()))
				.param("unit", c.unitId())
				.param("responsible", c.responsibleUserId())
				.param("due", c.dueOn() == null ? target.dueOn() : c.dueOn().plusDays(shiftDays))
				.param("previous", c.id())
				.param("actor", target.updatedBy())
				.update();
		}
		String fromYear = yearOf(source.periodCode());
		String toYear = yearOf(target.periodCode());
		for (Product p : this.repository.products(source.id())) {
			long productId = addProduct(target.id(), p.name().replace(fromYear, toYear), p.kind());
			for (long sectionId : p.sectionIds()) {
				linkProductSection(productId, sectionIds.get(sectionId));
			}
			// The product's own order of sections comes along.
			this.repository.jdbc()
				.sql("""
						update followup_product_section t set position = s.position from followup_product_section s
						join followup_section old on old.id = s.section_id
						join followup_section new on new.copied_from_id = old.id and new.cycle_id = :cycle
						where s.product_id = :source and t.product_id = :product and t.section_id = new.id""")
				.param("cycle", target.id())
				.param("source", p.id())
				.param("product", productId)
				.update();
		}
	}

	long addProduct(long cycleId, String name, ProductKind kind) {
		return this.repository.jdbc()
			.sql("insert into followup_product (cycle_id, name, kind) values (:cycle, :name, :kind) returning id")
			.param("cycle", cycleId)
			.param("name", name)
			.param("kind", kind.name())
			.query(Long.class)
			.single();
	}

	void linkProductSection(long productId, long sectionId) {
		this.repository.jdbc()
			.sql("insert into followup_product_section (product_id, section_id) values (:product, :section) on conflict do nothing")
			.param("product", productId)
			.param("section", sectionId)
			.update();
	}

	/**
	 * The sections of the annual follow-up report (seed 001), per priority and overall.
	 */
	private void strategyTemplate(long organisationId, Cycle cycle) {
		List<StrategyElement> elements = this.strategies.elements(organisationId, cycle.strategyVersionId());
		long strategyId = this.strategies.version(organisationId, cycle.strategyVersionId()).strategyId();
		List<StrategyElement> directions = elements.stream()
			.filter(e -> e.type() == ElementType.DIRECTION)
			.sorted(Comparator.comparing(StrategyElement::path))
			.toList();
		// Sections per element of the level the strategy is followed up by, named by the
		// strategy's own words: "Prioritering 3: …" in RUS, "Målområde 1: …" elsewhere.
		ElementType working = se.stratlas.strategy.StrategyLevels.workingLevel(elements);
		List<StrategyElement> priorities = elements.stream()
			.filter(e -> e.type() == working)
			.sorted(Comparator.comparing(StrategyElement::path))
			.toList();
		String levelName = working == null ? "" : this.levels.title(strategyId, working, false);
		boolean subPriorities = elements.stream().anyMatch(e -> e.type() == ElementType.SUB_PRIORITY);
		int position = 0;
		String overall = "Övergripande";
		for (String[] s : new String[][] {
				{ "Översikt över rapporten", "Hur rapporten har tagits fram, för vem och hur den ska läsas." },
				{ "Övergripande hållbarhetsmål och vägen dit",
						"Uppdraget från regeringen, de övergripande målen och vägen dit." } }) {
			insertSection(cycle.id(), position += 10,
					new Section.Draft(overall, s[0], s[1], SectionKind.TEXT, null, null, List.of()), null);
		}
		for (StrategyElement priority : priorities) {
			String chapter = (priority.code() == null ? "" : levelName + " " + priority.code() + ": ")
					+ priority.nameSv();
			List<String[]> skeleton = new ArrayList<>();
			skeleton.add(new String[] { "Omvärldsbevakning",
					"Trender, händelser och regelverk som påverkar arbetet inom " + chapter + "." });
			skeleton.add(new String[] { "Regionens bidrag",
					"Regionens eget bidrag under året" + (subPriorities ? "; ange vilka "
							+ this.levels.labels(strategyId, java.util.Locale.forLanguageTag("sv"), true)
								.get(ElementType.SUB_PRIORITY)
							+ " det gäller." : ".") });
			skeleton.add(new String[] { "Samverkan",
					"Nätverk och partnerskap där regionen deltar i någon roll (sammankallande, samordnare, medlem, projektägare)." });
			skeleton.add(new String[] { "Framgångsfaktorer och utmaningar",
					"Vad har fått arbetet att lyckas, och vad står i vägen?" });
			skeleton.add(new String[] { "Ett urval av insatser i länet",
					"Exempel på insatser som involverar aktörer i länet; länka insatserna." });
			for (StrategyElement direction : directions) {
				skeleton.add(new String[] { direction.nameSv(),
						"Hur insatserna inom " + chapter + " genomsyras av " + direction.nameSv() + "." });
			}
			skeleton.add(new String[] { "Agenda 2030", "Vilka mål i Agenda 2030 insatserna bidrar till." });
			for (String[] s : skeleton) {
				insertSection(cycle.id(), position += 10,
						new Section.Draft(chapter, s[0], s[1], SectionKind.TEXT, null, priority.key(), List.of()),
						null);
			}
		}
	}

	/**
	 * A tertial report's scorecard: one goal per perspective and the analysis sections.
	 */
	private void scorecardTemplate(long organisationId, Cycle cycle, List<Long> unitIds) {
		int position = 0;
		Map<Perspective, String> goals = new EnumMap<>(Perspective.class);
		goals.put(Perspective.MEDBORGARE, "Samlad måluppfyllelse i perspektivet medborgare");
		goals.put(Perspective.MEDARBETARE, "Samlad måluppfyllelse i perspektivet medarbetare");
		goals.put(Perspective.VERKSAMHET, "Samlad måluppfyllelse i perspektivet verksamhet");
		goals.put(Perspective.EKONOMI, "Samlad måluppfyllelse i perspektivet ekonomi");
		goals.put(Perspective.SAMHALLE, "Samlad måluppfyllelse i perspektivet samhälle");
		List<Long> sectionIds = new ArrayList<>();
		for (var goal : goals.entrySet()) {
			sectionIds.add(insertSection(cycle.id(), position += 10,
					new Section.Draft("Styrkort", goal.getValue(),
							"Bedöm måluppfyllelsen (uppnås, delvis, uppnås inte) och motivera bedömningen.",
							SectionKind.GOAL, goal.getKey(), null, List.of()),
					null));
		}
		for (String[] s : new String[][] {
				{ "Analys av ekonomisk situation och verksamhet", "Periodens resultat mot budget och orsakerna." },
				{ "Prognos för ekonomin", "Helårsprognosen och vad den bygger på." },
				{ "Personal och bemanning", "Antal anställda, sjukfrånvaro och arbetad tid." } }) {
			sectionIds.add(insertSection(cycle.id(), position += 10,
					new Section.Draft("Analys", s[0], s[1], SectionKind.TEXT, null, null, List.of()), null));
		}
		for (long unitId : unitIds) {
			this.units.get(organisationId, unitId);
			for (long sectionId : sectionIds) {
				this.repository.jdbc()
					.sql("""
							insert into followup_contribution (organisation_id, cycle_id, section_id, unit_id, due_on, updated_by)
							values (:org, :cycle, :section, :unit, :due, :actor)""")
					.param("org", organisationId)
					.param("cycle", cycle.id())
					.param("section", sectionId)
					.param("unit", unitId)
					.param("due", cycle.dueOn())
					.param("actor", cycle.updatedBy())
					.update();
			}
		}
	}

	private static Map<String, FieldChange> fields(Cycle.Draft before, Cycle.Draft after) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("name", new FieldChange(before == null ? null : before.name(), after.name()));
		changes.put("periodCode", new FieldChange(before == null ? null : before.periodCode(), after.periodCode()));
		changes.put("opensOn", new FieldChange(before == null ? null : before.opensOn(), after.opensOn()));
		changes.put("dueOn", new FieldChange(before == null ? null : before.dueOn(), after.dueOn()));
		changes.put("reviewDueOn", new FieldChange(before == null ? null : before.reviewDueOn(), after.reviewDueOn()));
		changes.put("publishOn", new FieldChange(before == null ? null : before.publishOn(), after.publishOn()));
		return changes;
	}

	/** Contribution states a unit counts as "not delivered". */
	static final Set<ContributionState> OPEN_STATES = Set.of(ContributionState.NOT_STARTED, ContributionState.DRAFT,
			ContributionState.RETURNED);

}
