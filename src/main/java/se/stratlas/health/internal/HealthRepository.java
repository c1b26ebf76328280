package se.stratlas.health.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import se.stratlas.exchange.DatasetDraft;
import se.stratlas.health.Application;
import se.stratlas.health.HealthDataset;
import se.stratlas.health.HealthSource;
import se.stratlas.health.QualityLabel;

/** The health module's SQL: sources, datasets, loads and their rows, applications. */
@Repository
public class HealthRepository {

	private static final TypeReference<Map<String, BigDecimal>> SHARES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	HealthRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public long insertSource(long organisationId, HealthSource.Draft d, String demoNote, String user) {
		return this.jdbc.sql("""
				insert into health_source (organisation_id, name, owner, description, legal_basis, special_basis,
				  refresh_frequency, research_link, research_note, demo_note, created_by)
				values (:org, :name, :owner, :description, :legal, :special, :frequency, :link, :note, :demo, :user)
				returning id""")
			.param("org", organisationId)
			.param("name", d.name())
			.param("owner", d.owner())
			.param("description", d.description() == null ? "" : d.description())
			.param("legal", d.legalBasis().name())
			.param("special", d.specialBasis() == null ? null : d.specialBasis().name())
			.param("frequency", d.refreshFrequency())
			.param("link", d.researchLink().name())
			.param("note", d.researchNote() == null ? "" : d.researchNote())
			.param("demo", demoNote)
			.param("user", user)
			.query(Long.class)
			.single();
	}

	public List<HealthSource> sources() {
		return this.jdbc.sql("select * from health_source order by name, id").query(HealthRepository::source).list();
	}

	public Optional<HealthSource> source(long id) {
		return this.jdbc.sql("select * from health_source where id = :id")
			.param("id", id)
			.query(HealthRepository::source)
			.optional();
	}

