package se.stratlas.learning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.learning.internal.EvidenceLabels;
import se.stratlas.learning.internal.LearningRepository;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * The strateg's judgement of the strategy, element by element: one assessment per element
 * and cycle (på väg, delvis, inte på väg, kan inte bedömas) with its motivation, and
 * lessons that cite their evidence. Strateger write; every role reads; every change is in
 * the history with the text before and after.
 */
@Service
@Transactional
public class LearningJournal {

	static final String ASSESSMENT = "learning_assessment";

	static final String LESSON = "learning_lesson";

	private final JdbcClient jdbc;

	private final LearningRepository repository;

	private final EvidenceLabels evidence;

	private final StrategyCatalog strategies;

	private final Cycles cycles;

	private final AuditTrail audit;

	LearningJournal(JdbcClient jdbc, LearningRepository repository, EvidenceLabels evidence, StrategyCatalog strategies,
			Cycles cycles, AuditTrail audit) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.evidence = evidence;
		this.strategies = strategies;
		this.cycles = cycles;
		this.audit = audit;
	}

	static void requireStrategist(StratlasPrincipal user) {
		if (!user.can(Role.STRATEGIST)) {
			throw new AccessDeniedException("Only strateger assess the strategy");
		}
	}

	/**
	 * The element as it is in the latest version of its strategy, of this organisation.
	 */
	StrategyElement element(long organisationId, UUID key) {
		if (key == null) {
			throw new ValidationException("elementKey", "validation.required");
		}
		return this.strategies.latestElement(organisationId, key)
			.filter(e -> Long.valueOf(organisationId).equals(this.strategies.strategyOf(e).organisationId()))
			.orElseThrow(() -> new NotFoundException("element", key));
	}

	@Transactional(readOnly = true)
	public List<Assessment> assessments(long organisationId, List<UUID> keys) {
		return this.repository.assessments(organisationId, keys);
	}

	@Transactional(readOnly = true)
	public List<Assessment> assessmentsOfStrategy(long organisationId, long strategyId) {
		return this.repository.assessmentsOfStrategy(organisationId, strategyId);
	}

	/**
	 * Records the assessment of an element in a cycle, or changes it:
	 * {@code expectedVersion} is the version the user saw (null when there was none);
	 * someone else's change since is refused with the current assessment.
	 */
	/** Assesses an element named by its id in any version of the strategy. */
	public Assessment assessElement(StratlasPrincipal user, long elementId, Long cycleId, Judgement judgement,
			String motivation, Integer expectedVersion) {
		return assess(user, this.strategies.ownElement(user.organisationId(), elementId).key(), cycleId, judgement,
				motivation, expectedVersion, null);
	}

	/**
	 * Writes a lesson about an element named by its id in any version of the strategy.
	 */
	public Lesson addLessonAbout(StratlasPrincipal user, long elementId, Long cycleId, String body,
			List<String> evidence) {
		return addLesson(user, this.strategies.ownElement(user.organisationId(), elementId).key(), cycleId, body,
				evidence, null);
	}

	public Assessment assess(StratlasPrincipal user, UUID elementKey, Long cycleId, Judgement judgement,
			String motivation, Integer expectedVersion) {
		return assess(user, elementKey, cycleId, judgement, motivation, expectedVersion, null);
	}

	public Assessment assess(StratlasPrincipal user, UUID elementKey, Long cycleId, Judgement judgement,
			String motivation, Integer expectedVersion, String demoNote) {
		requireStrategist(user);
		long org = user.organisationId();
		if (cycleId == null) {
			throw new ValidationException("cycleId", "validation.required");
		}
		StrategyElement element = element(org, elementKey);
		Cycle cycle = this.cycles.get(org, cycleId);
		if (judgement == null) {
			throw new ValidationException("judgement", "validation.required");
		}
		String text = Texts.required("motivation", motivation, 4000);
		Optional<Assessment> before = this.repository.assessments(org, List.of(elementKey))
			.stream()
			.filter(a -> a.cycleId() == cycleId.longValue())
			.findFirst();
		long strategyId = this.strategies.strategyOf(element).id();
		long id;
		if (before.isEmpty()) {
			id = this.jdbc.sql("""
					insert into learning_assessment (organisation_id, strategy_id, element_key, cycle_id, judgement,
					motivation, demo_note, updated_by) values (:org, :strategy, :key, :cycle, :judgement, :motivation,
					:demo, :actor) on conflict (element_key, cycle_id) do nothing returning id""")
				.param("org", org)
				.param("strategy", strategyId)
				.param("key", elementKey)
				.param("cycle", cycleId)
				.param("judgement", judgement.name())
				.param("motivation", text)
				.param("demo", demoNote)
				.param("actor", user.username())
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new EditConflictException(ASSESSMENT, elementKey,
						this.repository.assessments(org, List.of(elementKey)).getFirst()));
		}
		else {
			Assessment current = before.get();
			id = current.id();
			int updated = this.jdbc.sql("""
					update learning_assessment set judgement = :judgement, motivation = :motivation,
					version = version + 1, updated_at = now(), updated_by = :actor
					where id = :id and version = :version""")
				.param("judgement", judgement.name())
				.param("motivation", text)
				.param("actor", user.username())
				.param("id", id)
				.param("version", expectedVersion == null ? -1 : expectedVersion)
				.update();
			if (updated == 0) {
				throw new EditConflictException(ASSESSMENT, id, current);
			}
		}
		this.audit.record(org, user.username(), ASSESSMENT, id, before.isEmpty() ? "CREATED" : "UPDATED",
				element.label(null) + " · " + cycle.name(),
				Map.of("judgement",
						new FieldChange(before.map(a -> a.judgement().label()).orElse(null), judgement.label()),
						"motivation", new FieldChange(before.map(Assessment::motivation).orElse(null), text)));
		return this.repository.assessments(org, List.of(elementKey))
			.stream()
			.filter(a -> a.cycleId() == cycleId.longValue())
			.findFirst()
			.orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Lesson> lessons(long organisationId, List<UUID> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return this.repository.lessons("organisation_id = :org and element_key = any(:keys)",
				Map.of("org", organisationId, "keys", keys.toArray(UUID[]::new)));
	}

	@Transactional(readOnly = true)
	public Lesson lesson(long organisationId, long id) {
		return this.repository.lessons("organisation_id = :org and id = :id", Map.of("org", organisationId, "id", id))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("lesson", id));
	}

	/** Writes a lesson about an element, citing its evidence ({@code INDICATOR:12} …). */
	public Lesson addLesson(StratlasPrincipal user, UUID elementKey, Long cycleId, String body, List<String> evidence) {
		return addLesson(user, elementKey, cycleId, body, evidence, null);
	}

	public Lesson addLesson(StratlasPrincipal user, UUID elementKey, Long cycleId, String body, List<String> evidence,
			String demoNote) {
		requireStrategist(user);
		long org = user.organisationId();
		StrategyElement element = element(org, elementKey);
		if (cycleId != null) {
			this.cycles.get(org, cycleId);
		}
		String text = requiredBody(body);
		List<Evidence> cited = this.evidence.resolve(org, evidence);
		long id = this.jdbc.sql("""
				insert into learning_lesson (organisation_id, strategy_id, element_key, cycle_id, body, demo_note,
				created_by, updated_by) values (:org, :strategy, :key, :cycle, :body, :demo, :actor, :actor)
				returning id""")
			.param("org", org)
			.param("strategy", this.strategies.strategyOf(element).id())
			.param("key", elementKey)
			.param("cycle", cycleId)
			.param("body", text)
			.param("demo", demoNote)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.repository.replaceEvidence("lesson_id", id, cited);
		this.audit.record(org, user.username(), LESSON, id, "CREATED", element.label(null),
				Map.of("body", new FieldChange(null, text), "evidence", new FieldChange(null, labels(cited))));
		return lesson(org, id);
	}

	/**
	 * Changes a lesson's text and evidence; refused when someone else changed it since.
	 */
	public Lesson updateLesson(StratlasPrincipal user, long id, int expectedVersion, String body,
			List<String> evidence) {
		requireStrategist(user);
		long org = user.organisationId();
		Lesson before = lesson(org, id);
		String text = requiredBody(body);
		List<Evidence> cited = this.evidence.resolve(org, evidence);
		int updated = this.jdbc.sql("""
				update learning_lesson set body = :body, version = version + 1, updated_at = now(),
				updated_by = :actor where id = :id and organisation_id = :org and version = :version""")
			.param("body", text)
			.param("actor", user.username())
			.param("id", id)
			.param("org", org)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(LESSON, id, before);
		}
		this.repository.replaceEvidence("lesson_id", id, cited);
		this.audit.record(org, user.username(), LESSON, id, "UPDATED", element(org, before.elementKey()).label(null),
				Map.of("body", new FieldChange(before.body(), text), "evidence",
						new FieldChange(labels(before.evidence()), labels(cited))));
		return lesson(org, id);
	}

	public void deleteLesson(StratlasPrincipal user, long id, int expectedVersion) {
		requireStrategist(user);
		long org = user.organisationId();
		Lesson before = lesson(org, id);
		int deleted = this.jdbc
			.sql("delete from learning_lesson where id = :id and organisation_id = :org" + " and version = :version")
			.param("id", id)
			.param("org", org)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new EditConflictException(LESSON, id, before);
		}
		this.audit.record(org, user.username(), LESSON, id, "DELETED", before.body(),
				Map.of("body", new FieldChange(before.body(), null)));
	}

	private static String requiredBody(String body) {
		return Texts.required("body", body, 4000);
	}

	static String labels(List<Evidence> evidence) {
		return String.join("; ", evidence.stream().map(Evidence::label).toList());
	}

}
