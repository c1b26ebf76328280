package se.stratlas.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccount;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Kinds.SectionTopic;
import se.stratlas.followup.internal.FollowupRepository;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.shared.ValidationException;

/**
 * A cycle's template of sections and who answers them: sections added, changed, moved and
 * removed, units assigned with a responsible person and a deadline, and the overview the
 * template screen shows. Only a strateg changes them, and only before the cycle is
 * closed.
 */
@Component
@Transactional
public class CycleSections {

	/**
	 * The template screen: sections by chapter, who answers each, and the people who may
	 * be made responsible, by unit.
	 */
	public record Overview(Cycle cycle, List<Section> sections, Map<String, List<Section>> chapters,
			Map<Long, List<Contribution>> bySection, Map<Long, String> unitNames, Map<Long, String> userNames,
			Map<String, List<UserAccount>> peopleByUnit, boolean canManage, List<OrganisationUnit> units,
			List<IndicatorDefinition> indicatorChoices) {
	}

	/** A section to change, its cycle and the indicators it may show. */
	public record SectionPage(Cycle cycle, Section section, List<IndicatorDefinition> indicatorChoices) {
	}

	private final FollowupRepository repository;

	private final Cycles cycles;

	private final OrganisationUnits units;

	private final AuditTrail audit;

	/** Who may be made responsible: asked of the accounts module, not of its table. */
	private final UserAccounts users;

	private final IndicatorRegistry indicators;

	CycleSections(FollowupRepository repository, Cycles cycles, OrganisationUnits units, AuditTrail audit,
			UserAccounts users, IndicatorRegistry indicators) {
		this.repository = repository;
		this.cycles = cycles;
		this.units = units;
		this.audit = audit;
		this.users = users;
		this.indicators = indicators;
	}

	/**
	 * The template screen's content. People who may be responsible are those who write
	 * (rapportörer and strateger), by unit, so that a unit's own people come together;
	 * administrators and läsare are not offered. Those without a unit come under
	 * {@code noUnit}.
	 */
	@Transactional(readOnly = true)
	public Overview overview(StratlasPrincipal user, long cycleId, String noUnit) {
		long organisationId = user.organisationId();
		Cycle cycle = this.cycles.get(organisationId, cycleId);
		List<Section> sections = this.cycles.sections(organisationId, cycleId);
		Map<Long, List<Contribution>> bySection = new LinkedHashMap<>();
		for (Contribution c : this.cycles.contributions(organisationId, cycleId)) {
			bySection.computeIfAbsent(c.sectionId(), k -> new ArrayList<>()).add(c);
		}
		Map<String, List<Section>> chapters = new LinkedHashMap<>();
		sections.forEach(s -> chapters.computeIfAbsent(s.chapter(), k -> new ArrayList<>()).add(s));
		Map<Long, String> unitNames = this.units.names(organisationId);
		List<UserAccount> accounts = this.users.list(organisationId);
		Map<Long, String> userNames = new LinkedHashMap<>();
		accounts.forEach(u -> userNames.put(u.id(), u.displayName()));
		Map<String, List<UserAccount>> people = new TreeMap<>();
		for (UserAccount account : accounts) {
			boolean writes = account.enabled()
					&& (account.roles().contains(Role.REPORTER) || account.roles().contains(Role.STRATEGIST));
			if (writes) {
				String unit = account.unitId() == null ? noUnit : unitNames.getOrDefault(account.unitId(), "");
				people.computeIfAbsent(unit, k -> new ArrayList<>()).add(account);
			}
		}
		boolean canManage = user.can(Role.STRATEGIST) && cycle.state() != CycleState.CLOSED
				&& cycle.state() != CycleState.PUBLISHED;
		return new Overview(cycle, sections, chapters, bySection, unitNames, userNames, people, canManage,
				this.units.list(organisationId), this.indicators.definitions(organisationId));
	}

	/** What the section form shows. */
	@Transactional(readOnly = true)
	public SectionPage sectionPage(long organisationId, long cycleId, long sectionId) {
		return new SectionPage(this.cycles.get(organisationId, cycleId), section(organisationId, cycleId, sectionId),
				this.indicators.definitions(organisationId));
	}

	/** One section of the organisation's cycle. */
	@Transactional(readOnly = true)
	public Section section(long organisationId, long cycleId, long sectionId) {
		return this.cycles.sections(organisationId, cycleId)
			.stream()
			.filter(s -> s.id() == sectionId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("section", sectionId));
	}

