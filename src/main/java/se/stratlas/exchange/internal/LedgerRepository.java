package se.stratlas.exchange.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.exchange.Deal;

/**
 * The exchange's SQL for what the parties accepted, paid and accessed: the ledger, the
 * access log, and the rulebook with its acceptances.
 */
@Repository
public class LedgerRepository {

	private final JdbcClient jdbc;

	LedgerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Ledger and access log

	public void post(long dealId, String transactionId, List<Deal.Entry> entries) {
		for (Deal.Entry entry : entries) {
			this.jdbc.sql("""
					insert into exchange_ledger (transaction_id, deal_id, account, amount, memo)
					values (cast(:tx as uuid), :deal, :account, :amount, :memo)""")
				.param("tx", transactionId)
				.param("deal", dealId)
				.param("account", entry.account())
				.param("amount", entry.amount())
				.param("memo", entry.memo())
				.update();
		}
	}

	public List<Deal.Entry> ledger(Long dealId) {
		return this.jdbc.sql("""
				select * from exchange_ledger where cast(:deal as bigint) is null or deal_id = :deal
				order by id""")
			.param("deal", dealId)
			.query((rs, n) -> new Deal.Entry(rs.getLong("id"), rs.getString("transaction_id"), rs.getString("account"),
					rs.getBigDecimal("amount"), rs.getString("memo"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	public void logAccess(long dealId, String username, String kind, boolean granted, String reason, String sha256,
			Long size) {
		this.jdbc.sql("""
				insert into exchange_access (deal_id, username, kind, granted, reason, sha256, size_bytes)
				values (:deal, :user, :kind, :granted, :reason, :sha, :size)""")
			.param("deal", dealId)
			.param("user", username)
			.param("kind", kind)
			.param("granted", granted)
			.param("reason", reason)
			.param("sha", sha256)
			.param("size", size)
			.update();
	}

	/** Whether the buyer has been given the data at least once (a granted access). */
	public boolean delivered(long dealId) {
		return this.jdbc.sql("select exists (select 1 from exchange_access where deal_id = :deal and granted)")
			.param("deal", dealId)
			.query(Boolean.class)
			.single();
	}

	public List<Deal.Access> accesses(long dealId) {
		return this.jdbc.sql("select * from exchange_access where deal_id = :deal order by id desc")
			.param("deal", dealId)
			.query((rs, n) -> new Deal.Access(rs.getLong("id"), rs.getString("username"), rs.getString("kind"),
					rs.getBoolean("granted"), rs.getString("reason"), rs.getString("sha256"),
					rs.getObject("size_bytes", Long.class), rs.getTimestamp("accessed_at").toInstant(),
					rs.getString("purpose"), rs.getObject("row_count", Integer.class)))
			.list();
	}

	// Rulebook

	/** The rulebook in force: version, date, title and text. */
	public record RulebookRow(int version, java.time.LocalDate effectiveFrom, String title, String body) {
	}

	public RulebookRow rulebook() {
		return this.jdbc.sql("select * from exchange_rulebook order by version desc limit 1")
			.query(RulebookRow.class)
			.single();
	}

	public Optional<Instant> accepted(long organisationId, String username, int version) {
		return this.jdbc.sql("""
				select accepted_at from exchange_acceptance
				where organisation_id = :org and username = :user and rulebook_version = :version""")
			.param("org", organisationId)
			.param("user", username)
			.param("version", version)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	public void accept(long organisationId, String username, int version) {
		this.jdbc.sql("""
				insert into exchange_acceptance (organisation_id, username, rulebook_version)
				values (:org, :user, :version) on conflict do nothing""")
			.param("org", organisationId)
			.param("user", username)
			.param("version", version)
			.update();
	}

}
