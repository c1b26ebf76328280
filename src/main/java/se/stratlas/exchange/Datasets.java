package se.stratlas.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.internal.DatasetFiles;
import se.stratlas.exchange.internal.DatasetRepository;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * The datasets an organisation offers: their description, schema and files. A new dataset
 * enters the rights register with the organisation as owner of the data and of its
 * metadata, on the basis the steward states.
 */
@Service
public class Datasets {

	static final String TYPE = "exchange_dataset";

	private static final int MAX_FIELDS = 100;

	private final DatasetRepository datasetRepository;

	private final AuditTrail audit;

	private final Organisations organisations;

	Datasets(DatasetRepository datasetRepository, AuditTrail audit, Organisations organisations) {
		this.datasetRepository = datasetRepository;
		this.audit = audit;
		this.organisations = organisations;
	}

	/** The organisation's datasets. */
	public List<Dataset> own(StratlasPrincipal user) {
		return this.datasetRepository.datasets(user.organisationId());
	}

	/** One of the organisation's datasets. */
	public Dataset own(StratlasPrincipal user, long id) {
		return this.datasetRepository.dataset(id)
			.filter(d -> d.organisationId() == user.organisationId())
			.orElseThrow(() -> new NotFoundException(TYPE, id));
	}

	/**
	 * Refuses what only the data's owner may do (a new file, making it open) when the
	 * organisation has transferred its ownership.
	 */
	private void ownsData(StratlasPrincipal user, long id) {
		Instant now = Instant.now();
		boolean owns = this.datasetRepository.rights(id)
			.stream()
			.anyMatch(r -> r.subject() == Right.Subject.DATA && r.kind() == Right.Kind.OWNERSHIP && r.validAt(now)
					&& Objects.equals(r.holderOrganisationId(), user.organisationId()));
		if (!owns) {
			throw new ValidationException("rights", "exchange.rights.notOwner");
		}
	}

	/** The first rows of the newest file, unless the data is about people. */
	public List<List<String>> sample(Dataset dataset) {
		Dataset.FileVersion file = dataset.latestFile();
		if (file == null || dataset.personalData() != Dataset.PersonalData.NONE) {
			return List.of();
		}
		String text = this.datasetRepository.sample(file.id());
		return text.isEmpty() ? List.of() : text.lines().map(l -> List.of(l.split("\t", -1))).toList();
	}

	@Transactional
	public Dataset create(StratlasPrincipal user, DatasetDraft draft, Right.Basis basis) {
		return create(user, draft, basis, null);
	}

	/**
	 * Registers a dataset; a demo dataset carries a note that says its data is invented.
	 */
	@Transactional
	public Dataset create(StratlasPrincipal user, DatasetDraft draft, Right.Basis basis, String demoNote) {
		DatasetDraft d = draft.checked();
		if (basis == null) {
			throw new ValidationException("basis", "validation.required");
		}
		long id = this.datasetRepository.insertDataset(user.organisationId(), row(d), demoNote, user.username());
		String holder = this.organisations.get(user.organisationId()).name();
		for (Right.Subject subject : Right.Subject.values()) {
			this.datasetRepository.insertRight(new Right(0, id, subject, Right.Kind.OWNERSHIP, basis, holder,
					user.organisationId(), null, null, "", Instant.now(), null, Instant.now(), user.username()));
		}
		this.audit.record(user.organisationId(), user.username(), TYPE, id, "CREATED", d.title(),
				Map.of("description", new FieldChange(null, d.description())));
		return this.datasetRepository.dataset(id).orElseThrow();
	}

	@Transactional
	public Dataset update(StratlasPrincipal user, long id, int expectedVersion, DatasetDraft draft) {
		Dataset before = own(user, id);
		DatasetDraft d = draft.checked();
		if (Boolean.TRUE.equals(d.openData()) && !before.openData()) {
			ownsData(user, id);
		}
		if (this.datasetRepository.updateDataset(id, expectedVersion, row(d), user.username()) == 0) {
			throw new EditConflictException(TYPE, id, before);
		}
		this.audit.record(user.organisationId(), user.username(), TYPE, id, "UPDATED", d.title(),
				Map.of("title", new FieldChange(before.title(), d.title()), "description",
						new FieldChange(before.description(), d.description()), "qualityNotes",
						new FieldChange(before.qualityNotes(), d.qualityNotes()), "provenance",
						new FieldChange(before.provenance(), d.provenance())));
		return this.datasetRepository.dataset(id).orElseThrow();
	}

