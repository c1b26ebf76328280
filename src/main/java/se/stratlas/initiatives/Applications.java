package se.stratlas.initiatives;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.actors.Partnership;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.initiatives.Kinds.Decision;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Parts.Assessment;
import se.stratlas.initiatives.Parts.AssessmentDraft;
import se.stratlas.initiatives.internal.InitiativeRepository;
import se.stratlas.shared.Bounds;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.strategy.AssessmentLevel;
import se.stratlas.strategy.Direction;
import se.stratlas.strategy.StrategyCatalog;

/**
 * Applications for funding: registered and assessed against the strategy's directions by
 * a project officer, decided by a granskare. A direction marked as a gate must be
 * assessed positively before a grant; a grant turns the application into an initiative.
 */
@Component
@Transactional
public class Applications {

	static final String ENTITY = "application";

	private static final RowMapper<Application> APPLICATION = (rs, row) -> {
		Date decided = rs.getDate("decision_date");
		return new Application(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("strategy_id"),
				rs.getString("title"), InitiativeRepository.nullableLong(rs, "applicant_id"), null,
				rs.getString("description"), rs.getBigDecimal("amount_applied"), rs.getBigDecimal("amount_granted"),
				FundingSource.valueOf(rs.getString("funding_source")), Decision.valueOf(rs.getString("decision")),
				decided == null ? null : decided.toLocalDate(), rs.getString("decided_by"),
				rs.getString("decision_note"), InitiativeRepository.nullableLong(rs, "initiative_id"),
				rs.getInt("version"));
	};

	private static final String SELECT = "select p.* from initiatives_application p";

	private final InitiativeRepository repository;

	private final InitiativeManagement initiatives;

	private final InitiativeParts parts;

	private final StrategyCatalog strategies;

	private final ActorRegistry actors;

	private final AuditTrail audit;

	Applications(InitiativeRepository repository, InitiativeManagement initiatives, InitiativeParts parts,
			StrategyCatalog strategies, ActorRegistry actors, AuditTrail audit) {
		this.repository = repository;
		this.initiatives = initiatives;
		this.parts = parts;
		this.strategies = strategies;
		this.actors = actors;
		this.audit = audit;
	}

	/**
	 * Why a grant is refused: one line per gate direction whose assessment is missing or
	 * not positive.
	 */
	public record GateCheck(List<String> missing, List<String> notPositive) {

		public boolean open() {
			return this.missing.isEmpty() && this.notPositive.isEmpty();
		}

	}

	@Transactional(readOnly = true)
	public List<Application> list(long organisationId, Decision decision) {
		return named(organisationId,
				this.repository.jdbc()
					.sql(SELECT + " where p.organisation_id = :org and (cast(:d as text) is null or p.decision = :d)"
							+ " order by p.created_at desc, p.id desc")
					.param("org", organisationId)
					.param("d", decision == null ? null : decision.name())
					.query(APPLICATION)
					.list());
	}

