package se.stratlas.followup;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.internal.FigureRowReader;
import se.stratlas.shared.JobRunner;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

/**
 * Finance and staffing figures as files: the import of the finance system's export (all
 * or nothing, a total row checked against the units), the empty template to fill in, and
 * the export of a period. The figures themselves are {@link UnitFigureBook}'s.
 */
@Component
@Transactional
public class UnitFigureImports {

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

	/** What an import did. */
	public record ImportResult(int inserted, int updated, int unchanged) implements Serializable {
	}

	private final UnitFigureBook book;

	private final OrganisationUnits units;

	private final JobRunner slots;

	private final TransactionTemplate transactions;

	UnitFigureImports(UnitFigureBook book, OrganisationUnits units, JobRunner slots, TransactionTemplate transactions) {
		this.book = book;
		this.units = units;
		this.slots = slots;
		this.transactions = transactions;
	}

	/** A period's figures to download: the period's code and the table. */
	public record Export(String period, Table table) {
	}

	/**
	 * The figures of the period asked for (null or blank: the latest with figures, else
	 * this year) as a table to download.
	 */
	@Transactional(readOnly = true)
	public Export exportOf(long organisationId, String period) {
		String code = this.book.periodOrLatest(organisationId, period);
		return new Export(code, export(organisationId, code));
	}

	/** A period's figures as a table to download, a row per unit with figures. */
	@Transactional(readOnly = true)
	public Table export(long organisationId, String periodCode) {
		List<List<Object>> rows = new ArrayList<>();
		for (UnitFigureBook.Row r : this.book.rows(organisationId, periodCode, false)) {
			UnitFigures f = r.figures();
			rows.add(Arrays.asList(r.unit().name(), periodCode, f.budget(), f.outcome(), nz(f.forecast()),
					nz(f.previousYear()), nz(f.savingsTarget()), nz(f.employees()), nz(f.employeesChange()),
					nz(f.permanentEmployees()), nz(f.sickLeavePct()), nz(f.workedHours())));
		}
		return new Table("ekonomi och personal " + periodCode, COLUMNS, rows);
	}

	private static Object nz(Object value) {
		return value == null ? "" : value;
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
		LocalDate today = LocalDate.now();
		return template(unit, today.getYear() + "T" + ((today.getMonthValue() - 1) / 4 + 1));
	}

	/**
	 * Imports a finance export. Units are matched by name; a row named Totalt/Summa is
	 * checked against the sum of the others and not stored.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
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
			FigureRowReader reader = new FigureRowReader(cells, columns, rowNumber, problems);
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
			else if (unit != null && !this.book.mayEdit(user, unit.id())) {
				problems.add(new ImportProblem(rowNumber, "enhet*",
						"Du får inte rapportera för enheten \"" + unitName + "\"."));
			}
			Integer employees = reader.integer("antal_anställda");
			UnitFigures.Draft draft = new UnitFigures.Draft(unit == null ? 0 : unit.id(), budget, outcome, forecast,
					reader.number("föregående_år_mnkr", false), reader.number("sparbeting_mnkr", false), employees,
					reader.integer("förändring_anställda"), reader.integer("varav_tillsvidare"),
					reader.number("sjukfrånvaro_procent", false), reader.number("arbetad_tid_timmar", false), null);
			for (String[] problem : UnitFigureBook.check(draft)) {
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
			boolean existed = this.book.byUnit(user.organisationId(), entry.getKey())
				.containsKey(entry.getValue().unitId());
			boolean changed = this.book.store(user, entry.getKey(), entry.getValue(), "import " + filename);
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

}