	/**
	 * Replaces the schema. Refused once a file is stored: a new schema needs a new
	 * dataset, so that the files and the deals made on them keep meaning what they did.
	 */
	@Transactional
	public Dataset schema(StratlasPrincipal user, long id, List<Dataset.Field> fields) {
		Dataset dataset = own(user, id);
		if (!dataset.files().isEmpty()) {
			throw new ValidationException("fields", "exchange.schema.locked");
		}
		List<Dataset.Field> clean = checkedFields(fields);
		this.datasetRepository.replaceFields(id, clean);
		this.audit.record(user.organisationId(), user.username(), TYPE, id, "UPDATED", dataset.title(),
				Map.of("schema", new FieldChange(describe(dataset.fields()), describe(clean))));
		return this.datasetRepository.dataset(id).orElseThrow();
	}

	/** Reads a schema written a field per line: {@code name; type; unit; description}. */
	public static List<Dataset.Field> parseSchema(String text) {
		List<Dataset.Field> fields = new ArrayList<>();
		List<String> lines = text == null ? List.of() : text.lines().filter(l -> !l.isBlank()).toList();
		for (int i = 0; i < lines.size(); i++) {
			String[] parts = lines.get(i).split(";", -1);
			Dataset.Field.Type type;
			try {
				type = Dataset.Field.Type
					.valueOf(parts.length > 1 ? parts[1].strip().toUpperCase(Locale.ROOT) : "TEXT");
			}
			catch (IllegalArgumentException ex) {
				throw new ValidationException("fields", "exchange.schema.type", i + 1, parts[1].strip());
			}
			fields.add(new Dataset.Field(parts[0].strip(), type, parts.length > 2 ? parts[2].strip() : "",
					parts.length > 3 ? parts[3].strip() : ""));
		}
		return fields;
	}

	private static List<Dataset.Field> checkedFields(List<Dataset.Field> fields) {
		if (fields == null || fields.isEmpty()) {
			throw new ValidationException("fields", "validation.required");
		}
		if (fields.size() > MAX_FIELDS) {
			throw new ValidationException("fields", "validation.tooMany", MAX_FIELDS);
		}
		List<Dataset.Field> clean = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Dataset.Field field : fields) {
			String name = Texts.required("fields", field.name(), 64);
			if (!name.matches("[\\p{L}0-9_]+") || !seen.add(name)) {
				throw new ValidationException("fields", "exchange.schema.name", name);
			}
			String unit = Texts.optional("fields", field.unit(), 40);
			String description = Texts.optional("fields", field.description(), 400);
			clean.add(new Dataset.Field(name, field.type() == null ? Dataset.Field.Type.TEXT : field.type(),
					unit == null ? "" : unit, description == null ? "" : description));
		}
		return clean;
	}

	private static String describe(List<Dataset.Field> fields) {
		// As a steward writes a schema ("mängd; decimal"), not the enum's code.
		return String.join(", ",
				fields.stream().map(f -> f.name() + " " + f.type().name().toLowerCase(Locale.ROOT)).toList());
	}

	/**
	 * Stores a new version of the dataset's file, checked against the schema, with its
	 * checksum.
	 */
	@Transactional
	public Dataset.FileVersion upload(StratlasPrincipal user, long id, String filename, byte[] content) {
		Dataset dataset = own(user, id);
		if (dataset.fields().isEmpty()) {
			throw new ValidationException("file", "exchange.file.schemaFirst");
		}
		ownsData(user, id);
		String name = Texts.required("file", filename, 200);
		DatasetFiles.Shape shape = DatasetFiles.check(name, content, dataset.fields());
		this.datasetRepository.lockDataset(id);
		String sha = DatasetFiles.sha256(content);
		long fileId = this.datasetRepository.insertFile(id, name,
				name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
						? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv",
				content, sha, shape.rows(), shape.sampleText(), user.username());
		Dataset.FileVersion file = this.datasetRepository.files(id)
			.stream()
			.filter(f -> f.id() == fileId)
			.findFirst()
			.orElseThrow();
		this.audit.record(user.organisationId(), user.username(), TYPE, id, "IMPORTED",
				dataset.title() + ": " + name + " (version " + file.number() + ", SHA-256 " + sha + ")", Map.of());
		return file;
	}

	private static DatasetRepository.DatasetRow row(DatasetDraft d) {
		return new DatasetRepository.DatasetRow(d.title(), d.description(), d.theme(), d.keywords(),
				d.updateFrequency(), d.provenanceKind(), d.provenance(), d.deviceOwner(), d.personalData(),
				d.legalBasis() == null ? null : d.legalBasis().name(),
				d.specialBasis() == null ? null : d.specialBasis().name(), d.qualityNotes(), d.openData(), d.licence());
	}

}
