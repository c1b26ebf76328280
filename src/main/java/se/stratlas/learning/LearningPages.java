package se.stratlas.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditEvent;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Section;
import se.stratlas.followup.Markdown;
import se.stratlas.followup.TextDiff;
import se.stratlas.indicators.IndicatorAnalytics;
import se.stratlas.indicators.IndicatorDashboards;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorDashboards.DashboardRow;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.Target;
import se.stratlas.learning.LearningView.Choice;
import se.stratlas.learning.LearningView.IndicatorStatus;
import se.stratlas.learning.LearningView.Outside;
import se.stratlas.learning.LearningView.Sparkline;
import se.stratlas.learning.LearningView.TextPair;
import se.stratlas.learning.internal.ContributingInitiatives;
import se.stratlas.learning.internal.OutsideWorld;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyVersion;

/**
 * Gathers a strategy element's learning page from the modules that hold the evidence,
 * each asked once for the element and everything under it. There is no transaction around
 * the whole page: the parts asked for in parallel each take a connection of their own,
 * and the request holds none while it waits for them.
 */
@Service
public class LearningPages {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final StrategyCatalog strategies;

	private final IndicatorAnalytics analytics;

	private final IndicatorDashboards dashboards;

	private final Cycles cycles;

	private final Contributions contributions;

	private final OrganisationUnits units;

	private final ContributingInitiatives contributing;

	private final OutsideWorld outsideWorld;

	private final LearningJournal journal;

	private final RevisionProposals proposals;

	private final AuditTrail audit;

	private final IndicatorRegistry registry;

	private final Areas areas;

	LearningPages(StrategyCatalog strategies, IndicatorAnalytics analytics, IndicatorDashboards dashboards,
			Cycles cycles, Contributions contributions, OrganisationUnits units, ContributingInitiatives contributing,
			OutsideWorld outsideWorld, LearningJournal journal, RevisionProposals proposals, AuditTrail audit,
			IndicatorRegistry registry, Areas areas) {
		this.strategies = strategies;
		this.analytics = analytics;
		this.dashboards = dashboards;
		this.cycles = cycles;
		this.contributions = contributions;
		this.units = units;
		this.contributing = contributing;
		this.outsideWorld = outsideWorld;
		this.journal = journal;
		this.proposals = proposals;
		this.audit = audit;
		this.registry = registry;
		this.areas = areas;
	}

	/**
	 * The learning page of an element (by its id in any version), for one cycle (null:
	 * the latest).
	 */
	public LearningView view(StratlasPrincipal user, long elementId, Long cycleId) {
		long org = user.organisationId();
		StrategyElement element = this.strategies.ownElement(org, elementId);
		StrategyVersion version = this.strategies.version(org, element.versionId());
		Strategy strategy = this.strategies.strategy(org, version.strategyId());
		List<StrategyElement> all = this.strategies.elements(org, version.id());
		List<StrategyElement> below = all.stream().filter(e -> e.path().startsWith(element.path())).toList();
		List<UUID> keys = below.stream().map(StrategyElement::key).toList();
		List<StrategyElement> children = all.stream().filter(e -> Objects.equals(e.parentId(), element.id())).toList();

		List<Cycle> cycles = cyclesOf(org, strategy.id());
		Cycle cycle = chosen(cycles, cycleId);
		Cycle previous = cycle == null ? null
				: cycles.stream()
					.filter(c -> c.id() != cycle.id() && c.periodCode().compareTo(cycle.periodCode()) < 0)
					.findFirst()
					.orElse(null);

		// The indicators, the initiatives and the outside world are asked for at the same
		// time (each in a read-only transaction of its own); the texts meanwhile here.
		// Inside
		// a caller's transaction (the demo's loading) they are asked for one after
		// another
		// in it, so they see what it has not committed yet.
		Future<List<IndicatorStatus>> indicatorsAsked;
		Future<LearningView.Initiatives> initiativesAsked;
		Future<List<Outside>> outsideAsked;
		List<TextPair> texts;
		List<Contribution> assigned;
		ExecutorService parallel = TransactionSynchronizationManager.isActualTransactionActive() ? null
				: Executors.newVirtualThreadPerTaskExecutor();
		try {
			indicatorsAsked = ask(parallel, () -> indicators(org, element.key(), strategy));
			initiativesAsked = ask(parallel, () -> this.contributing.summary(org, strategy, element));
			outsideAsked = ask(parallel, () -> this.outsideWorld.linkedTo(org, keys));
			Map<Long, Section> sections = cycle == null ? Map.of() : sectionsAbout(org, cycle, keys);
			assigned = cycle == null ? List.of() : contributionsFor(org, cycle, sections);
			texts = cycle == null ? List.of() : texts(org, sections, assigned);
		}
		finally {
			if (parallel != null) {
				parallel.close();
			}
		}
		List<IndicatorStatus> indicators = answer(indicatorsAsked);
		Map<Target.Status, Long> counts = new EnumMap<>(Target.Status.class);
		indicators.stream()
			.filter(IndicatorStatus::hasTarget)
			.forEach(i -> counts.merge(i.row().targetStatus(), 1L, Long::sum));
		long withoutTarget = indicators.stream().filter(i -> !i.hasTarget()).count();

		LearningView.Initiatives initiatives = answer(initiativesAsked);
		long open = assigned.stream().filter(c -> c.state() != ContributionState.APPROVED).count();
		long returned = assigned.stream().filter(c -> c.state() == ContributionState.RETURNED).count();
		List<Outside> outside = answer(outsideAsked);

		List<Assessment> assessments = this.journal.assessments(org, List.of(element.key()));
		Assessment assessment = cycle == null ? null
				: assessments.stream().filter(a -> a.cycleId() == cycle.id()).findFirst().orElse(null);
		Assessment previousAssessment = previous == null ? null
				: assessments.stream().filter(a -> a.cycleId() == previous.id()).findFirst().orElse(null);

		List<Choice> choices = new ArrayList<>();
		indicators.forEach(i -> choices.add(new Choice(Evidence.Kind.INDICATOR + ":" + i.row().indicator().id(),
				i.row().indicator().code() + " " + i.row().indicator().name(SWEDISH))));
		initiatives.list().forEach(i -> choices.add(new Choice(Evidence.Kind.INITIATIVE + ":" + i.id(), i.name())));
		texts.forEach(t -> choices
			.add(new Choice(Evidence.Kind.TEXT + ":" + t.contribution().id(), t.section().title() + " – " + t.unit())));
		outside.forEach(o -> choices.add(new Choice(o.kind() + ":" + o.id(), o.title())));

		List<Lesson> lessons = this.journal.lessons(org, List.of(element.key()));
		Map<Long, List<AuditEvent>> lessonHistory = new LinkedHashMap<>();
		lessons.forEach(l -> lessonHistory.put(l.id(), this.audit.history(LearningJournal.LESSON, l.id())));
		return new LearningView(strategy, version, element, this.strategies.ancestors(element), children, cycles, cycle,
				previous, indicators, counts, withoutTarget, initiatives, texts, open, returned, outside, assessment,
				previousAssessment, lessons, this.proposals.forElements(org, List.of(element.key())), choices,
				user.can(Role.STRATEGIST), user.username(),
				assessment == null ? List.of() : this.audit.history(LearningJournal.ASSESSMENT, assessment.id()),
				lessonHistory, indicators.isEmpty() ? null : this.areas.name(indicators.getFirst().row().areaCode()));
	}

