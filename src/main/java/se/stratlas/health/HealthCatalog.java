package se.stratlas.health;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.DatasetDraft;
import se.stratlas.health.internal.HealthRepository;
import se.stratlas.health.internal.QualityMeter;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.tables.TableFiles;

/**
 * The register of health data sources and datasets, and their loads: every load is
 * checked against the dataset's variables, stored, and measured into a quality label. Any
 * signed-in user sees the register (researchers of other organisations apply from it); a
 * steward (strateg or administrator) of the organisation that holds the data registers
 * and loads.
 */
@Service
public class HealthCatalog {

	static final String SOURCE = "health_source";

	static final String DATASET = "health_dataset";

	private static final int MAX_VARIABLES = 100;

	private static final int MAX_PROBLEMS = 20;

	private static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("0.900");

	private final HealthRepository repository;

	private final AuditTrail audit;

	private final Areas areas;

	private final Organisations organisations;

	private final Clock clock;

	HealthCatalog(HealthRepository repository, AuditTrail audit, Areas areas, Organisations organisations,
			Optional<Clock> clock) {
		this.repository = repository;
		this.organisations = organisations;
		this.audit = audit;
		this.areas = areas;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public List<HealthSource> sources() {
		return this.repository.sources();
	}

	public List<HealthDataset> datasets() {
		return this.repository.datasets();
	}

	public HealthDataset dataset(long id) {
		return this.repository.dataset(id).orElseThrow(() -> new NotFoundException(DATASET, id));
	}

	/** Whether the user may register and load data for the organisation that holds it. */
	public static boolean steward(StratlasPrincipal user, long organisationId) {
		return user.organisationId() == organisationId && user.can(Role.STRATEGIST);
	}

	@Transactional
	public HealthSource createSource(StratlasPrincipal user, HealthSource.Draft draft, String demoNote) {
		if (draft == null) {
			throw new ValidationException("name", "validation.required");
		}
		String name = Texts.required("name", draft.name(), 200);
		String owner = Texts.required("owner", draft.owner(), 200);
		String description = Texts.optional("description", draft.description(), 4000);
		String note = Texts.optional("researchNote", draft.researchNote(), 400);
		if (draft.legalBasis() == null) {
			throw new ValidationException("legalBasis", "validation.required");
		}
		if (draft.refreshFrequency() == null || !DatasetDraft.FREQUENCIES.contains(draft.refreshFrequency())) {
			throw new ValidationException("refreshFrequency", "validation.required");
		}
		if (draft.researchLink() == null) {
			throw new ValidationException("researchLink", "validation.required");
		}
		HealthSource.Draft clean = new HealthSource.Draft(name, owner, description, draft.legalBasis(),
				draft.specialBasis(), draft.refreshFrequency(), draft.researchLink(), note);
		long id = this.repository.insertSource(user.organisationId(), clean, demoNote, user.username());
		this.audit.record(user.organisationId(), user.username(), SOURCE, id, "CREATED", name, Map.of());
		return this.repository.source(id).orElseThrow();
	}

	@Transactional
	public HealthDataset createDataset(StratlasPrincipal user, HealthDataset.Draft draft, String demoNote) {
		if (draft == null) {
			throw new ValidationException("title", "validation.required");
		}
		HealthSource source = this.repository.source(draft.sourceId() == null ? 0 : draft.sourceId())
			.filter(s -> s.organisationId() == user.organisationId())
			.orElseThrow(() -> new ValidationException("sourceId", "validation.required"));
		String title = Texts.required("title", draft.title(), 200);
		String provenance = Texts.required("provenance", draft.provenance(), 400);
		String description = Texts.optional("description", draft.description(), 4000);
		if (draft.sensitivity() == null) {
			throw new ValidationException("sensitivity", "validation.required");
		}
		if (draft.category() == null) {
			throw new ValidationException("category", "validation.required");
		}
		String home = this.organisations.get(user.organisationId()).homeArea();
		String county = draft.countyCode() != null ? draft.countyCode()
				: home == null ? null : this.areas.countyOf(home);
		if (county == null || this.areas.find(county).filter(a -> a.kind() == Area.Kind.COUNTY).isEmpty()) {
			throw new ValidationException("countyCode", "health.dataset.county");
		}
		BigDecimal threshold = draft.qualityThreshold() == null ? DEFAULT_THRESHOLD : draft.qualityThreshold();
		if (threshold.signum() < 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
			throw new ValidationException("qualityThreshold", "health.dataset.threshold");
		}
		List<HealthDataset.Variable> variables = checked(draft.variables());
		HealthDataset.Draft clean = new HealthDataset.Draft(source.id(), title, description, draft.sensitivity(),
				draft.category(), provenance, county, threshold, variables);
		long id = this.repository.insertDataset(user.organisationId(), clean, county, threshold, demoNote,
				user.username());
		this.audit.record(user.organisationId(), user.username(), DATASET, id, "CREATED", source.name() + ": " + title,
				Map.of());
		return dataset(id);
	}

	private static List<HealthDataset.Variable> checked(List<HealthDataset.Variable> variables) {
		if (variables == null || variables.isEmpty()) {
			throw new ValidationException("variables", "validation.required");
		}
		if (variables.size() > MAX_VARIABLES) {
			throw new ValidationException("variables", "validation.tooMany", MAX_VARIABLES);
		}
		Set<String> names = new HashSet<>();
		List<HealthDataset.Variable> clean = new ArrayList<>();
		for (HealthDataset.Variable v : variables) {
			if (v == null || v.name() == null || !v.name().matches("[a-z0-9_]{1,64}") || !names.add(v.name())) {
				throw new ValidationException("variables", "health.variable.name", v == null ? "" : v.name());
			}
			if (v.type() == null) {
				throw new ValidationException("variables", "validation.required");
			}
			HealthDataset.Variable.CodeSystem system = v.codeSystem() == null ? HealthDataset.Variable.CodeSystem.NONE
					: v.codeSystem();
			String unit = Texts.optional("variables", v.unit(), 40);
			String description = Texts.optional("variables", v.description(), 400);
			clean.add(new HealthDataset.Variable(v.name(), v.type(), unit == null ? "" : unit, system,
					v.directIdentifier(), v.notBefore() == null || v.notBefore().isBlank() ? null : v.notBefore(),
					description == null ? "" : description));
		}
		for (HealthDataset.Variable v : clean) {
			if (v.notBefore() != null && !names.contains(v.notBefore())) {
				throw new ValidationException("variables", "health.variable.notBefore", v.name());
			}
		}
		return clean;
	}

	/**
	 * Loads a CSV or Excel file of rows (a header row naming the dataset's variables) and
	 * measures its quality. The file is refused with its row and column problems when a
	 * header is missing or a column is unknown.
	 */
	@Transactional
	public QualityLabel load(StratlasPrincipal user, long datasetId, String filename, byte[] content) {
		HealthDataset dataset = dataset(datasetId);
		if (!steward(user, dataset.organisationId())) {
			throw new NotFoundException(DATASET, datasetId);
		}
		String name = Texts.required("file", filename, 200);
		List<List<String>> table = TableFiles.read(name, content);
		return load(user, dataset, name, table);
	}

	/** Loads rows already read (the demo's generator, a file read by {@link #load}). */
	@Transactional
	public QualityLabel load(StratlasPrincipal user, HealthDataset dataset, String filename, List<List<String>> table) {
		List<ImportProblem> problems = new ArrayList<>();
		if (table.isEmpty()) {
			throw new ImportRefusedException(List.of(ImportProblem.at("1", "Filen saknar rubrikrad.")));
		}
		List<String> header = table.getFirst().stream().map(String::strip).toList();
		Set<String> known = dataset.variables().stream().map(HealthDataset.Variable::name).collect(Collectors.toSet());
		for (int c = 0; c < header.size(); c++) {
			if (!known.contains(header.get(c))) {
				problems.add(new ImportProblem(1, header.get(c), "Okänd variabel: " + header.get(c)));
			}
		}
		for (String variable : known) {
			if (!header.contains(variable)) {
				problems.add(new ImportProblem(1, variable, "Kolumnen saknas: " + variable));
			}
		}
		List<Map<String, String>> rows = new ArrayList<>();
		for (int r = 1; r < table.size() && problems.size() < MAX_PROBLEMS; r++) {
			List<String> cells = table.get(r);
			if (cells.size() > header.size()) {
				problems.add(new ImportProblem(r + 1, null, "Fler värden än kolumner"));
				continue;
			}
			Map<String, String> row = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				row.put(header.get(c), c < cells.size() ? cells.get(c) : "");
			}
			rows.add(row);
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException(problems);
		}
		Set<String> municipalities = this.areas.municipalities().stream().map(Area::code).collect(Collectors.toSet());
		Set<String> county = this.areas.municipalitiesOf(dataset.countyCode())
			.stream()
			.map(Area::code)
			.collect(Collectors.toSet());
		QualityMeter.Measures measures = QualityMeter.measure(dataset.variables(), rows, municipalities, county,
				LocalDate.now(this.clock));
		BigDecimal score = measures.score();
		boolean below = score != null && score.compareTo(dataset.qualityThreshold()) < 0;
		String person = dataset.variables()
			.stream()
			.filter(HealthDataset.Variable::directIdentifier)
			.map(HealthDataset.Variable::name)
			.findFirst()
			.orElse(null);
		List<HealthRepository.Row> stored = rows.stream()
			.map(r -> new HealthRepository.Row(person == null ? null : r.get(person), r))
			.toList();
		long loadId = this.repository.insertLoad(dataset.id(), filename, measures, below, user.username(), stored);
		this.audit.record(dataset.organisationId(), user.username(), DATASET, dataset.id(), "IMPORTED",
				dataset.title() + ": " + filename + " (" + rows.size() + " rader, kvalitet "
						+ (score == null ? "–" : score.toPlainString()) + ")",
				Map.of());
		return dataset(dataset.id()).labels().stream().filter(l -> l.loadId() == loadId).findFirst().orElseThrow();
	}

}
