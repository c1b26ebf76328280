package se.stratlas.initiatives.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Areas;
import se.stratlas.initiatives.InitiativeDraft;
import se.stratlas.initiatives.InitiativeImport;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;
import se.stratlas.shared.Bounds;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * Reads the rows of an initiative import file: each cell checked, each problem named by
 * row, column and what is wrong, in Swedish as the file's columns are.
 */
@Component
public class InitiativeRowParser {

	private final StrategyCatalog strategies;

	private final Areas areas;

	private final MessageSource messages;

	InitiativeRowParser(StrategyCatalog strategies, Areas areas, MessageSource messages) {
		this.strategies = strategies;
		this.areas = areas;
		this.messages = messages;
	}

	/**
	 * One row read and checked: the initiative and its optional contribution and funding.
	 */
	public record ParsedRow(int number, InitiativeDraft draft, StrategyElement element, FundingSource source,
			Integer year, BigDecimal amount) {
	}

	/** Reads one row; every problem found is added to {@code problems}. */
	public ParsedRow parse(StratlasPrincipal user, int number, List<String> row, Map<String, Integer> columns,
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
				else if (!Bounds.kronor(amount)) {
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

	/** The header's columns by name; a missing required column is a problem. */
	public static Map<String, Integer> header(List<String> header, List<ImportProblem> problems) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		for (String column : InitiativeImport.COLUMNS) {
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
			return this.messages.getMessage(key, null, value.name(), Locale.forLanguageTag("sv"));
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

}
