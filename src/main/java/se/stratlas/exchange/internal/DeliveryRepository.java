package se.stratlas.exchange.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of delivery through the data API: a deal's access key (only its hash is kept)
 * and the calls the access log holds, counted for the volume limit.
 */
@Repository
public class DeliveryRepository {

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The deal's current key: the first characters, when and by whom it was made. */
	public record KeyRow(String prefix, String keySha256, Instant createdAt, String createdBy) {
	}

	/** Replaces the deal's key: the previous one is revoked. */
	public void replaceKey(long dealId, String prefix, String keySha256, String user) {
		this.jdbc.sql("update exchange_access_key set revoked_at = now() where deal_id = :deal and revoked_at is null")
			.param("deal", dealId)
			.update();
		this.jdbc.sql("""
				insert into exchange_access_key (deal_id, prefix, key_sha256, created_by)
				values (:deal, :prefix, :sha, :user)""")
			.param("deal", dealId)
			.param("prefix", prefix)
			.param("sha", keySha256)
			.param("user", user)
			.update();
	}

	public Optional<KeyRow> key(long dealId) {
		return this.jdbc.sql("""
				select prefix, key_sha256, created_at, created_by from exchange_access_key
				where deal_id = :deal and revoked_at is null""")
			.param("deal", dealId)
			.query((rs, n) -> new KeyRow(rs.getString("prefix"), rs.getString("key_sha256"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.optional();
	}

	/** A call of the data API, granted or refused. */
	public void logCall(long dealId, String username, boolean granted, String reason, @Nullable String sha256,
			@Nullable Long size, @Nullable String purpose, @Nullable Integer rows) {
		this.jdbc.sql("""
				insert into exchange_access (deal_id, username, kind, granted, reason, sha256, size_bytes, purpose,
				  row_count)
				values (:deal, :user, 'API', :granted, :reason, :sha, :size, :purpose, :rows)""")
			.param("deal", dealId)
			.param("user", username)
			.param("granted", granted)
			.param("reason", reason)
			.param("sha", sha256)
			.param("size", size)
			.param("purpose", purpose)
			.param("rows", rows)
			.update();
	}

	/** The granted calls of the data API since an instant and the rows they served. */
	public record Used(int requests, long rows) {
	}

	public Used usedSince(long dealId, Instant since) {
		return this.jdbc.sql("""
				select count(*) as requests, coalesce(sum(row_count), 0) as rows from exchange_access
				where deal_id = :deal and kind = 'API' and granted and accessed_at >= :since""")
			.param("deal", dealId)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new Used(rs.getInt("requests"), rs.getLong("rows")))
			.single();
	}

}
