package se.stratlas.learning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Section;
import se.stratlas.indicators.IndicatorDashboards;
import se.stratlas.indicators.IndicatorDashboards.DashboardRow;
import se.stratlas.indicators.Target;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.initiatives.InitiativeFilter;
import se.stratlas.shared.NotFoundException;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyVersion;
import se.stratlas.strategy.VersionComparison;

/**
 * The strategy at a glance, priority by priority: indicator status, money, the units'
 * texts, the assessment and the open proposals, each row one click from its learning
 * page; and the revision, the draft's differences with the proposals behind them.
 */
@Service
@Transactional(readOnly = true)
public class StrategyOverview {

	/** The statuses with a column of their own; no target or no data has one together. */
	public static final List<Target.Status> STATUS_COLUMNS = List.of(Target.Status.MET, Target.Status.ON_TRACK,
			Target.Status.OFF_TRACK);

	/** One priority (or top element) of the overview. */
	public record Row(StrategyElement element, Map<Target.Status, Long> counts, long noTarget, long initiatives,
			BigDecimal money, long textsApproved, long textsTotal, Assessment assessment, long openProposals) {

		public long count(Target.Status status) {
			return this.counts.getOrDefault(status, 0L);
		}

	}

	/** The overview of a strategy for one cycle. */
	public record View(Strategy strategy, StrategyVersion version, List<Cycle> cycles, Cycle cycle, List<Row> rows,
			long openProposals) {
	}

	/** One difference of the revision with the proposals that caused it. */
	public record Change(VersionComparison.Difference difference, List<Proposal> proposals) {
	}

	/** The draft compared with the version before it. */
	public record Revision(Strategy strategy, StrategyVersion from, StrategyVersion to, List<Change> changes) {
	}

	private final StrategyCatalog strategies;

	private final IndicatorDashboards dashboards;

	private final InitiativeCatalog initiatives;

	private final Cycles cycles;

	private final LearningPages pages;

	private final LearningJournal journal;

	private final RevisionProposals proposals;

	StrategyOverview(StrategyCatalog strategies, IndicatorDashboards dashboards, InitiativeCatalog initiatives,
			Cycles cycles, LearningPages pages, LearningJournal journal, RevisionProposals proposals) {
		this.strategies = strategies;
		this.dashboards = dashboards;
		this.initiatives = initiatives;
		this.cycles = cycles;
		this.pages = pages;
		this.journal = journal;
		this.proposals = proposals;
	}

	public View view(StratlasPrincipal user, long strategyId, Long cycleId) {
		long org = user.organisationId();
		Strategy strategy = this.strategies.ownStrategy(org, strategyId);
		StrategyVersion version = this.strategies.latestVersion(org, strategyId);
		List<StrategyElement> all = this.strategies.elements(org, version.id());
		List<StrategyElement> shown = all.stream().filter(e -> e.type() == ElementType.PRIORITY).toList();
		if (shown.isEmpty()) {
			shown = all.stream().filter(e -> e.parentId() == null).toList();
		}
		List<Cycle> cycles = this.pages.cyclesOf(org, strategyId);
		Cycle cycle = LearningPages.chosen(cycles, cycleId);
		Map<Long, Section> sections = new HashMap<>();
		List<Contribution> contributions = List.of();
		if (cycle != null) {
			this.cycles.sections(org, cycle.id()).forEach(s -> sections.put(s.id(), s));
			contributions = this.cycles.contributions(org, cycle.id());
		}
		List<Assessment> assessments = cycle == null ? List.of()
				: this.journal.assessmentsOfStrategy(org, strategyId)
					.stream()
					.filter(a -> a.cycleId() == cycle.id())
					.toList();
		List<Proposal> open = this.proposals.forStrategy(org, strategyId)
			.stream()
			.filter(p -> p.state().open())
			.toList();
		List<Row> rows = new ArrayList<>();
		for (StrategyElement element : shown) {
			Set<UUID> keys = all.stream()
				.filter(e -> e.path().startsWith(element.path()))
				.map(StrategyElement::key)
				.collect(Collectors.toSet());
			Map<Target.Status, Long> counts = new EnumMap<>(Target.Status.class);
			long noTarget = 0;
			for (DashboardRow row : this.dashboards.dashboard(org, element.key(), null)) {
				if (row.targetStatus() == null || row.targetStatus() == Target.Status.NO_DATA) {
					noTarget++;
				}
				else {
					counts.merge(row.targetStatus(), 1L, Long::sum);
				}
			}
			List<InitiativeDetails> details = this.initiatives.details(org, this.initiatives.find(org,
					new InitiativeFilter(null, null, null, element.key(), null, null, null)));
			BigDecimal money = details.stream()
				.map(InitiativeDetails::totalFunding)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			List<Contribution> texts = contributions.stream().filter(c -> {
				Section section = sections.get(c.sectionId());
				return section != null && section.elementKey() != null && keys.contains(section.elementKey());
			}).toList();
			rows.add(new Row(element, counts, noTarget, details.size(), money,
					texts.stream().filter(c -> c.state() == ContributionState.APPROVED).count(), texts.size(),
					assessments.stream().filter(a -> a.elementKey().equals(element.key())).findFirst().orElse(null),
					open.stream().filter(p -> keys.contains(p.elementKey())).count()));
		}
		return new View(strategy, version, cycles, cycle, rows, open.size());
	}

	/**
	 * The version's differences from the version before it, each with the decided
	 * proposals that caused it.
	 */
	public Revision revision(StratlasPrincipal user, long strategyId, Long versionId) {
		long org = user.organisationId();
		Strategy strategy = this.strategies.ownStrategy(org, strategyId);
		List<StrategyVersion> versions = this.strategies.versions(org, strategyId);
		StrategyVersion to = versionId == null ? this.strategies.latestVersion(org, strategyId)
				: this.strategies.version(org, versionId);
		if (to.strategyId() != strategyId) {
			throw new NotFoundException("version", versionId);
		}
		StrategyVersion from = versions.stream()
			.filter(v -> v.number() < to.number())
			.max((a, b) -> Integer.compare(a.number(), b.number()))
			.orElse(to);
		Map<UUID, List<Proposal>> applied = this.proposals.appliedTo(org, to.id());
		List<Change> changes = this.strategies.compare(org, from.id(), to.id())
			.stream()
			.map(d -> new Change(d, applied.getOrDefault(d.key(), List.of())))
			.toList();
		return new Revision(strategy, from, to, changes);
	}

}
