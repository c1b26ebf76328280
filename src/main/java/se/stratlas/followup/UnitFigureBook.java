package se.stratlas.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.internal.FollowupRepository;
import se.stratlas.indicators.Period.PeriodFormatException;
import se.stratlas.indicators.Period;
import se.stratlas.shared.Bounds;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.shared.ValidationException;

/**
 * Finance and staffing per unit and period: entered in a grid or imported from the
 * finance system's export ({@link UnitFigureImports}). Budget and utfall are required;
 * numbers are checked, varav tillsvidare cannot exceed antal anställda, sjukfrånvaro is a
 * percentage, and a total row ("Totalt") in a file must equal the sum of the units.
 * Nothing is saved unless everything is right.
 */
@Component
@Transactional
public class UnitFigureBook {

	static final String ENTITY = "followup_unit_figures";

	/** A unit's figures for a period next to the same period a year earlier. */
	public record Row(OrganisationUnit unit, UnitFigures figures, UnitFigures lastYear) {

		/**
		 * Utfall this year minus utfall the same period last year, when both are known.
		 */
		public BigDecimal changeFromLastYear() {
			if (this.figures == null) {
				return null;
			}
			if (this.lastYear != null) {
				return this.figures.outcome().subtract(this.lastYear.outcome());
			}
			return this.figures.changeFromPreviousYear();
		}

	}

	private final FollowupRepository repository;

	private final OrganisationUnits units;

	private final AuditTrail audit;

	UnitFigureBook(FollowupRepository repository, OrganisationUnits units, AuditTrail audit) {
		this.repository = repository;
		this.units = units;
		this.audit = audit;
	}

	/** Whether the user may enter figures for the unit. */
	public boolean mayEdit(StratlasPrincipal user, long unitId) {
		return user.can(Role.STRATEGIST) || (user.can(Role.REPORTER) && user.unitId() != null
				&& this.units.unitAndBelow(user.unitId()).contains(unitId));
	}

	/** The periods figures exist for, newest first. */
	@Transactional(readOnly = true)
	public List<String> periods(long organisationId) {
		return this.repository.jdbc()
			.sql("select distinct period_code from followup_unit_figures where organisation_id = :org order by period_code desc")
			.param("org", organisationId)
			.query(String.class)
			.list();
	}

	/** The period asked for, or else the newest with figures, or else this year. */
	@Transactional(readOnly = true)
	public String periodOrLatest(long organisationId, String period) {
		if (period != null && !period.isBlank()) {
			return period.strip();
		}
		List<String> periods = periods(organisationId);
		return periods.isEmpty() ? String.valueOf(LocalDate.now().getYear()) : periods.getFirst();
	}

	/** The grid's rows for a period: every unit the user may enter figures for. */
	@Transactional(readOnly = true)
	public List<Row> editableRows(StratlasPrincipal user, String periodCode) {
		return rows(user.organisationId(), periodCode, true).stream()
			.filter(r -> mayEdit(user, r.unit().id()))
			.toList();
	}

	/**
	 * Every unit with figures for the period, or, with {@code allUnits}, every unit of
	 * the organisation (for the grid).
	 */
	@Transactional(readOnly = true)
	public List<Row> rows(long organisationId, String periodCode, boolean allUnits) {
		String period = parse(periodCode);
		Map<Long, UnitFigures> now = byUnit(organisationId, period);
		Map<Long, UnitFigures> before = byUnit(organisationId, Period.parse(period).sameLastYear().code());
		List<Row> rows = new ArrayList<>();
		for (OrganisationUnit unit : this.units.list(organisationId)) {
			if (allUnits || now.containsKey(unit.id())) {
				rows.add(new Row(unit, now.get(unit.id()), before.get(unit.id())));
			}
		}
		return rows;
	}

	/** The sum of the rows' finance figures (null where no row has the figure). */
	public static Map<String, BigDecimal> totals(List<Row> rows) {
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		for (Row row : rows) {
			UnitFigures f = row.figures();
			if (f == null) {
				continue;
			}
			totals.merge("budget", f.budget(), BigDecimal::add);
			totals.merge("outcome", f.outcome(), BigDecimal::add);
			totals.merge("deviation", f.deviation(), BigDecimal::add);
			if (f.forecast() != null) {
				totals.merge("forecast", f.forecast(), BigDecimal::add);
			}
			if (f.previousYear() != null) {
				totals.merge("previousYear", f.previousYear(), BigDecimal::add);
			}
			if (f.employees() != null) {
				totals.merge("employees", BigDecimal.valueOf(f.employees()), BigDecimal::add);
			}
		}
		return totals;
	}

