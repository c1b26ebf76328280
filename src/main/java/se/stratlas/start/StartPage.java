package se.stratlas.start;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.audit.AuditEvent;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Products;
import se.stratlas.indicators.IndicatorDashboards;
import se.stratlas.indicators.IndicatorLinks;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;

/**
 * What the start page shows a signed-in user, by role: a rapportör their texts to write
 * and deadlines, a granskare the texts to review, everyone the cycles they take part in
 * with progress per unit, a strateg the indicators off target and recent changes; an
 * administrator or strateg of a new organisation the steps of getting started, each
 * ticked when it is done.
 */
@Component
@Transactional(readOnly = true)
public class StartPage {

	/** The kinds of history shown as recent changes: the work, not the accounts. */
	private static final Set<String> WORK = Set.of("strategy", "element", "strategy-element", "initiative",
			"application", "indicator", "followup_cycle", "followup_contribution", "followup_product",
			"reports_edition", "foresight_item", "foresight_workshop", "foresight_scenario");

	/** A cycle with its progress per unit. */
	public record CycleProgress(Cycle cycle, List<Cycles.UnitProgress> units, int approved, int total) {

		public int percent() {
			return this.total == 0 ? 0 : Math.round(100f * this.approved / this.total);
		}

	}

	/** One step of getting started: what, whether it is done, where to do it. */
	public record Step(String key, boolean done, String href) {
	}

	/** What the start page shows. */
	public record View(List<Contributions.Task> tasks, List<CycleProgress> cycles,
			List<IndicatorDashboards.OffTarget> offTarget, List<AuditEvent> recent, List<Step> steps) {

		/** Whether the organisation still has steps of getting started to take. */
		public boolean gettingStarted() {
			return this.steps.stream().anyMatch(step -> !step.done());
		}

		public long stepsDone() {
			return this.steps.stream().filter(Step::done).count();
		}

	}

	private final Contributions contributions;

	private final Cycles cycles;

	private final Products products;

	private final IndicatorDashboards analytics;

	private final IndicatorLinks indicators;

	private final StrategyCatalog strategies;

	private final AuditTrail audit;

	private final Organisations organisations;

	private final OrganisationUnits units;

	private final UserAccounts users;

	StartPage(Contributions contributions, Cycles cycles, Products products, IndicatorDashboards analytics,
			IndicatorLinks indicators, StrategyCatalog strategies, AuditTrail audit, Organisations organisations,
			OrganisationUnits units, UserAccounts users) {
		this.contributions = contributions;
		this.cycles = cycles;
		this.products = products;
		this.analytics = analytics;
		this.indicators = indicators;
		this.strategies = strategies;
		this.audit = audit;
		this.organisations = organisations;
		this.units = units;
		this.users = users;
	}

	public View view(StratlasPrincipal user, LocalDate today) {
		long organisation = user.organisationId();
		List<Contributions.Task> tasks = this.contributions.tasks(user);
		List<CycleProgress> cycles = new ArrayList<>();
		for (Cycle cycle : this.cycles.list(organisation)) {
			if (!cycle.state().acceptsContributions()) {
				continue;
			}
			List<Cycles.UnitProgress> units = this.cycles.progress(organisation, cycle.id(), today);
			if (!user.can(Role.REVIEWER) && !user.can(Role.STRATEGIST)) {
				// A rapportör sees the cycles their unit takes part in, and their unit.
				units = units.stream().filter(u -> user.unitId() != null && u.unitId() == user.unitId()).toList();
				if (units.isEmpty()) {
					continue;
				}
			}
			int approved = units.stream().mapToInt(u -> u.count("contribution.state.approved")).sum();
			int total = units.stream().mapToInt(Cycles.UnitProgress::total).sum();
			cycles.add(new CycleProgress(cycle, units, approved, total));
		}
		boolean planner = user.can(Role.STRATEGIST) || user.can(Role.REVIEWER);
		List<IndicatorDashboards.OffTarget> offTarget = planner ? this.analytics.offTarget(organisation) : List.of();
		List<AuditEvent> recent = planner ? this.audit.search(organisation, null, null, 40)
			.stream()
			.filter(e -> WORK.contains(e.entityType()))
			.limit(8)
			.toList() : List.of();
		return new View(tasks, cycles, offTarget, recent, steps(user));
	}

	/**
	 * The steps of getting started, for those who take them: administrators and
	 * strateger.
	 */
	private List<Step> steps(StratlasPrincipal user) {
		if (!user.can(Role.STRATEGIST)) {
			return List.of();
		}
		long organisation = user.organisationId();
		List<Step> steps = new ArrayList<>();
		if (user.can(Role.ADMINISTRATOR)) {
			steps.add(new Step("profile", this.organisations.get(organisation).homeArea() != null,
					"/admin/organisation"));
			steps.add(new Step("units", !this.units.list(organisation).isEmpty(), "/admin/units"));
			steps.add(new Step("users", this.users.list(organisation).size() > 1, "/admin/users"));
		}
		boolean strategy = false;
		for (Strategy s : this.strategies.strategies(organisation)) {
			if (s.organisationId() != null && s.organisationId() == organisation
					&& !this.strategies.elements(organisation, this.strategies.latestVersion(organisation, s.id()).id())
						.isEmpty()) {
				strategy = true;
			}
		}
		steps.add(new Step("strategy", strategy, "/strategies"));
		steps.add(new Step("indicators", this.indicators.anyLinkedWithValues(organisation), "/indicators"));
		List<Cycle> all = this.cycles.list(organisation);
		steps.add(new Step("cycle", !all.isEmpty(), "/followup"));
		boolean report = all.stream().anyMatch(c -> !this.products.list(organisation, c.id()).isEmpty());
		steps.add(new Step("report", report, all.isEmpty() ? "/followup" : "/followup/" + all.getFirst().id()));
		return steps;
	}

}
