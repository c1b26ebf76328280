package se.stratlas.followup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import se.stratlas.indicators.Period;
import se.stratlas.indicators.Period.PeriodFormatException;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

/**
 * Finance and staffing per unit and period: entered in a grid or imported from the
 * finance system's export. Budget and utfall are required; numbers are checked, varav
 * tillsvidare cannot exceed antal anställda, sjukfrånvaro is a percentage, and a total
 * row ("Totalt") in a file must equal the sum of the units. Nothing is saved unless
 * everything is right.
 */
@Component
@Transactional
public class UnitFigureBook {

	static final String ENTITY = "followup_unit_figures";

	/** The import columns, in order; those marked * are required. */
	public static final List<String> COLUMNS = List.of("enhet*", "period*", "budget_mnkr*", "utfall_mnkr*",
			"helårsprognos_mnkr", "föregående_år_mnkr", "sparbeting_mnkr", "antal_anställda", "förändring_anställda",
			"varav_tillsvidare", "sjukfrånvaro_procent", "arbetad_tid_timmar");

	/** Words that mark a total row in a finance export. */
	private static final List<String> TOTAL_WORDS = List.of("totalt", "summa", "total");

	/**
	 * Rows equal when they differ by less than this (finance exports round to 0,1 mnkr).
	 */
	private static final BigDecimal TOLERANCE = new BigDecimal("0.05");

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

	/** What an import did. */
	public record ImportResult(int inserted, int updated, int unchanged) implements java.io.Serializable {
	}

	private final FollowupRepository repository;

	private final OrganisationUnits units;

	private final AuditTrail audit;