	Map<Long, UnitFigures> byUnit(long organisationId, String period) {
		Map<Long, UnitFigures> figures = new HashMap<>();
		this.repository.jdbc()
			.sql("select * from followup_unit_figures where organisation_id = :org and period_code = :period")
			.param("org", organisationId)
			.param("period", period)
			.query(FollowupRepository.FIGURES)
			.list()
			.forEach(f -> figures.put(f.unitId(), f));
		return figures;
	}

	/**
	 * Saves the grid: every row that has a value. Field errors name the row index and the
	 * field ({@code rows[2].budget}); a row changed by someone else since the grid was
	 * opened is a conflict. All rows or none.
	 */
	public int saveGrid(StratlasPrincipal user, String periodCode, List<UnitFigures.Draft> drafts) {
		String period = parse(periodCode);
		List<Violation> violations = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			UnitFigures.Draft d = drafts.get(i);
			if (empty(d)) {
				continue;
			}
			this.units.get(user.organisationId(), d.unitId());
			if (!mayEdit(user, d.unitId())) {
				throw new AccessDeniedException("Unit " + d.unitId() + " is not the user's");
			}
			for (String[] problem : check(d)) {
				violations.add(new Violation("rows[" + i + "]." + problem[0], problem[1]));
			}
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		int saved = 0;
		for (UnitFigures.Draft d : drafts) {
			if (!empty(d)) {
				saved += store(user, period, d, "grid") ? 1 : 0;
			}
		}
		return saved;
	}

	private static boolean empty(UnitFigures.Draft d) {
		return d.budget() == null && d.outcome() == null && d.forecast() == null && d.previousYear() == null
				&& d.savingsTarget() == null && d.employees() == null && d.employeesChange() == null
				&& d.permanentEmployees() == null && d.sickLeavePct() == null && d.workedHours() == null;
	}

	/** Field and message key of each problem of a row. */
	static List<String[]> check(UnitFigures.Draft d) {
		List<String[]> problems = new ArrayList<>();
		if (d.budget() == null) {
			problems.add(new String[] { "budget", "validation.required" });
		}
		if (d.outcome() == null) {
			problems.add(new String[] { "outcome", "validation.required" });
		}
		String[] names = { "budget", "outcome", "forecast", "previousYear", "savingsTarget" };
		BigDecimal[] amounts = { d.budget(), d.outcome(), d.forecast(), d.previousYear(), d.savingsTarget() };
		for (int i = 0; i < names.length; i++) {
			if (!Bounds.millions(amounts[i])) {
				problems.add(new String[] { names[i], "figures.range" });
			}
		}
		if (d.workedHours() != null && d.workedHours().abs().compareTo(new BigDecimal("9999999999999.9")) > 0) {
			problems.add(new String[] { "workedHours", "figures.range" });
		}
		if (d.employees() != null && d.employees() < 0) {
			problems.add(new String[] { "employees", "figures.negative" });
		}
		if (d.permanentEmployees() != null && d.permanentEmployees() < 0) {
			problems.add(new String[] { "permanentEmployees", "figures.negative" });
		}
		if (d.permanentEmployees() != null && d.employees() != null && d.permanentEmployees() > d.employees()) {
			problems.add(new String[] { "permanentEmployees", "figures.permanent.exceeds" });
		}
		if (d.sickLeavePct() != null
				&& (d.sickLeavePct().signum() < 0 || d.sickLeavePct().compareTo(BigDecimal.valueOf(100)) > 0)) {
			problems.add(new String[] { "sickLeavePct", "figures.percent" });
		}
		if (d.workedHours() != null && d.workedHours().signum() < 0) {
			problems.add(new String[] { "workedHours", "figures.negative" });
		}
		return problems;
	}