	/**
	 * An element's learning record for the API: every cycle's assessment, the lessons and
	 * the proposals.
	 */
	public record ElementLearning(UUID elementKey, List<Assessment> assessments, List<Lesson> lessons,
			List<Proposal> proposals) {
	}

	/** The learning record of an element, by its id in any version. */
	public ElementLearning record(StratlasPrincipal user, long elementId) {
		UUID key = key(user, elementId);
		long org = user.organisationId();
		return new ElementLearning(key, this.journal.assessments(org, List.of(key)),
				this.journal.lessons(org, List.of(key)), this.proposals.forElements(org, List.of(key)));
	}

	/** The stable key of an element of the organisation, by its id in any version. */
	public UUID key(StratlasPrincipal user, long elementId) {
		return this.strategies.ownElement(user.organisationId(), elementId).key();
	}

	/** The organisation's cycles that follow up the strategy, newest period first. */
	List<Cycle> cyclesOf(long organisationId, long strategyId) {
		List<Cycle> all = this.cycles.list(organisationId);
		List<Cycle> own = all.stream().filter(c -> Objects.equals(c.strategyId(), strategyId)).toList();
		return (own.isEmpty() ? all : own).stream()
			.sorted(Comparator.comparing(Cycle::periodCode)
				.reversed()
				.thenComparing(Cycle::id, Comparator.reverseOrder()))
			.toList();
	}

	/** The asked-for cycle, else the newest that has opened, else the newest. */
	static Cycle chosen(List<Cycle> cycles, Long cycleId) {
		if (cycleId != null) {
			return cycles.stream().filter(c -> c.id() == cycleId).findFirst().orElse(null);
		}
		return cycles.stream()
			.filter(c -> c.state() != CycleState.PLANNED)
			.findFirst()
			.orElse(cycles.isEmpty() ? null : cycles.getFirst());
	}

