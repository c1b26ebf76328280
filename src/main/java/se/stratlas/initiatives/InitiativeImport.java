package se.stratlas.initiatives;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.shared.Texts;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditTrail;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * Bulk import of initiatives from CSV or XLSX in the layout of {@link #template(long)}.
 * Every row is validated first; one error anywhere means nothing is imported, and the
 * report names the row, the column and the problem.
 */
@Component
public class InitiativeImport {

	/** The columns, in order; those marked * are required. */
	public static final List<String> COLUMNS = List.of("namn*", "akronym", "typ*", "status*", "startdatum", "slutdatum",
			"beskrivning", "syfte", "målgrupp", "kommunkoder", "bidrar till", "finansieringskälla", "år", "belopp_sek");

	private final InitiativeManagement management;

	private final InitiativeRepository repository;

	private final StrategyCatalog strategies;

	private final Areas areas;

	private final AuditTrail audit;

	private final se.stratlas.shared.JobRunner slots;

	private final se.stratlas.accounts.Organisations organisations;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	private final org.springframework.context.MessageSource messages;

	InitiativeImport(InitiativeManagement management, InitiativeRepository repository, StrategyCatalog strategies,
			Areas areas, AuditTrail audit, se.stratlas.shared.JobRunner slots,
			se.stratlas.accounts.Organisations organisations,
			org.springframework.transaction.support.TransactionTemplate transactions,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.transactions = transactions;
		this.organisations = organisations;
		this.slots = slots;
		this.management = management;
		this.repository = repository;
		this.strategies = strategies;
		this.areas = areas;
		this.audit = audit;
	}

	/** The template users fill in, with one example row. */
	public byte[] template(long organisationId) {
		return TableFiles.xlsx(List.of(templateTable(organisationId)));
	}

	public byte[] templateCsv(long organisationId) {
		return TableFiles.csv(templateTable(organisationId));
	}

	/**
	 * The columns with one example row drawn from the organisation itself: two of its
	 * home county's municipalities and an element of its first strategy.
	 */
	private Table templateTable(long organisationId) {
		List<String> municipalities = this.areas.homeAreas(this.organisations.homeArea(organisationId))
			.stream()
			.filter(a -> a.kind() == se.stratlas.areas.Area.Kind.MUNICIPALITY)
			.limit(2)
			.map(se.stratlas.areas.Area::code)
			.toList();
		String contributes = this.strategies.strategies(organisationId)
			.stream()
			.findFirst()
			.map(strategy -> this.strategies
				.elements(organisationId, this.strategies.latestVersion(organisationId, strategy.id()).id())
				.stream()
				.filter(e -> e.code() != null && !e.code().isBlank())
				.reduce((first, second) -> second.path().length() > first.path().length() ? second : first)
				.map(e -> strategy.code() + " " + e.code())
				.orElse(""))
			.orElse("");
		return new Table("Insatser", COLUMNS,
				List.of(List.of("Exempel: digital samverkan", "DIGSAM", "projekt", "pågående", "2025-01-01",
						"2027-12-31", "Treårigt projekt för digital samverkan", "Stärka kommunernas digitalisering",
						"Länets kommuner", String.join(";", municipalities), contributes, "ERUF", 2025, 1500000)));
	}

	/** Imports the rows; all or nothing. */
	public int importFile(StratlasPrincipal user, String filename, byte[] content) {
		// On an import thread, in a transaction of its own: all or nothing.
		return this.slots.run(user.organisationId() + "/" + user.username(),
				() -> this.transactions.execute(status -> importRows(user, filename, content)));
	}

	private int importRows(StratlasPrincipal user, String filename, byte[] content) {
		List<List<String>> rows = read(filename, content);
		List<ImportProblem> problems = new ArrayList<>();
		if (rows.isEmpty()) {
			throw new ImportRefusedException(List.of(new ImportProblem(1, "", "Filen är tom.")));
		}
		Map<String, Integer> columns = header(rows.getFirst(), problems);
		if (!problems.isEmpty()) {
			throw new ImportRefusedException(problems);
		}
		Map<String, Strategy> strategiesByCode = new HashMap<>();
		this.strategies.strategies(user.organisationId())
			.forEach(s -> strategiesByCode.putIfAbsent(s.code().toLowerCase(Locale.ROOT), s));
		List<ParsedRow> parsed = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> row = rows.get(i);
			if (row.stream().allMatch(String::isBlank)) {
				continue;
			}
			parsed.add(parse(user, i + 1, row, columns, strategiesByCode, problems));
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException(problems);
		}
		for (ParsedRow row : parsed) {
			try {
				InitiativeDraft draft = this.management.validate(user, null, row.draft());
				if (!this.management.mayOwn(user, draft.ownerUnitId())) {
					problems
						.add(new ImportProblem(row.number(), "namn*", "Du kan bara importera insatser för din enhet."));
					continue;
				}
				long id = this.management.insert(user.organisationId(), draft, null, user.username());
				if (row.element() != null) {
					this.repository.jdbc().sql("""
							insert into initiatives_contribution (initiative_id, element_key, is_primary)
							values (:id, :key, true)""").param("id", id).param("key", row.element().key()).update();
				}
				if (row.source() != null && row.amount() != null) {
					this.repository.jdbc()
						.sql("""
								insert into initiatives_funding (initiative_id, source, year, amount_sek)
								values (:id, :source, :year, :amount)""")
						.param("id", id)
						.param("source", row.source().name())
						.param("year", row.year())
						.param("amount", row.amount())
						.update();
				}
				this.audit.record(user.organisationId(), user.username(), InitiativeManagement.ENTITY, id, "IMPORTED",
						draft.name(), this.management.fields(null, draft));
			}
			catch (se.stratlas.shared.ValidationException ex) {
				ex.violations().forEach(v -> problems.add(new ImportProblem(row.number(), v.field(), v.messageKey())));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException(problems);
		}
		return parsed.size();
	}

	private record ParsedRow(int number, InitiativeDraft draft, StrategyElement element, FundingSource source,
			Integer year, BigDecimal amount) {
	}

	private ParsedRow parse(StratlasPrincipal user, int number, List<String> row, Map<String, Integer> columns,
			Map<String, Strategy> strategiesByCode, List<ImportProblem> problems) {
		String name = cell(row, columns, "namn*");
		if (name.isBlank()) {
			problems.add(new ImportProblem(number, "namn*", "Namn saknas."));
		}
		InitiativeType type = enumValue(InitiativeType.class, cell(row, columns, "typ*"), number, "typ*", true,
				problems);
		Status status = enumValue(Status.class, cell(row, columns, "status*"), number, "status*", true, problems);
		LocalDate start = date(cell(row, columns, "startdatum"), number, "startdatum", problems);
		LocalDate end = date(cell(row, columns, "slutdatum"), number, "slutdatum", problems);
		if (start != null && end != null && end.isBefore(start)) {
			problems.add(new ImportProblem(number, "slutdatum", "Slutdatum ligger före startdatum."));
		}
		List<String> areaCodes = Arrays.stream(cell(row, columns, "kommunkoder").split("[;,\\s]+"))
			.filter(c -> !c.isBlank())
			.toList();
		for (String code : areaCodes) {
			if (!this.areas.exists(code)) {
				problems.add(new ImportProblem(number, "kommunkoder", "Okänd kommunkod " + code + "."));
			}
		}
		StrategyElement element = null;
		String contribution = cell(row, columns, "bidrar till");
		if (!contribution.isBlank()) {
			String[] parts = contribution.strip().split("\\s+", 2);
			Strategy strategy = parts.length == 2 ? strategiesByCode.get(parts[0].toLowerCase(Locale.ROOT)) : null;
			if (strategy == null) {
				problems.add(new ImportProblem(number, "bidrar till",
						"Skriv strategins kod och elementets kod, t.ex. \"RUS 1.2\"."));
			}
			else {
				String code = parts[1].replace(':', '.');
				Optional<StrategyElement> match = this.strategies
					.elements(user.organisationId(),
							this.strategies.latestVersion(user.organisationId(), strategy.id()).id())
					.stream()
					.filter(e -> code.equalsIgnoreCase(e.code()))
					.findFirst();
				if (match.isEmpty()) {
					problems.add(new ImportProblem(number, "bidrar till",
							"Strategin " + strategy.code() + " har inget element med koden " + parts[1] + "."));
				}
				element = match.orElse(null);
			}
		}
		FundingSource source = enumValue(FundingSource.class, cell(row, columns, "finansieringskälla"), number,
				"finansieringskälla", false, problems);
		Integer year = null;
		BigDecimal amount = null;
		String yearText = cell(row, columns, "år");
		String amountText = cell(row, columns, "belopp_sek").replace(" ", "").replace(",", ".");
		if (source != null || !yearText.isBlank() || !amountText.isBlank()) {
			if (source == null) {
				problems.add(new ImportProblem(number, "finansieringskälla", "Finansieringskälla saknas."));
			}
			try {
				year = Integer.parseInt(yearText.replaceAll("\\.0$", ""));
				if (year < 1990 || year > 2100) {
					problems.add(new ImportProblem(number, "år", "Året ska ligga mellan 1990 och 2100."));
				}
			}
			catch (NumberFormatException ex) {
				problems.add(new ImportProblem(number, "år", "\"" + yearText + "\" är inget årtal."));
			}
			try {
				amount = new BigDecimal(amountText);
				if (amount.signum() < 0) {
					problems.add(new ImportProblem(number, "belopp_sek", "Beloppet kan inte vara negativt."));
				}
				else if (!se.stratlas.shared.Bounds.kronor(amount)) {
					problems.add(new ImportProblem(number, "belopp_sek",
							"Beloppet ska vara hela kronor, högst 999 999 999 999 999."));
				}
			}
			catch (NumberFormatException ex) {
				problems
					.add(new ImportProblem(number, "belopp_sek", "\"" + amountText + "\" är inget belopp i kronor."));
			}
		}
		InitiativeDraft draft = new InitiativeDraft(name, cell(row, columns, "akronym"), type, status,
				cell(row, columns, "beskrivning"), cell(row, columns, "syfte"), cell(row, columns, "målgrupp"), null,
				null, null, start, end, user.unitId(), null, areaCodes, List.of());
		return new ParsedRow(number, draft, element, source, year, amount);
	}

	private static Map<String, Integer> header(List<String> header, List<ImportProblem> problems) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		for (String column : COLUMNS) {
			if (column.endsWith("*") && !columns.containsKey(column)) {
				problems.add(new ImportProblem(1, column, "Kolumnen \"" + column + "\" saknas i rubrikraden."));
			}
		}
		return columns;
	}

	private static String cell(List<String> row, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		return index == null || index >= row.size() || row.get(index) == null ? "" : row.get(index).strip();
	}

	private <E extends Enum<E>> E enumValue(Class<E> type, String text, int row, String column, boolean required,
			List<ImportProblem> problems) {
		if (text.isBlank()) {
			if (required) {
				problems.add(new ImportProblem(row, column, "Värde saknas. Tillåtna: " + names(type) + "."));
			}
			return null;
		}
		String normalized = text.strip()
			.toUpperCase(Locale.ROOT)
			.replace('Å', 'A')
			.replace('Ä', 'A')
			.replace('Ö', 'O')
			.replace(' ', '_')
			.replace(':', '_')
			.replace('.', '_');
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(normalized)) {
				return value;
			}
		}
		problems
			.add(new ImportProblem(row, column, "\"" + text + "\" är inte tillåtet. Tillåtna: " + names(type) + "."));
		return null;
	}

	/** The allowed values as people write them (the labels; the import reads either). */
	private <E extends Enum<E>> String names(Class<E> type) {
		return String.join(", ", Arrays.stream(type.getEnumConstants()).map(this::label).toList());
	}

	private String label(Enum<?> value) {
		try {
			String key = (String) value.getClass().getMethod("messageKey").invoke(value);
			return this.messages.getMessage(key, null, value.name(), java.util.Locale.forLanguageTag("sv"));
		}
		catch (ReflectiveOperationException ex) {
			return value.name();
		}
	}

	private static LocalDate date(String text, int row, String column, List<ImportProblem> problems) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.add(new ImportProblem(row, column, "\"" + text + "\" är inget datum (ÅÅÅÅ-MM-DD)."));
			return null;
		}
	}

	static List<List<String>> read(String filename, byte[] content) {
		return TableFiles.read(filename, content);
	}

}
