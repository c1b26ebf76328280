package se.stratlas.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.accounts.Organisations;
import se.stratlas.exchange.Dataset;
import se.stratlas.exchange.Right;

/**
 * The exchange's SQL for datasets: their description, schema and files, and the rights to
 * them. Organisation names come from the accounts module.
 */
@Repository
public class DatasetRepository {

	private final JdbcClient jdbc;

	private final Organisations organisations;

	DatasetRepository(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	private String name(long organisationId) {
		return this.organisations.get(organisationId).name();
	}

	// Datasets

	/** What a steward writes about a dataset. */
	public record DatasetRow(String title, String description, String theme, String keywords, String updateFrequency,
			Dataset.Provenance provenanceKind, String provenance, String deviceOwner, Dataset.PersonalData personalData,
			String legalBasis, String specialBasis, String qualityNotes, boolean openData, String licence) {
	}

	public long insertDataset(long organisationId, DatasetRow row, String demoNote, String user) {
		return this.jdbc.sql("""
				insert into exchange_dataset (organisation_id, title, description, theme, keywords, update_frequency,
				  provenance_kind, provenance, device_owner, personal_data, legal_basis, special_basis, quality_notes,
				  open_data, licence, demo_note, created_by, updated_by)
				values (:org, :title, :description, :theme, :keywords, :frequency, :kind, :provenance, :owner,
				  :personal, :legal, :special, :quality, :open, :licence, :demo, :user, :user)
				returning id""")
			.params(datasetParams(row))
			.param("org", organisationId)
			.param("demo", demoNote)
			.param("user", user)
			.query(Long.class)
			.single();
	}

	public int updateDataset(long id, int expectedVersion, DatasetRow row, String user) {
		return this.jdbc.sql("""
				update exchange_dataset set title = :title, description = :description, theme = :theme,
				  keywords = :keywords, update_frequency = :frequency, provenance_kind = :kind,
				  provenance = :provenance, device_owner = :owner, personal_data = :personal, legal_basis = :legal,
				  special_basis = :special, quality_notes = :quality, open_data = :open, licence = :licence,
				  version = version + 1, updated_at = now(), updated_by = :user
				where id = :id and version = :version""")
			.params(datasetParams(row))
			.param("id", id)
			.param("version", expectedVersion)
			.param("user", user)
			.update();
	}

	private static Map<String, Object> datasetParams(DatasetRow row) {
		Map<String, Object> params = new HashMap<>();
		params.put("title", row.title());
		params.put("description", row.description());
		params.put("theme", row.theme());
		params.put("keywords", row.keywords());
		params.put("frequency", row.updateFrequency());
		params.put("kind", row.provenanceKind().name());
		params.put("provenance", row.provenance());
		params.put("owner", row.deviceOwner());
		params.put("personal", row.personalData().name());
		params.put("legal", row.legalBasis());
		params.put("special", row.specialBasis());
		params.put("quality", row.qualityNotes());
		params.put("open", row.openData());
		params.put("licence", row.licence());
		return params;
	}

	public Optional<Dataset> dataset(long id) {
		return this.jdbc.sql("select * from exchange_dataset where id = :id")
			.param("id", id)
			.query((rs, n) -> dataset(rs))
			.optional();
	}

	/** The datasets of one organisation, or of all when the id is null. */
	public List<Dataset> datasets(Long organisationId) {
		return this.jdbc
			.sql("select * from exchange_dataset where (cast(:org as bigint) is null or organisation_id = :org)"
					+ " order by title, id")
			.param("org", organisationId)
			.query((rs, n) -> dataset(rs))
			.list();
	}

	private Dataset dataset(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		long org = rs.getLong("organisation_id");
		return new Dataset(id, org, name(org), rs.getString("title"), rs.getString("description"),
				rs.getString("theme"), rs.getString("keywords"), rs.getString("update_frequency"),
				Dataset.Provenance.valueOf(rs.getString("provenance_kind")), rs.getString("provenance"),
				rs.getString("device_owner"), Dataset.PersonalData.valueOf(rs.getString("personal_data")),
				rs.getString("legal_basis"), rs.getString("special_basis"), rs.getString("quality_notes"),
				rs.getBoolean("open_data"), rs.getString("licence"), rs.getString("demo_note"), rs.getInt("version"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), fields(id), files(id));
	}

	public List<Dataset.Field> fields(long datasetId) {
		return this.jdbc
			.sql("select name, type, unit, description from exchange_field where dataset_id = :id order by position")
			.param("id", datasetId)
			.query((rs, n) -> new Dataset.Field(rs.getString("name"), Dataset.Field.Type.valueOf(rs.getString("type")),
					rs.getString("unit"), rs.getString("description")))
			.list();
	}

	public void replaceFields(long datasetId, List<Dataset.Field> fields) {
		this.jdbc.sql("delete from exchange_field where dataset_id = :id").param("id", datasetId).update();
		for (int i = 0; i < fields.size(); i++) {
			Dataset.Field field = fields.get(i);
			this.jdbc.sql("""
					insert into exchange_field (dataset_id, position, name, type, unit, description)
					values (:id, :position, :name, :type, :unit, :description)""")
				.param("id", datasetId)
				.param("position", i)
				.param("name", field.name())
				.param("type", field.type().name())
				.param("unit", field.unit())
				.param("description", field.description())
				.update();
		}
	}

	public List<Dataset.FileVersion> files(long datasetId) {
		return this.jdbc.sql("""
				select id, number, filename, media_type, sha256, size_bytes, row_count, uploaded_at, uploaded_by
				from exchange_file where dataset_id = :id order by number""")
			.param("id", datasetId)
			.query((rs, n) -> new Dataset.FileVersion(rs.getLong("id"), rs.getInt("number"), rs.getString("filename"),
					rs.getString("media_type"), rs.getString("sha256"), rs.getLong("size_bytes"),
					rs.getInt("row_count"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by")))
			.list();
	}

	public long insertFile(long datasetId, String filename, String mediaType, byte[] content, String sha256, int rows,
			String sample, String user) {
		return this.jdbc.sql("""
				insert into exchange_file (dataset_id, number, filename, media_type, content, sha256, size_bytes,
				  row_count, sample, uploaded_by)
				values (:id, (select coalesce(max(number), 0) + 1 from exchange_file where dataset_id = :id),
				  :filename, :type, :content, :sha, :size, :rows, :sample, :user)
				returning id""")
			.param("id", datasetId)
			.param("filename", filename)
			.param("type", mediaType)
			.param("content", content)
			.param("sha", sha256)
			.param("size", content.length)
			.param("rows", rows)
			.param("sample", sample)
			.param("user", user)
			.query(Long.class)
			.single();
	}

	public String sample(long fileId) {
		return this.jdbc.sql("select sample from exchange_file where id = :id")
			.param("id", fileId)
			.query(String.class)
			.single();
	}

	public byte[] fileContent(long fileId) {
		return this.jdbc.sql("select content from exchange_file where id = :id")
			.param("id", fileId)
			.query((rs, n) -> rs.getBytes(1))
			.single();
	}

	/**
	 * Takes a lock on the dataset's row, so that its files are numbered one at a time.
	 */
	public void lockDataset(long id) {
		this.jdbc.sql("select id from exchange_dataset where id = :id for update").param("id", id).query().rowSet();
	}

	// Rights

	private static final RowMapper<Right> RIGHT = (rs, n) -> new Right(rs.getLong("id"), rs.getLong("dataset_id"),
			Right.Subject.valueOf(rs.getString("subject")), Right.Kind.valueOf(rs.getString("kind")),
			Right.Basis.valueOf(rs.getString("basis")), rs.getString("holder"),
			rs.getObject("holder_organisation_id", Long.class), rs.getObject("previous_id", Long.class),
			rs.getObject("deal_id", Long.class), rs.getString("note"), rs.getTimestamp("valid_from").toInstant(),
			instant(rs.getTimestamp("valid_until")), rs.getTimestamp("recorded_at").toInstant(),
			rs.getString("recorded_by"));

	public List<Right> rights(long datasetId) {
		return this.jdbc.sql("select * from exchange_right where dataset_id = :id order by id")
			.param("id", datasetId)
			.query(RIGHT)
			.list();
	}

	public long insertRight(Right right) {
		return this.jdbc.sql("""
				insert into exchange_right (dataset_id, subject, kind, basis, holder, holder_organisation_id,
				  previous_id, deal_id, note, valid_from, valid_until, recorded_by)
				values (:dataset, :subject, :kind, :basis, :holder, :org, :previous, :deal, :note, :from, :until, :by)
				returning id""")
			.param("dataset", right.datasetId())
			.param("subject", right.subject().name())
			.param("kind", right.kind().name())
			.param("basis", right.basis().name())
			.param("holder", right.holder())
			.param("org", right.holderOrganisationId())
			.param("previous", right.previousId())
			.param("deal", right.dealId())
			.param("note", right.note())
			.param("from", Timestamp.from(right.validFrom()))
			.param("until", right.validUntil() == null ? null : Timestamp.from(right.validUntil()))
			.param("by", right.recordedBy())
			.query(Long.class)
			.single();
	}

	public void endRight(long id, Instant at) {
		this.jdbc.sql("update exchange_right set valid_until = :at where id = :id")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Ends the rights of use a deal granted (the deal was refunded). */
	public void endRightsOfDeal(long dealId, Instant at) {
		this.jdbc
			.sql("update exchange_right set valid_until = least(coalesce(valid_until, :at), :at) where deal_id = :deal")
			.param("deal", dealId)
			.param("at", Timestamp.from(at))
			.update();
	}

	static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** Takes a dataset out of the open data (its owner has changed). */
	public void closeOpenData(long datasetId) {
		this.jdbc.sql("update exchange_dataset set open_data = false, version = version + 1 where id = :id")
			.param("id", datasetId)
			.update();
	}

}