	private List<IndicatorStatus> indicators(long org, UUID key, Strategy strategy) {
		List<DashboardRow> rows = this.dashboards.dashboard(org, key, null);
		if (rows.isEmpty()) {
			return List.of();
		}
		String home = rows.getFirst().areaCode();
		// Every indicator's series for the home area and Sweden, all sexes, at once.
		Map<Long, Map<Sex, Map<String, List<Target.Point>>>> series = this.analytics.seriesOf(org,
				rows.stream().map(DashboardRow::indicator).toList(), List.of(home, Areas.SWEDEN));
		List<IndicatorStatus> statuses = new ArrayList<>();
		for (DashboardRow row : rows) {
			Map<Sex, Map<String, List<Target.Point>>> bySex = series.getOrDefault(row.indicator().id(), Map.of());
			Double sweden = home.equals(Areas.SWEDEN) ? null : latest(bySex, Sex.T, Areas.SWEDEN);
			Double women = row.indicator().bySex() ? latest(bySex, Sex.K, home) : null;
			Double men = row.indicator().bySex() ? latest(bySex, Sex.M, home) : null;
			statuses.add(new IndicatorStatus(row,
					sparkline(bySex.getOrDefault(Sex.T, Map.of()).getOrDefault(home, List.of()),
							strategy.periodStart()),
					women, men, sweden, row.indicator().demoNote()));
		}
		return statuses;
	}

	private static Double latest(Map<Sex, Map<String, List<Target.Point>>> bySex, Sex sex, String area) {
		List<Target.Point> points = bySex.getOrDefault(sex, Map.of()).getOrDefault(area, List.of());
		for (int i = points.size() - 1; i >= 0; i--) {
			if (points.get(i).value() != null) {
				return points.get(i).value();
			}
		}
		return null;
	}

	/**
	 * The series from the year before the strategy's period (or all of it) as a
	 * sparkline.
	 */
	static Sparkline sparkline(List<Target.Point> points, Integer periodStart) {
		List<Target.Point> shown = points.stream()
			.filter(p -> p.value() != null)
			.filter(p -> periodStart == null || p.period().code().compareTo(String.valueOf(periodStart - 1)) >= 0)
			.toList();
		if (shown.isEmpty()) {
			return new Sparkline("", null, null, null, null);
		}
		double min = shown.stream().mapToDouble(Target.Point::value).min().orElse(0);
		double max = shown.stream().mapToDouble(Target.Point::value).max().orElse(0);
		double span = max - min == 0 ? 1 : max - min;
		StringBuilder svg = new StringBuilder();
		for (int i = 0; i < shown.size(); i++) {
			double x = shown.size() == 1 ? 50 : 2 + 96.0 * i / (shown.size() - 1);
			double y = 22 - 20 * (shown.get(i).value() - min) / span;
			svg.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
		}
		return new Sparkline(svg.toString(), shown.getFirst().value(), shown.getLast().value(),
				shown.getFirst().period().code(), shown.getLast().period().code());
	}

	/** The cycle's sections about the element or the elements under it, by id. */
	private Map<Long, Section> sectionsAbout(long org, Cycle cycle, List<UUID> keys) {
		Map<Long, Section> sections = new LinkedHashMap<>();
		this.cycles.sections(org, cycle.id())
			.stream()
			.filter(s -> s.elementKey() != null && keys.contains(s.elementKey()))
			.forEach(s -> sections.put(s.id(), s));
		return sections;
	}

	private List<Contribution> contributionsFor(long org, Cycle cycle, Map<Long, Section> sections) {
		return this.cycles.contributions(org, cycle.id())
			.stream()
			.filter(c -> sections.containsKey(c.sectionId()))
			.toList();
	}

	/**
	 * A part of the page, asked for in parallel, or at once when there is no executor.
	 */
	private static <T> Future<T> ask(ExecutorService parallel, Callable<T> part) {
		if (parallel != null) {
			return parallel.submit(part);
		}
		try {
			return CompletableFuture.completedFuture(part.call());
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A part of the page asked for in parallel; its refusal is thrown as it was. */
	private static <T> T answer(Future<T> part) {
		try {
			return part.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private List<TextPair> texts(long org, Map<Long, Section> sections, List<Contribution> assigned) {
		Map<Long, String> unitNames = this.units.names(org);
		List<TextPair> pairs = new ArrayList<>();
		for (Contribution c : assigned) {
			String current = approved(org, c);
			String previous = this.contributions.previous(c).map(p -> approved(org, p)).orElse(null);
			List<TextDiff.Segment> diff = current != null && previous != null ? TextDiff.words(previous, current)
					: List.of();
			pairs.add(new TextPair(sections.get(c.sectionId()), unitNames.getOrDefault(c.unitId(), "?"), c, current,
					previous, diff));
		}
		pairs.sort(Comparator.comparing((TextPair p) -> p.section().position()).thenComparing(TextPair::unit));
		return pairs;
	}

	private String approved(long org, Contribution c) {
		return c.approvedRevision() == null ? null
				: Markdown.withWords(this.contributions.textAt(org, c.id(), c.approvedRevision()), r -> words(org, r));
	}

	/**
	 * A reference in a text as the words a reader understands: the indicator's name and
	 * area, or the initiative's number.
	 */
	private String words(long org, Markdown.Reference reference) {
		if (!"indikator".equals(reference.kind())) {
			return "[" + reference.kind() + " " + reference.target() + "]";
		}
		String name = this.registry.findByCode(org, reference.target())
			.map(i -> i.name(SWEDISH))
			.orElse(reference.target());
		return "[" + name + (reference.area() == null ? "" : ", " + this.areas.name(reference.area())) + "]";
	}

}