	private static HealthSource source(ResultSet rs, int row) throws SQLException {
		String special = rs.getString("special_basis");
		return new HealthSource(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
				rs.getString("owner"), rs.getString("description"),
				DatasetDraft.LegalBasis.valueOf(rs.getString("legal_basis")),
				special == null ? null : DatasetDraft.SpecialBasis.valueOf(special), rs.getString("refresh_frequency"),
				HealthSource.ResearchLink.valueOf(rs.getString("research_link")), rs.getString("research_note"),
				rs.getString("demo_note"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	public long insertDataset(long organisationId, HealthDataset.Draft d, String countyCode, BigDecimal threshold,
			String demoNote, String user) {
		long id = this.jdbc.sql("""
				insert into health_dataset (organisation_id, source_id, title, description, sensitivity, category,
				  provenance, county_code, quality_threshold, demo_note, created_by)
				values (:org, :source, :title, :description, :sensitivity, :category, :provenance, :county,
				  :threshold, :demo, :user)
				returning id""")
			.param("org", organisationId)
			.param("source", d.sourceId())
			.param("title", d.title())
			.param("description", d.description() == null ? "" : d.description())
			.param("sensitivity", d.sensitivity().name())
			.param("category", d.category().name())
			.param("provenance", d.provenance())
			.param("county", countyCode)
			.param("threshold", threshold)
			.param("demo", demoNote)
			.param("user", user)
			.query(Long.class)
			.single();
		int position = 0;
		for (HealthDataset.Variable v : d.variables()) {
			this.jdbc
				.sql("""
						insert into health_variable (dataset_id, position, name, type, unit, code_system,
						  direct_identifier, not_before, description)
						values (:dataset, :position, :name, :type, :unit, :system, :identifier, :notBefore, :description)""")
				.param("dataset", id)
				.param("position", position++)
				.param("name", v.name())
				.param("type", v.type().name())
				.param("unit", v.unit())
				.param("system", v.codeSystem().name())
				.param("identifier", v.directIdentifier())
				.param("notBefore", v.notBefore())
				.param("description", v.description())
				.update();
		}
		return id;
	}

	public List<HealthDataset> datasets() {
		return this.jdbc.sql("select id from health_dataset order by title, id")
			.query(Long.class)
			.list()
			.stream()
			.map(id -> dataset(id).orElseThrow())
			.toList();
	}

	public Optional<HealthDataset> dataset(long id) {
		return this.jdbc.sql("""
				select d.*, s.name as source_name from health_dataset d join health_source s on s.id = d.source_id
				where d.id = :id""").param("id", id).query((rs, n) -> {
			String demo = rs.getString("demo_note");
			return new HealthDataset(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("source_id"),
					rs.getString("source_name"), rs.getString("title"), rs.getString("description"),
					HealthDataset.Sensitivity.valueOf(rs.getString("sensitivity")),
					HealthDataset.Category.valueOf(rs.getString("category")), rs.getString("provenance"),
					rs.getString("county_code"), rs.getBigDecimal("quality_threshold"), demo, variables(id),
					labels(id));
		}).optional();
	}

	private List<HealthDataset.Variable> variables(long datasetId) {
		return this.jdbc.sql("select * from health_variable where dataset_id = :id order by position")
			.param("id", datasetId)
			.query((rs, n) -> new HealthDataset.Variable(rs.getString("name"),
					HealthDataset.Variable.Type.valueOf(rs.getString("type")), rs.getString("unit"),
					HealthDataset.Variable.CodeSystem.valueOf(rs.getString("code_system")),
					rs.getBoolean("direct_identifier"), rs.getString("not_before"), rs.getString("description")))
			.list();
	}

	private List<QualityLabel> labels(long datasetId) {
		return this.jdbc.sql("select * from health_load where dataset_id = :id order by id desc")
			.param("id", datasetId)
			.query((rs, n) -> {
				Map<String, Object> q = this.json.readValue(rs.getString("quality"), new TypeReference<>() {
				});
				return new QualityLabel(rs.getLong("id"), rs.getString("filename"), rs.getInt("row_count"),
						rs.getTimestamp("loaded_at").toInstant(), rs.getString("loaded_by"),
						shares(q.get("completeness")), decimal(q.get("rowUniqueness")), decimal(q.get("keyUniqueness")),
						decimal(q.get("validity")), shares(q.get("validityByVariable")),
						q.get("timelinessDays") == null ? null : ((Number) q.get("timelinessDays")).longValue(),
						decimal(q.get("coverage")), decimal(q.get("consistency")), rs.getBigDecimal("score"),
						rs.getBoolean("below_threshold"));
			})
			.list();
	}

	private Map<String, BigDecimal> shares(Object value) {
		Map<String, BigDecimal> shares = new LinkedHashMap<>();
		if (value != null) {
			this.json.convertValue(value, SHARES).forEach((k, v) -> shares.put(k, v.setScale(4, RoundingMode.HALF_UP)));
		}
		return shares;
	}

	private static BigDecimal decimal(Object value) {
		return value == null ? null : new BigDecimal(value.toString()).setScale(4, RoundingMode.HALF_UP);
	}

	/** Stores a load with its measures and its rows. */
	public long insertLoad(long datasetId, String filename, QualityMeter.Measures measures, boolean below, String user,
			List<Row> rows) {
		Map<String, Object> quality = new LinkedHashMap<>();
		quality.put("completeness", measures.completeness());
		quality.put("rowUniqueness", measures.rowUniqueness());
		quality.put("keyUniqueness", measures.keyUniqueness());
		quality.put("validity", measures.validity());
		quality.put("validityByVariable", measures.validityByVariable());
		quality.put("timelinessDays", measures.timelinessDays());
		quality.put("coverage", measures.coverage());
		quality.put("consistency", measures.consistency());
		long loadId = this.jdbc.sql("""
				insert into health_load (dataset_id, filename, row_count, quality, score, below_threshold, loaded_by)
				values (:dataset, :filename, :rows, cast(:quality as jsonb), :score, :below, :user) returning id""")
			.param("dataset", datasetId)
			.param("filename", filename)
			.param("rows", measures.rows())
			.param("quality", this.json.writeValueAsString(quality))
			.param("score", measures.score())
			.param("below", below)
			.param("user", user)
			.query(Long.class)
			.single();
		List<Map<String, Object>> json = new ArrayList<>();
		for (Row row : rows) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("p", row.personRef());
			item.put("d", row.data());
			json.add(item);
		}
		// One statement for the whole load: the rows travel as one JSON array.
		this.jdbc.sql("""
				insert into health_row (dataset_id, load_id, person_ref, data)
				select :dataset, :load, r ->> 'p', r -> 'd' from jsonb_array_elements(cast(:rows as jsonb)) r""")
			.param("dataset", datasetId)
			.param("load", loadId)
			.param("rows", this.json.writeValueAsString(json))
			.update();
		return loadId;
	}

	/** A row of a load: the person it is about (if any) and its values. */
	public record Row(String personRef, Map<String, String> data) {
	}

	public int rowCount(long loadId) {
		return this.jdbc.sql("select count(*) from health_row where load_id = :id")
			.param("id", loadId)
			.query(Integer.class)
			.single();
	}

	public long insertApplication(long holderId, long applicantOrg, String applicant, Application.Draft d,
			Instant appliedAt, String demoNote) {
		long id = this.jdbc.sql("""
				insert into health_application (organisation_id, applicant_org, applicant, title, purpose, ethics_dnr,
				  legal_basis, special_basis, retention_months, team, output_checker, status, applied_at, demo_note)
				values (:holder, :applicantOrg, :applicant, :title, :purpose, :dnr, :legal, :special, :retention,
				  :team, :checker, 'SUBMITTED', :at, :demo) returning id""")
			.param("holder", holderId)
			.param("applicantOrg", applicantOrg)
			.param("applicant", applicant)
			.param("title", d.title())
			.param("purpose", d.purpose())
			.param("dnr", d.ethicsDnr())
			.param("legal", d.legalBasis().name())
			.param("special", d.specialBasis().name())
			.param("retention", d.retentionMonths())
			.param("team", d.team())
			.param("checker", d.outputChecker())
			.param("at", Timestamp.from(appliedAt))
			.param("demo", demoNote)
			.query(Long.class)
			.single();
		for (Application.Chosen chosen : d.variables()) {
			this.jdbc.sql("""
					insert into health_application_variable (application_id, dataset_id, variable)
					values (:id, :dataset, :variable) on conflict do nothing""")
				.param("id", id)
				.param("dataset", chosen.datasetId())
				.param("variable", chosen.variable())
				.update();
		}
		return id;
	}

	public Optional<Application> application(long id) {
		return this.jdbc.sql("select * from health_application where id = :id")
			.param("id", id)
			.query(this::applicationRow)
			.optional();
	}

	/** The applications a user made or whose data the user's organisation holds. */
	public List<Application> applications(long organisationId, String username) {
		return this.jdbc.sql("""
				select * from health_application
				where organisation_id = :org or (applicant_org = :org and applicant = :user)
				   or (applicant_org = :org and output_checker = :user)
				order by applied_at desc, id desc""")
			.param("org", organisationId)
			.param("user", username)
			.query(this::applicationRow)
			.list();
	}

	public List<Application> allApplications() {
		return this.jdbc.sql("select * from health_application order by id").query(this::applicationRow).list();
	}

	private Application applicationRow(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		Date until = rs.getDate("access_until");
		Timestamp decided = rs.getTimestamp("decided_at");
		String checklist = rs.getString("checklist");
		return new Application(id, rs.getLong("organisation_id"), rs.getLong("applicant_org"),
				rs.getString("applicant"), rs.getString("title"), rs.getString("purpose"), rs.getString("ethics_dnr"),
				DatasetDraft.LegalBasis.valueOf(rs.getString("legal_basis")),
				DatasetDraft.SpecialBasis.valueOf(rs.getString("special_basis")), rs.getInt("retention_months"),
				rs.getString("team"), rs.getString("output_checker"),
				Application.Status.valueOf(rs.getString("status")),
				checklist.isEmpty() ? List.of()
						: Arrays.stream(checklist.split(",")).map(Application.Check::valueOf).toList(),
				rs.getString("motivation"), until == null ? null : until.toLocalDate(),
				rs.getTimestamp("applied_at").toInstant(), decided == null ? null : decided.toInstant(),
				rs.getString("decided_by"), rs.getString("demo_note"), rs.getInt("version"), chosen(id), messages(id));
	}

	private List<Application.Chosen> chosen(long id) {
		return this.jdbc.sql("""
				select dataset_id, variable from health_application_variable where application_id = :id
				order by dataset_id, variable""")
			.param("id", id)
			.query((rs, n) -> new Application.Chosen(rs.getLong("dataset_id"), rs.getString("variable")))
			.list();
	}

	private List<Application.Message> messages(long id) {
		return this.jdbc.sql("select * from health_message where application_id = :id order by id")
			.param("id", id)
			.query((rs, n) -> new Application.Message(Application.Message.Kind.valueOf(rs.getString("kind")),
					rs.getString("author"), rs.getString("body"), rs.getTimestamp("written_at").toInstant()))
			.list();
	}

	public void insertMessage(long applicationId, Application.Message.Kind kind, String author, String body) {
		this.jdbc.sql("""
				insert into health_message (application_id, kind, author, body) values (:id, :kind, :author, :body)""")
			.param("id", applicationId)
			.param("kind", kind.name())
			.param("author", author)
			.param("body", body)
			.update();
	}

	public int updateStatus(long id, int version, Application.Status from, Application.Status to) {
		return this.jdbc.sql("""
				update health_application set status = :to, version = version + 1
				where id = :id and version = :version and status = :from""")
			.param("id", id)
			.param("version", version)
			.param("from", from.name())
			.param("to", to.name())
			.update();
	}

	public int decide(long id, int version, Application.Status to, List<Application.Check> checklist, String motivation,
			LocalDate accessUntil, Instant at, String user) {
		return this.jdbc.sql("""
				update health_application set status = :to, checklist = :checklist, motivation = :motivation,
				  access_until = :until, decided_at = :at, decided_by = :user, version = version + 1
				where id = :id and version = :version and status in ('SUBMITTED', 'QUESTIONED')""")
			.param("id", id)
			.param("version", version)
			.param("to", to.name())
			.param("checklist", String.join(",", checklist.stream().map(Enum::name).toList()))
			.param("motivation", motivation)
			.param("until", accessUntil)
			.param("at", Timestamp.from(at))
			.param("user", user)
			.update();
	}

}