	@Transactional(readOnly = true)
	public Application get(long organisationId, long id) {
		Application application = this.repository.jdbc()
			.sql(SELECT + " where p.organisation_id = :org and p.id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query(APPLICATION)
			.optional()
			.orElseThrow(() -> new NotFoundException(ENTITY, id));
		return named(organisationId, List.of(application)).get(0);
	}

	/**
	 * The applications with their applicants' names, asked of the actors module once for
	 * all of them.
	 */
	private List<Application> named(long organisationId, List<Application> applications) {
		Map<Long, String> names = this.actors.names(organisationId,
				applications.stream().map(Application::applicantId).filter(Objects::nonNull).toList());
		return applications.stream()
			.map(a -> a.applicantId() == null ? a
					: new Application(a.id(), a.organisationId(), a.strategyId(), a.title(), a.applicantId(),
							names.get(a.applicantId()), a.description(), a.amountApplied(), a.amountGranted(),
							a.fundingSource(), a.decision(), a.decisionDate(), a.decidedBy(), a.decisionNote(),
							a.initiativeId(), a.version()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<Assessment> assessments(long organisationId, long id) {
		get(organisationId, id);
		return this.repository.assessmentsOfApplication(id);
	}

	/** The application with its assessments and its gate check. */
	@Transactional(readOnly = true)
	public ApplicationDetails details(long organisationId, long id) {
		return new ApplicationDetails(get(organisationId, id), assessments(organisationId, id),
				gate(organisationId, id));
	}

	public Application register(StratlasPrincipal user, Application.Draft draft) {
		List<Violation> violations = new ArrayList<>();
		if (Texts.clean(draft.title()) == null) {
			violations.add(new Violation("title", "validation.required"));
		}
		if (!Bounds.kronor(draft.amountApplied())) {
			violations.add(new Violation("amountApplied", "funding.amount.invalid"));
		}
		if (draft.fundingSource() == null) {
			violations.add(new Violation("fundingSource", "validation.required"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		this.strategies.strategy(user.organisationId(), draft.strategyId());
		if (draft.applicantId() != null) {
			this.actors.actor(user.organisationId(), draft.applicantId());
		}
		long id = this.repository.jdbc()
			.sql("""
					insert into initiatives_application (organisation_id, strategy_id, title, applicant_id, description,
					amount_applied, funding_source, unit_id, created_by, updated_by)
					values (:org, :strategy, :title, :applicant, :description, :amount, :source, :unit, :actor, :actor)
					returning id""")
			.param("unit", user.unitId())
			.param("org", user.organisationId())
			.param("strategy", draft.strategyId())
			.param("title", draft.title().strip())
			.param("applicant", draft.applicantId())
			.param("description", Texts.clean(draft.description()))
			.param("amount", draft.amountApplied())
			.param("source", draft.fundingSource().name())
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "CREATED", draft.title(),
				Map.of("amountApplied", new FieldChange(null, draft.amountApplied())));
		return get(user.organisationId(), id);
	}

	/** Records the application's assessment against one direction of its strategy. */
	public void assess(StratlasPrincipal user, long id, AssessmentDraft draft) {
		Application application = get(user.organisationId(), id);
		if (application.decision() != Decision.INKOMMEN) {
			throw new ValidationException("levelCode", "application.alreadyDecided");
		}
		AssessmentLevel level = this.parts.validateAssessment(user.organisationId(), application.strategyId(), draft);
		this.parts.upsertAssessment("application_id", id, draft, level, user.username());
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "ASSESSED", application.title(),
				Map.of("assessment", new FieldChange(null, level.nameSv())));
	}

	/**
	 * Checks the gate directions of the application's strategy against its assessments.
	 */
	@Transactional(readOnly = true)
	public GateCheck gate(long organisationId, long id) {
		Application application = get(organisationId, id);
		List<Assessment> assessments = this.repository.assessmentsOfApplication(id);
		List<String> missing = new ArrayList<>();
		List<String> notPositive = new ArrayList<>();
		for (Direction direction : this.strategies.directions(organisationId, application.strategyId())) {
			if (!direction.fundingGate()) {
				continue;
			}
			Optional<Assessment> assessment = assessments.stream()
				.filter(a -> a.directionKey().equals(direction.element().key()))
				.findFirst();
			if (assessment.isEmpty()) {
				missing.add(direction.element().nameSv());
			}
			else if (!assessment.get().positive()) {
				notPositive.add(direction.element().nameSv());
			}
		}
		return new GateCheck(missing, notPositive);
	}

	/**
	 * Decides an application. A grant needs every gate direction assessed positively and
	 * an amount; it creates the initiative with the funding, the applicant as project
	 * owner and the assessments, and links it to the application.
	 */
	public Application decide(StratlasPrincipal user, long id, int expectedVersion, Decision decision,
			BigDecimal amountGranted, LocalDate decisionDate, String note) {
		Application application = get(user.organisationId(), id);
		if (application.version() != expectedVersion) {
			throw new EditConflictException(ENTITY, id, application);
		}
		if (application.decision() != Decision.INKOMMEN) {
			throw new ValidationException("decision", "application.alreadyDecided");
		}
		if (decision == null || decision == Decision.INKOMMEN) {
			throw new ValidationException("decision", "validation.required");
		}
		LocalDate date = decisionDate == null ? LocalDate.now() : decisionDate;
		Long initiativeId = null;
		if (decision == Decision.BEVILJAD) {
			GateCheck gate = gate(user.organisationId(), id);
			List<Violation> violations = new ArrayList<>();
			gate.missing().forEach(d -> violations.add(new Violation("decision", "application.gate.missing", d)));
			gate.notPositive().forEach(d -> violations.add(new Violation("decision", "application.gate.negative", d)));
			if (amountGranted == null || amountGranted.signum() <= 0 || !Bounds.kronor(amountGranted)) {
				violations.add(new Violation("amountGranted", "application.amountGranted.required"));
			}
			if (!violations.isEmpty()) {
				throw new ValidationException(violations);
			}
			initiativeId = this.initiatives.insert(user.organisationId(),
					new InitiativeDraft(application.title(), null, Kinds.InitiativeType.PROJEKT, Kinds.Status.PLANERAD,
							application.description(), null, null, null, null, null, null, null, unitOf(id), null,
							List.of(), List.of()),
					null, user.username());
			this.repository.jdbc()
				.sql("""
						insert into initiatives_funding (initiative_id, source, year, amount_sek, note)
						values (:i, :source, :year, :amount, :note)""")
				.param("i", initiativeId)
				.param("source", application.fundingSource().name())
				.param("year", date.getYear())
				.param("amount", amountGranted)
				.param("note", "Beviljat genom ansökan " + id)
				.update();
			if (application.applicantId() != null) {
				this.repository.jdbc()
					.sql("insert into initiatives_participant (initiative_id, actor_id, role) values (:i, :a, :r)")
					.param("i", initiativeId)
					.param("a", application.applicantId())
					.param("r", Partnership.Role.PROJEKTAGARE.name())
					.update();
			}
			this.repository.jdbc()
				.sql("""
						insert into initiatives_assessment (initiative_id, direction_key, level_code, score, actor_note,
						target_group_note, geography_note, narrative, assessed_by, assessed_at)
						select :i, direction_key, level_code, score, actor_note, target_group_note, geography_note,
						narrative, assessed_by, assessed_at from initiatives_assessment where application_id = :a""")
				.param("i", initiativeId)
				.param("a", id)
				.update();
			this.audit.record(user.organisationId(), user.username(), InitiativeManagement.ENTITY, initiativeId,
					"CREATED", application.title(), Map.of("application", new FieldChange(null, id)));
		}
		this.repository.jdbc()
			.sql("""
					update initiatives_application set decision = :decision, amount_granted = :granted,
					decision_date = :date, decided_by = :by, decision_note = :note, initiative_id = :initiative,
					version = version + 1, updated_at = now(), updated_by = :by where id = :id and version = :version""")
			.param("decision", decision.name())
			.param("granted", decision == Decision.BEVILJAD ? amountGranted : null)
			.param("date", date)
			.param("by", user.username())
			.param("note", Texts.clean(note))
			.param("initiative", initiativeId)
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "DECIDED", application.title(),
				Map.of("decision", new FieldChange(Decision.INKOMMEN.name(), decision.name())));
		return get(user.organisationId(), id);
	}

	/**
	 * The unit of the project officer who registered the application; the initiative it
	 * becomes belongs to it.
	 */
	private Long unitOf(long applicationId) {
		return this.repository.jdbc()
			.sql("select unit_id from initiatives_application where id = :id")
			.param("id", applicationId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

}