	private final se.stratlas.shared.JobRunner slots;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	UnitFigureBook(FollowupRepository repository, OrganisationUnits units, AuditTrail audit,
			se.stratlas.shared.JobRunner slots,
			org.springframework.transaction.support.TransactionTemplate transactions) {
		this.transactions = transactions;
		this.slots = slots;
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

	private Map<Long, UnitFigures> byUnit(long organisationId, String period) {
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
	private static List<String[]> check(UnitFigures.Draft d) {
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
			if (!se.stratlas.shared.Bounds.millions(amounts[i])) {
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
	private boolean store(StratlasPrincipal user, String period, UnitFigures.Draft d, String how) {
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

	/** An empty import file with the columns and one example row. */
	public static Table template(String unitName, String periodCode) {
		// Numbers as numbers (a text "-2" would be kept from Excel's formulas with an
		// apostrophe). Amounts in millions of kronor; a deficit is negative.
		return new Table("ekonomi och personal", COLUMNS, List.of(List.of(unitName, periodCode, new BigDecimal("-2"),
				new BigDecimal("1"), new BigDecimal("8"), "", "", 131, -6, "", new BigDecimal("5.3"), "")));
	}

	/**
	 * The template for an organisation: its first unit's name and the current tertial.
	 */
	public Table template(long organisationId) {
		String unit = this.units.list(organisationId)
			.stream()
			.map(OrganisationUnit::name)
			.findFirst()
			.orElse("Enhet A");
		java.time.LocalDate today = java.time.LocalDate.now();
		return template(unit, today.getYear() + "T" + ((today.getMonthValue() - 1) / 4 + 1));
	}

	/**
	 * Imports a finance export. Units are matched by name; a row named Totalt/Summa is
	 * checked against the sum of the others and not stored.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public ImportResult importFile(StratlasPrincipal user, String filename, byte[] content) {
		if (!user.can(Role.REPORTER)) {
			throw new AccessDeniedException("Only rapportörer and strateger import figures");
		}
		// On an import thread, in a transaction of its own: all or nothing.
		return this.slots.run(user.organisationId() + "/" + user.username(),
				() -> this.transactions.execute(status -> importRows(user, filename, content)));
	}

	private ImportResult importRows(StratlasPrincipal user, String filename, byte[] content) {
		List<List<String>> rows = TableFiles.read(filename, content);
		List<ImportProblem> problems = new ArrayList<>();
		if (rows.isEmpty()) {
			throw new ImportRefusedException(List.of(new ImportProblem(1, "", "Filen är tom.")));
		}
		Map<String, Integer> columns = columns(rows.getFirst(), problems);
		if (!problems.isEmpty()) {
			throw new ImportRefusedException(problems);
		}
		Map<String, OrganisationUnit> units = new HashMap<>();
		this.units.list(user.organisationId()).forEach(u -> units.put(u.name().toLowerCase(Locale.ROOT).strip(), u));
		List<Map.Entry<String, UnitFigures.Draft>> drafts = new ArrayList<>();
		Map<String, Map<String, BigDecimal>> sums = new HashMap<>();
		List<Object[]> totals = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> cells = rows.get(i);
			int rowNumber = i + 1;
			if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
				continue;
			}
			Reader reader = new Reader(cells, columns, rowNumber, problems);
			String unitName = reader.text("enhet*");
			String period = reader.period("period*");
			BigDecimal budget = reader.number("budget_mnkr*", true);
			BigDecimal outcome = reader.number("utfall_mnkr*", true);
			BigDecimal forecast = reader.number("helårsprognos_mnkr", false);
			if (unitName != null && TOTAL_WORDS.contains(unitName.toLowerCase(Locale.ROOT))) {
				totals.add(new Object[] { rowNumber, period, budget, outcome, forecast });
				continue;
			}
			OrganisationUnit unit = unitName == null ? null : units.get(unitName.toLowerCase(Locale.ROOT));
			if (unitName != null && unit == null) {
				problems.add(new ImportProblem(rowNumber, "enhet*",
						"Enheten \"" + unitName + "\" finns inte i organisationen."));
			}
			else if (unit != null && !mayEdit(user, unit.id())) {
				problems.add(new ImportProblem(rowNumber, "enhet*",
						"Du får inte rapportera för enheten \"" + unitName + "\"."));
			}
			Integer employees = reader.integer("antal_anställda");
			UnitFigures.Draft draft = new UnitFigures.Draft(unit == null ? 0 : unit.id(), budget, outcome, forecast,
					reader.number("föregående_år_mnkr", false), reader.number("sparbeting_mnkr", false), employees,
					reader.integer("förändring_anställda"), reader.integer("varav_tillsvidare"),
					reader.number("sjukfrånvaro_procent", false), reader.number("arbetad_tid_timmar", false), null);
			for (String[] problem : check(draft)) {
				if (!problem[1].equals("validation.required")) {
					problems.add(new ImportProblem(rowNumber, column(problem[0]), message(problem[1])));
				}
			}
			if (unit != null && period != null) {
				drafts.add(Map.entry(period, draft));
				Map<String, BigDecimal> sum = sums.computeIfAbsent(period, k -> new HashMap<>());
				add(sum, "budget_mnkr*", budget);
				add(sum, "utfall_mnkr*", outcome);
				add(sum, "helårsprognos_mnkr", forecast);
			}
		}
		for (Object[] total : totals) {
			Map<String, BigDecimal> sum = sums.getOrDefault((String) total[1], Map.of());
			String[] names = { "budget_mnkr*", "utfall_mnkr*", "helårsprognos_mnkr" };
			for (int k = 0; k < names.length; k++) {
				BigDecimal stated = (BigDecimal) total[k + 2];
				BigDecimal computed = sum.getOrDefault(names[k], BigDecimal.ZERO);
				if (stated != null && stated.subtract(computed).abs().compareTo(TOLERANCE) > 0) {
					problems.add(new ImportProblem((int) total[0], names[k], "Totalen " + plain(stated)
							+ " stämmer inte med summan av enheterna, " + plain(computed) + "."));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException(problems);
		}
		int inserted = 0;
		int updated = 0;
		int unchanged = 0;
		for (var entry : drafts) {
			boolean existed = byUnit(user.organisationId(), entry.getKey()).containsKey(entry.getValue().unitId());
			boolean changed = store(user, entry.getKey(), entry.getValue(), "import " + filename);
			if (!changed) {
				unchanged++;
			}
			else if (existed) {
				updated++;
			}
			else {
				inserted++;
			}
		}
		return new ImportResult(inserted, updated, unchanged);
	}

	private static String plain(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private static void add(Map<String, BigDecimal> sum, String column, BigDecimal value) {
		if (value != null) {
			sum.merge(column, value, BigDecimal::add);
		}
	}

	private static String column(String field) {
		return switch (field) {
			case "employees" -> "antal_anställda";
			case "permanentEmployees" -> "varav_tillsvidare";
			case "sickLeavePct" -> "sjukfrånvaro_procent";
			case "workedHours" -> "arbetad_tid_timmar";
			default -> field;
		};
	}

	private static String message(String key) {
		return switch (key) {
			case "figures.negative" -> "Talet får inte vara negativt.";
			case "figures.permanent.exceeds" -> "Fler tillsvidareanställda än anställda.";
			case "figures.percent" -> "En procentsats ska ligga mellan 0 och 100.";
			default -> key;
		};
	}

	private static Map<String, Integer> columns(List<String> header, List<ImportProblem> problems) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(Locale.ROOT);
			columns.put(name.replace("*", ""), i);
		}
		for (String column : COLUMNS) {
			if (column.endsWith("*") && !columns.containsKey(column.replace("*", ""))) {
				problems.add(new ImportProblem(1, column, "Kolumnen \"" + column.replace("*", "") + "\" saknas."));
			}
		}
		return columns;
	}

	private static String parse(String periodCode) {
		try {
			return Period.parse(periodCode).code();
		}
		catch (PeriodFormatException ex) {
			throw new ValidationException("period", "cycle.period.invalid", periodCode);
		}
	}

	/** Reads the cells of one row, noting each problem with its row and column. */
	private static final class Reader {

		private final List<String> cells;

		private final Map<String, Integer> columns;

		private final int row;

		private final List<ImportProblem> problems;

		Reader(List<String> cells, Map<String, Integer> columns, int row, List<ImportProblem> problems) {
			this.cells = cells;
			this.columns = columns;
			this.row = row;
			this.problems = problems;
		}

		String text(String column) {
			Integer index = this.columns.get(column.replace("*", ""));
			String value = index == null || index >= this.cells.size() ? null : this.cells.get(index);
			value = value == null ? null : value.strip();
			if ((value == null || value.isEmpty()) && column.endsWith("*")) {
				this.problems.add(new ImportProblem(this.row, column, "Värde saknas."));
				return null;
			}
			return value == null || value.isEmpty() ? null : value;
		}

		String period(String column) {
			String text = text(column);
			if (text == null) {
				return null;
			}
			try {
				return Period.parse(text).code();
			}
			catch (PeriodFormatException ex) {
				this.problems.add(new ImportProblem(this.row, column,
						"\"" + text + "\" är ingen period (t.ex. 2021T1, 2021, 2021-04)."));
				return null;
			}
		}

		BigDecimal number(String column, boolean required) {
			String text = text(required ? column : column.replace("*", ""));
			if (text == null) {
				return null;
			}
			String normal = text.replace('\u2212', '-').replace(" ", "").replace("\u00a0", "").replace(',', '.');
			try {
				return new BigDecimal(normal);
			}
			catch (NumberFormatException ex) {
				this.problems.add(new ImportProblem(this.row, column, "\"" + text + "\" är inget tal."));
				return null;
			}
		}

		Integer integer(String column) {
			BigDecimal number = number(column, false);
			if (number == null) {
				return null;
			}
			try {
				return number.intValueExact();
			}
			catch (ArithmeticException ex) {
				this.problems.add(new ImportProblem(this.row, column, "\"" + number + "\" är inget heltal."));
				return null;
			}
		}

	}

}