	/** Inserts or updates one unit's figures; false when nothing changed. */
	boolean store(StratlasPrincipal user, String period, UnitFigures.Draft d, String how) {
		Optional<UnitFigures> existing = this.repository.jdbc()
			.sql("select * from followup_unit_figures where unit_id = :unit and period_code = :period")
			.param("unit", d.unitId())
			.param("period", period)
			.query(FollowupRepository.FIGURES)
			.optional();
		if (existing.isPresent() && sameAs(existing.get(), d)) {
			return false;
		}
		if (existing.isPresent()) {
			UnitFigures before = existing.get();
			int expected = d.version() == null ? before.version() : d.version();
			int updated = this.repository.jdbc()
				.sql("""
						update followup_unit_figures set budget = :budget, outcome = :outcome, forecast = :forecast,
						previous_year = :previous, savings_target = :savings, employees = :employees,
						employees_change = :change, permanent_employees = :permanent, sick_leave_pct = :sick,
						worked_hours = :worked, version = version + 1, updated_at = now(), updated_by = :actor
						where id = :id and version = :version""")
				.params(parameters(d))
				.param("actor", user.username())
				.param("id", before.id())
				.param("version", expected)
				.update();
			if (updated == 0) {
				throw new EditConflictException(ENTITY, before.id(), before);
			}
			this.audit.record(user.organisationId(), user.username(), ENTITY, before.id(), "UPDATED",
					period + " (" + how + ")",
					Map.of("budget", new FieldChange(before.budget(), d.budget()), "outcome",
							new FieldChange(before.outcome(), d.outcome()), "forecast",
							new FieldChange(before.forecast(), d.forecast())));
			return true;
		}
		long id = this.repository.jdbc()
			.sql("""
					insert into followup_unit_figures (organisation_id, unit_id, period_code, budget, outcome, forecast,
					previous_year, savings_target, employees, employees_change, permanent_employees, sick_leave_pct,
					worked_hours, updated_by) values (:org, :unit, :period, :budget, :outcome, :forecast, :previous,
					:savings, :employees, :change, :permanent, :sick, :worked, :actor) returning id""")
			.params(parameters(d))
			.param("org", user.organisationId())
			.param("unit", d.unitId())
			.param("period", period)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "CREATED", period + " (" + how + ")",
				Map.of("budget", new FieldChange(null, d.budget()), "outcome", new FieldChange(null, d.outcome())));
		return true;
	}

	private static Map<String, Object> parameters(UnitFigures.Draft d) {
		Map<String, Object> p = new HashMap<>();
		p.put("budget", d.budget());
		p.put("outcome", d.outcome());
		p.put("forecast", d.forecast());
		p.put("previous", d.previousYear());
		p.put("savings", d.savingsTarget());
		p.put("employees", d.employees());
		p.put("change", d.employeesChange());
		p.put("permanent", d.permanentEmployees());
		p.put("sick", d.sickLeavePct());
		p.put("worked", d.workedHours());
		return p;
	}

	private static boolean sameAs(UnitFigures f, UnitFigures.Draft d) {
		return eq(f.budget(), d.budget()) && eq(f.outcome(), d.outcome()) && eq(f.forecast(), d.forecast())
				&& eq(f.previousYear(), d.previousYear()) && eq(f.savingsTarget(), d.savingsTarget())
				&& Objects.equals(f.employees(), d.employees())
				&& Objects.equals(f.employeesChange(), d.employeesChange())
				&& Objects.equals(f.permanentEmployees(), d.permanentEmployees())
				&& eq(f.sickLeavePct(), d.sickLeavePct()) && eq(f.workedHours(), d.workedHours());
	}

	private static boolean eq(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	/**
	 * Notes where a unit's figures come from (shown beside them), e.g. which were stated
	 * by the source and which were derived.
	 */
	public void note(StratlasPrincipal user, long unitId, String periodCode, String note) {
		if (!mayEdit(user, unitId)) {
			throw new AccessDeniedException("Unit " + unitId + " is not the user's");
		}
		this.repository.jdbc()
			.sql("update followup_unit_figures set source_note = :note where organisation_id = :org and unit_id = :unit and period_code = :period")
			.param("note", note)
			.param("org", user.organisationId())
			.param("unit", unitId)
			.param("period", parse(periodCode))
			.update();
	}

	private static String parse(String periodCode) {
		try {
			return Period.parse(periodCode).code();
		}
		catch (PeriodFormatException ex) {
			throw new ValidationException("period", "cycle.period.invalid", periodCode);
		}
	}

}
