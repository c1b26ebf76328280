package se.stratlas.reports.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.stratlas.reports.Edition;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.web.SplicedGzip;

/**
 * Reading stored editions ({@code reports_edition}): by id, per product, published or by
 * their public address, their files and tables; the HTML of ready editions with its gzip,
 * kept in memory once read, since it never changes.
 */
@Component
public class EditionStore {

	private static final RowMapper<Edition> EDITION = (rs, row) -> new Edition(rs.getLong("id"),
			rs.getLong("organisation_id"), rs.getLong("cycle_id"), rs.getLong("product_id"), rs.getInt("number"),
			rs.getString("title"), rs.getString("status"), rs.getString("phase"), rs.getInt("steps_done"),
			rs.getInt("steps_total"), rs.getString("error"), rs.getBoolean("draft"),
			rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
			rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
			rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
			rs.getString("slug"));

	private static final String COLUMNS = """
			id, organisation_id, cycle_id, product_id, number, title, status, phase, steps_done, steps_total, error,
			draft, created_at, created_by, finished_at, published_at, slug""";

	private final JdbcClient jdbc;

	/**
	 * The HTML of ready editions, which never changes once written, with its gzip made
	 * once: a page read by many (the annual report, some 1 MB) is read from PostgreSQL,
	 * decoded and compressed once, not on every request. Bounded by size.
	 */
	private final Cache<Long, SplicedGzip.Part> readyHtml = Caffeine.newBuilder()
		.maximumWeight(64L * 1024 * 1024).<Long, SplicedGzip.Part>weigher((id, part) -> part.weight()).build();

	public EditionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The organisation's edition. */
	public Edition get(long organisationId, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from reports_edition where id = :id and organisation_id = :org")
			.param("id", id)
			.param("org", organisationId)
			.query(EDITION)
			.optional()
			.orElseThrow(() -> new NotFoundException("edition", id));
	}

	/** The product's editions, newest first. */
	public List<Edition> list(long organisationId, long productId) {
		return this.jdbc.sql("select " + COLUMNS
				+ " from reports_edition where organisation_id = :org and product_id = :product order by number desc")
			.param("org", organisationId)
			.param("product", productId)
			.query(EDITION)
			.list();
	}

	/** Published editions, newest first. */
	public List<Edition> published() {
		return this.jdbc
			.sql("select " + COLUMNS + " from reports_edition where published_at is not null"
					+ " order by published_at desc, id desc")
			.query(EDITION)
			.list();
	}

	/** A published edition by its public address. */
	public Optional<Edition> bySlug(String slug) {
		return this.jdbc
			.sql("select " + COLUMNS + " from reports_edition where slug = :slug and published_at is not null")
			.param("slug", slug)
			.query(EDITION)
			.optional();
	}

	/**
	 * A stored file of the edition: the column {@code pdf}, {@code docx} or {@code xlsx}.
	 */
	public byte[] file(long id, String column) {
		return this.jdbc.sql("select " + column + " from reports_edition where id = :id")
			.param("id", id)
			.query(byte[].class)
			.single();
	}

	/** The edition's tables, as the JSON they are stored as. */
	public String tables(long id) {
		return this.jdbc.sql("select tables from reports_edition where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	/**
	 * The HTML of a ready edition with its gzip (from memory after the first time), else
	 * null.
	 */
	public SplicedGzip.Part readyPart(Edition edition) {
		if (!edition.ready()) {
			return null;
		}
		return this.readyHtml.get(edition.id(),
				id -> this.jdbc.sql("select html from reports_edition where id = :id and status = 'READY'")
					.param("id", id)
					.query(String.class)
					.optional()
					.map(SplicedGzip::part)
					.orElse(null));
	}

	/** The text of an HTML part, or null. */
	public static String text(SplicedGzip.Part part) {
		return part == null ? null : new String(part.text(), StandardCharsets.UTF_8);
	}

}
