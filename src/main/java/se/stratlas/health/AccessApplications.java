package se.stratlas.health;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.health.internal.HealthRepository;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * Access to health data by application and decision, never by bidding: any signed-in user
 * applies for variables of one organisation's datasets (never a direct identifier); that
 * organisation's steward asks questions, which the applicant answers, and decides with a
 * checklist and a motivation; approved access ends on its end date by itself. Every step,
 * and every use of a grant, refused ones included, is in the audit log.
 */
@Service
public class AccessApplications {

	static final String TYPE = "health_application";

	/** The goal for a decision (EHDS: two months). */
	public static final int GOAL_DAYS = 61;

	private final HealthRepository repository;

	private final HealthCatalog catalog;

	private final AuditTrail audit;

	private final Clock clock;

	AccessApplications(HealthRepository repository, HealthCatalog catalog, AuditTrail audit, Optional<Clock> clock) {
		this.repository = repository;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The day it is, by the application's clock. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * The applications the user made, checks, or whose data the user's organisation
	 * holds.
	 */
	public List<Application> mine(StratlasPrincipal user) {
		return this.repository.applications(user.organisationId(), user.username());
	}

	/**
	 * One application, for its applicant, its output checker or the holding organisation.
	 */
	public Application get(StratlasPrincipal user, long id) {
		return this.repository.application(id)
			.filter(a -> a.organisationId() == user.organisationId() || (a.applicantOrg() == user.organisationId()
					&& (a.applicant().equals(user.username()) || a.outputChecker().equals(user.username()))))
			.orElseThrow(() -> new NotFoundException(TYPE, id));
	}

	/** Whether the user decides on the application. */
	public boolean steward(StratlasPrincipal user, Application application) {
		return HealthCatalog.steward(user, application.organisationId());
	}

	@Transactional
	public Application apply(StratlasPrincipal user, Application.Draft draft) {
		return apply(user, draft, Instant.now(this.clock), null);
	}

	/** Submits an application; the demo gives the day it was made and its note. */
	@Transactional
	public Application apply(StratlasPrincipal user, Application.Draft draft, Instant appliedAt, String demoNote) {
		if (draft == null) {
			throw new ValidationException("title", "validation.required");
		}
		String title = Texts.required("title", draft.title(), 200);
		String purpose = Texts.required("purpose", draft.purpose(), 4000);
		String dnr = Texts.required("ethicsDnr", draft.ethicsDnr(), 40);
		if (!dnr.matches("Dnr [0-9]{4}-[0-9]{5}-[0-9]{2}")) {
			throw new ValidationException("ethicsDnr", "health.application.dnr");
		}
		if (draft.legalBasis() == null) {
			throw new ValidationException("legalBasis", "validation.required");
		}
		if (draft.specialBasis() == null) {
			throw new ValidationException("specialBasis", "validation.required");
		}
		if (draft.retentionMonths() == null || draft.retentionMonths() < 1 || draft.retentionMonths() > 240) {
			throw new ValidationException("retentionMonths", "health.application.retentionRange");
		}
		String team = Texts.required("team", draft.team(), 2000);
		String checker = Texts.required("outputChecker", draft.outputChecker(), 100);
		if (checker.equalsIgnoreCase(user.username())) {
			throw new ValidationException("outputChecker", "health.application.checkerIsApplicant");
		}
		if (draft.variables() == null || draft.variables().isEmpty()) {
			throw new ValidationException("variables", "validation.required");
		}
		Set<Long> holders = new HashSet<>();
		for (Application.Chosen chosen : draft.variables()) {
			HealthDataset dataset = this.catalog.dataset(chosen.datasetId());
			HealthDataset.Variable variable = dataset.variables()
				.stream()
				.filter(v -> v.name().equals(chosen.variable()))
				.findFirst()
				.orElseThrow(
						() -> new ValidationException("variables", "health.application.variable", chosen.variable()));
			if (variable.directIdentifier()) {
				throw new ValidationException("variables", "health.application.identifier", variable.name());
			}
			holders.add(dataset.organisationId());
		}
		if (holders.size() != 1) {
			throw new ValidationException("variables", "health.application.oneHolder");
		}
		Application.Draft clean = new Application.Draft(title, purpose, dnr, draft.legalBasis(), draft.specialBasis(),
				draft.retentionMonths(), team, checker, draft.variables());
		long holder = holders.iterator().next();
		long id = this.repository.insertApplication(holder, user.organisationId(), user.username(), clean, appliedAt,
				demoNote);
		this.audit.record(holder, user.username(), TYPE, id, "SUBMITTED", title,
				Map.of("ethicsDnr", new FieldChange(null, dnr), "outputChecker", new FieldChange(null, checker)));
		return this.repository.application(id).orElseThrow();
	}

	/**
	 * The steward asks the applicant a question; the application waits for the answer.
	 */
	@Transactional
	public Application ask(StratlasPrincipal user, long id, Application.Note note) {
		Application application = get(user, id);
		if (!steward(user, application)) {
			throw new NotFoundException(TYPE, id);
		}
		String text = Texts.required("text", note == null ? null : note.text(), 2000);
		move(application, note.version(), Application.Status.QUESTIONED, application.status().open());
		this.repository.insertMessage(id, Application.Message.Kind.QUESTION, user.username(), text);
		this.audit.record(application.organisationId(), user.username(), TYPE, id, "QUESTIONED",
				application.title() + ": " + text, Map.of());
		return this.repository.application(id).orElseThrow();
	}

	/** The applicant answers; the application is back with the steward. */
	@Transactional
	public Application answer(StratlasPrincipal user, long id, Application.Note note) {
		Application application = get(user, id);
		if (!applicant(user, application)) {
			throw new NotFoundException(TYPE, id);
		}
		String text = Texts.required("text", note == null ? null : note.text(), 2000);
		move(application, note.version(), Application.Status.SUBMITTED,
				application.status() == Application.Status.QUESTIONED);
		this.repository.insertMessage(id, Application.Message.Kind.ANSWER, user.username(), text);
		this.audit.record(application.organisationId(), user.username(), TYPE, id, "ANSWERED",
				application.title() + ": " + text, Map.of());
		return this.repository.application(id).orElseThrow();
	}

	private void move(Application application, Integer version, Application.Status to, boolean allowed) {
		if (!allowed) {
			throw new ValidationException("status", "health.application.notOpen");
		}
		int seen = version == null ? application.version() : version;
		if (this.repository.updateStatus(application.id(), seen, application.status(), to) == 0) {
			throw new EditConflictException(TYPE, application.id(), application);
		}
	}

	/**
	 * Approves (every check ticked, an end date after today) or refuses; either with a
	 * motivation.
	 */
	@Transactional
	public Application decide(StratlasPrincipal user, long id, Application.Decision decision) {
		Application application = get(user, id);
		if (!steward(user, application)) {
			throw new NotFoundException(TYPE, id);
		}
		if (!application.status().open()) {
			throw new ValidationException("status", "health.application.notOpen");
		}
		if (decision == null || decision.approve() == null) {
			throw new ValidationException("approve", "validation.required");
		}
		String motivation = Texts.required("motivation", decision.motivation(), 4000);
		List<Application.Check> checks = decision.checklist() == null ? List.of()
				: decision.checklist().stream().distinct().sorted().toList();
		LocalDate until = null;
		if (decision.approve()) {
			if (checks.size() != Application.Check.values().length) {
				throw new ValidationException("checklist", "health.decision.checklist");
			}
			until = decision.accessUntil();
			if (until == null || !until.isAfter(today())) {
				throw new ValidationException("accessUntil", "health.decision.until");
			}
		}
		Application.Status to = decision.approve() ? Application.Status.APPROVED : Application.Status.REFUSED;
		int seen = decision.version() == null ? application.version() : decision.version();
		if (this.repository.decide(id, seen, to, checks, motivation, until, Instant.now(this.clock),
				user.username()) == 0) {
			throw new EditConflictException(TYPE, id, application);
		}
		this.audit.record(application.organisationId(), user.username(), TYPE, id, to.name(),
				application.title() + ": " + motivation,
				Map.of("accessUntil", new FieldChange(null, until == null ? null : until.toString())));
		return this.repository.application(id).orElseThrow();
	}

	/**
	 * The grant of an approved application to its applicant or output checker, refused
	 * (and logged) when it is not approved or has expired.
	 */
	@Transactional(noRollbackFor = ValidationException.class)
	public Application.Grant access(StratlasPrincipal user, long id) {
		Application application = get(user, id);
		if (!applicant(user, application) && !application.outputChecker().equals(user.username())) {
			throw new NotFoundException(TYPE, id);
		}
		Application.Status status = application.status(today());
		if (status != Application.Status.APPROVED) {
			this.audit.record(application.organisationId(), user.username(), TYPE, id, "ACCESS_REFUSED",
					application.title() + ": " + status.name(), Map.of());
			throw new ValidationException("status", "health.access.refused");
		}
		this.audit.record(application.organisationId(), user.username(), TYPE, id, "ACCESSED", application.title(),
				Map.of());
		return new Application.Grant(id, application.variables(), application.accessUntil());
	}

	private static boolean applicant(StratlasPrincipal user, Application application) {
		return application.applicantOrg() == user.organisationId() && application.applicant().equals(user.username());
	}

}
