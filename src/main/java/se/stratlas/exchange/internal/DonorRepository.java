package se.stratlas.exchange.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.exchange.Distribution;
import se.stratlas.exchange.Donor;
import se.stratlas.exchange.Purpose;

/**
 * The SQL of data donors and shared value: donors and their consents, which donors a
 * deal's close covered, the distribution rules, the data-altruism register entries and
 * the figures of the annual report.
 */
@Repository
public class DonorRepository {

	private final JdbcClient jdbc;

	DonorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insertDonor(long datasetId, String pseudonym, String tokenSha256, String user) {
		return this.jdbc.sql("""
				insert into exchange_donor (dataset_id, pseudonym, token_sha256, registered_by)
				values (:dataset, :pseudonym, :token, :user) returning id""")
			.param("dataset", datasetId)
			.param("pseudonym", pseudonym)
			.param("token", tokenSha256)
			.param("user", user)
			.query(Long.class)
			.single();
	}

	public List<Donor> donors(long datasetId) {
		return this.jdbc.sql("select * from exchange_donor where dataset_id = :dataset order by registered_at, id")
			.param("dataset", datasetId)
			.query((rs, n) -> donor(rs))
			.list();
	}

	public Optional<Donor> donor(String pseudonym) {
		return this.jdbc.sql("select * from exchange_donor where pseudonym = :pseudonym")
			.param("pseudonym", pseudonym)
			.query((rs, n) -> donor(rs))
			.optional();
	}

	public Optional<String> tokenSha256(String pseudonym) {
		return this.jdbc.sql("select token_sha256 from exchange_donor where pseudonym = :pseudonym")
			.param("pseudonym", pseudonym)
			.query(String.class)
			.optional();
	}

	private Donor donor(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		return new Donor(id, rs.getLong("dataset_id"), rs.getString("pseudonym"),
				rs.getTimestamp("registered_at").toInstant(), consents(id));
	}

	private List<Donor.Consent> consents(long donorId) {
		return this.jdbc.sql("select * from exchange_consent where donor_id = :donor order by given_at, id")
			.param("donor", donorId)
			.query((rs, n) -> new Donor.Consent(rs.getLong("id"), Purpose.valueOf(rs.getString("purpose")),
					rs.getTimestamp("given_at").toInstant(), instant(rs.getTimestamp("withdrawn_at"))))
			.list();
	}

	/** Gives a consent, unless one for the purpose is standing; true if given now. */
	public boolean giveConsent(long donorId, Purpose purpose, String user) {
		return this.jdbc.sql("""
				insert into exchange_consent (donor_id, purpose, given_by) values (:donor, :purpose, :user)
				on conflict (donor_id, purpose) where withdrawn_at is null do nothing""")
			.param("donor", donorId)
			.param("purpose", purpose.name())
			.param("user", user)
			.update() == 1;
	}

	/** Withdraws the standing consent for the purpose; true if there was one. */
	public boolean withdrawConsent(long donorId, Purpose purpose, String user) {
		return this.jdbc.sql("""
				update exchange_consent set withdrawn_at = now(), withdrawn_by = :user
				where donor_id = :donor and purpose = :purpose and withdrawn_at is null""")
			.param("donor", donorId)
			.param("purpose", purpose.name())
			.param("user", user)
			.update() == 1;
	}

