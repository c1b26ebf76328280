package se.stratlas.initiatives;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditTrail;
import se.stratlas.initiatives.internal.InitiativeRepository;
import se.stratlas.initiatives.internal.InitiativeRowParser;
import se.stratlas.initiatives.internal.InitiativeRowParser.ParsedRow;
import se.stratlas.shared.JobRunner;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;

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

	private final JobRunner slots;

	private final Organisations organisations;

	private final TransactionTemplate transactions;

	private final InitiativeRowParser parser;

	InitiativeImport(InitiativeManagement management, InitiativeRepository repository, StrategyCatalog strategies,
			Areas areas, AuditTrail audit, JobRunner slots, Organisations organisations,
			TransactionTemplate transactions, InitiativeRowParser parser) {
		this.parser = parser;
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
			.filter(a -> a.kind() == Area.Kind.MUNICIPALITY)
			.limit(2)
			.map(Area::code)
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
		Map<String, Integer> columns = InitiativeRowParser.header(rows.getFirst(), problems);
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
			parsed.add(this.parser.parse(user, i + 1, row, columns, strategiesByCode, problems));
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
			catch (ValidationException ex) {
				ex.violations().forEach(v -> problems.add(new ImportProblem(row.number(), v.field(), v.messageKey())));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException(problems);
		}
		return parsed.size();
	}

	static List<List<String>> read(String filename, byte[] content) {
		return TableFiles.read(filename, content);
	}

}