	public Section addSection(StratlasPrincipal user, long cycleId, Section.Draft draft) {
		this.cycles.changeable(user, cycleId);
		Section.Draft clean = validate(draft);
		int position = this.repository.jdbc()
			.sql("select coalesce(max(position), 0) + 10 from followup_section where cycle_id = :cycle")
			.param("cycle", cycleId)
			.query(Integer.class)
			.single();
		long id = this.repository.insertSection(cycleId, position, clean, null);
		this.audit.record(user.organisationId(), user.username(), "followup_section", id, "CREATED", clean.title(),
				Map.of("chapter", new FieldChange(null, clean.chapter()), "guidance",
						new FieldChange(null, clean.guidance())));
		return this.repository.section(cycleId, id);
	}

	/** Changes a section and answers with it as changed. */
	public Section updateSection(StratlasPrincipal user, long cycleId, long sectionId, Section.Draft draft) {
		this.cycles.changeable(user, cycleId);
		Section before = this.repository.section(cycleId, sectionId);
		Section.Draft clean = validate(draft);
		this.repository.jdbc()
			.sql("""
					update followup_section set chapter = :chapter, title = :title, guidance = :guidance, kind = :kind,
					perspective = :perspective, element_key = :element, indicator_codes = :indicators, topic = :topic
					where id = :id""")
			.param("chapter", clean.chapter())
			.param("title", clean.title())
			.param("guidance", clean.guidance())
			.param("kind", clean.kind().name())
			.param("perspective", clean.perspective() == null ? null : clean.perspective().name())
			.param("element", clean.elementKey())
			.param("indicators", clean.indicatorCodes().toArray(String[]::new))
			.param("topic", clean.topic().name())
			.param("id", sectionId)
			.update();
		this.audit.record(user.organisationId(), user.username(), "followup_section", sectionId, "UPDATED",
				clean.title(),
				Map.of("title", new FieldChange(before.title(), clean.title()), "guidance",
						new FieldChange(before.guidance(), clean.guidance()), "chapter",
						new FieldChange(before.chapter(), clean.chapter())));
		return this.repository.section(cycleId, sectionId);
	}

	/**
	 * Moves a section one place up or down in the template (before a cycle is closed) and
	 * answers with the cycle's sections in their new order.
	 */
	public List<Section> moveSection(StratlasPrincipal user, long cycleId, long sectionId, boolean up) {
		this.cycles.changeable(user, cycleId);
		List<Section> sections = this.repository.sections(cycleId);
		int index = -1;
		for (int i = 0; i < sections.size(); i++) {
			if (sections.get(i).id() == sectionId) {
				index = i;
			}
		}
		if (index < 0) {
			throw new NotFoundException("section", sectionId);
		}
		int other = up ? index - 1 : index + 1;
		if (other < 0 || other >= sections.size()) {
			return sections;
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
		return this.repository.sections(cycleId);
	}

	/** Removes a section; refused once any unit has written in it. */
	public void deleteSection(StratlasPrincipal user, long cycleId, long sectionId) {
		this.cycles.changeable(user, cycleId);
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
	public int assign(StratlasPrincipal user, long cycleId, List<Long> sectionIds, Long unitId, Long responsibleUserId,
			LocalDate dueOn) {
		Cycle cycle = this.cycles.changeable(user, cycleId);
		if (unitId == null) {
			throw new ValidationException("unitId", "validation.required");
		}
		this.units.get(user.organisationId(), unitId);
		if (sectionIds == null || sectionIds.isEmpty()) {
			throw new ValidationException("sectionIds", "assignment.sections.required");
		}
		if (responsibleUserId != null) {
			try {
				this.users.get(user.organisationId(), responsibleUserId);
			}
			catch (NotFoundException ex) {
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
		this.audit.record(user.organisationId(), user.username(), Cycles.ENTITY, cycleId, "ASSIGNED", cycle.name(),
				Map.of("unit", new FieldChange(null, this.units.get(user.organisationId(), unitId).name()), "sections",
						new FieldChange(null, sectionIds.size())));
		return count;
	}

	/** Takes an assignment back; refused once the unit has written something. */
	public void unassign(StratlasPrincipal user, long cycleId, long contributionId) {
		this.cycles.changeable(user, cycleId);
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
		this.audit.record(user.organisationId(), user.username(), Cycles.ENTITY, cycleId, "UNASSIGNED", null, Map.of());
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
				: draft.indicatorCodes().stream().map(Texts::clean).filter(Objects::nonNull).distinct().toList();
		return new Section.Draft(chapter, title, Texts.clean(draft.guidance()), kind,
				kind == SectionKind.GOAL ? draft.perspective() : null, draft.elementKey(), codes,
				draft.topic() == null ? SectionTopic.GENERAL : draft.topic());
	}

}