	/**
	 * Records which donors' consents covered the deal's purpose at its close.
	 */
	public void snapshot(long dealId, long datasetId, Purpose purpose, Instant at) {
		this.jdbc.sql("""
				insert into exchange_deal_consent (deal_id, donor_id)
				select distinct :deal, d.id from exchange_donor d join exchange_consent c on c.donor_id = d.id
				where d.dataset_id = :dataset and c.purpose = :purpose and c.given_at <= :at
				  and (c.withdrawn_at is null or c.withdrawn_at > :at)""")
			.param("deal", dealId)
			.param("dataset", datasetId)
			.param("purpose", purpose.name())
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The pseudonyms whose consents covered the deal at its close. */
	public List<String> covered(long dealId) {
		return this.jdbc.sql("""
				select d.pseudonym from exchange_deal_consent x join exchange_donor d on d.id = x.donor_id
				where x.deal_id = :deal order by d.pseudonym""").param("deal", dealId).query(String.class).list();
	}

	/** The deals whose close a donor's consent covered: id, purpose, closed, state. */
	public record CoveredDeal(long dealId, Purpose purpose, Instant closedAt, String state) {
	}

	public List<CoveredDeal> dealsOf(long donorId) {
		return this.jdbc.sql("""
				select x.id, x.purpose, x.created_at, x.state from exchange_deal_consent c
				join exchange_deal x on x.id = c.deal_id where c.donor_id = :donor order by x.created_at, x.id""")
			.param("donor", donorId)
			.query((rs, n) -> new CoveredDeal(rs.getLong(1), Purpose.valueOf(rs.getString(2)),
					rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.list();
	}

	/** The sum of an account's ledger entries. */
	public BigDecimal balance(String account) {
		return this.jdbc.sql("select coalesce(sum(amount), 0) from exchange_ledger where account = :account")
			.param("account", account)
			.query(BigDecimal.class)
			.single();
	}

	public Optional<Distribution> distribution(long datasetId) {
		return this.jdbc.sql("select * from exchange_distribution where dataset_id = :dataset")
			.param("dataset", datasetId)
			.query((rs, n) -> new Distribution(rs.getLong("dataset_id"), rs.getBigDecimal("provider_pct"),
					rs.getBigDecimal("donors_pct"), rs.getBigDecimal("exchange_pct"),
					Distribution.Kickback.valueOf(rs.getString("kickback")), rs.getString("fund_purpose"),
					Distribution.Pricing.valueOf(rs.getString("pricing"))))
			.optional();
	}

	public void saveDistribution(Distribution rule, String user) {
		this.jdbc.sql("""
				insert into exchange_distribution (dataset_id, provider_pct, donors_pct, exchange_pct, kickback,
				  fund_purpose, pricing, updated_by)
				values (:dataset, :provider, :donors, :exchange, :kickback, :fund, :pricing, :user)
				on conflict (dataset_id) do update set provider_pct = :provider, donors_pct = :donors,
				  exchange_pct = :exchange, kickback = :kickback, fund_purpose = :fund, pricing = :pricing,
				  version = exchange_distribution.version + 1, updated_at = now(), updated_by = :user""")
			.param("dataset", rule.datasetId())
			.param("provider", rule.providerPct())
			.param("donors", rule.donorsPct())
			.param("exchange", rule.exchangePct())
			.param("kickback", rule.kickback().name())
			.param("fund", rule.fundPurpose())
			.param("pricing", rule.pricing().name())
			.param("user", user)
			.update();
	}

	/** An organisation's entry in the data-altruism register: its facts. */
	public record AltruismRow(String name, String contact, String purposes, Instant updatedAt) {
	}

	public Optional<AltruismRow> altruism(long organisationId) {
		return this.jdbc
			.sql("select name, contact, purposes, updated_at from exchange_altruism where organisation_id = :org")
			.param("org", organisationId)
			.query((rs, n) -> new AltruismRow(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	public void saveAltruism(long organisationId, String name, String contact, String purposes, String user) {
		this.jdbc.sql("""
				insert into exchange_altruism (organisation_id, name, contact, purposes, updated_by)
				values (:org, :name, :contact, :purposes, :user)
				on conflict (organisation_id) do update set name = :name, contact = :contact, purposes = :purposes,
				  version = exchange_altruism.version + 1, updated_at = now(), updated_by = :user""")
			.param("org", organisationId)
			.param("name", name)
			.param("contact", contact)
			.param("purposes", purposes)
			.param("user", user)
			.update();
	}

	/** The titles of the organisation's datasets that have donors. */
	public List<String> donatedDatasets(long organisationId) {
		return this.jdbc.sql("""
				select title from exchange_dataset s where organisation_id = :org
				  and exists (select 1 from exchange_donor d where d.dataset_id = s.id) order by title""")
			.param("org", organisationId)
			.query(String.class)
			.list();
	}

	/** The annual report's figures for [from, to). */
	public record Figures(long donors, long consentsGiven, long consentsWithdrawn, long datasets, long deals,
			BigDecimal toDonors, BigDecimal toFund) {
	}

	private static final String DONATED = """
			select s.id from exchange_dataset s where s.organisation_id = :org
			  and exists (select 1 from exchange_donor d where d.dataset_id = s.id and d.registered_at < :to)""";

	public Figures figures(long organisationId, Instant from, Instant to) {
		String donors = "select id from exchange_donor where dataset_id in (" + DONATED + ")";
		String deals = "select x.id from exchange_deal x join exchange_listing l on l.id = x.listing_id"
				+ " where l.dataset_id in (" + DONATED + ")";
		return this.jdbc.sql("select (select count(*) from exchange_donor where id in (" + donors
				+ ") and registered_at < :to), (select count(*) from exchange_consent where donor_id in (" + donors
				+ ") and given_at >= :from and given_at < :to), (select count(*) from exchange_consent where donor_id in ("
				+ donors + ") and withdrawn_at >= :from and withdrawn_at < :to), (select count(*) from (" + DONATED
				+ ") s), (select count(*) from exchange_deal where id in (" + deals
				+ ") and created_at >= :from and created_at < :to), " + ledgerSum("donors:%", deals) + ", "
				+ ledgerSum("fund:%", deals))
			.param("org", organisationId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getBigDecimal(6), rs.getBigDecimal(7)))
			.single();
	}

	private static String ledgerSum(String accounts, String deals) {
		return "(select coalesce(sum(amount), 0) from exchange_ledger where account like '" + accounts
				+ "' and deal_id in (" + deals + ") and recorded_at >= :from and recorded_at < :to)";
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
