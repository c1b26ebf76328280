package se.stratlas.exchange.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.accounts.Organisations;
import se.stratlas.exchange.Bid;
import se.stratlas.exchange.Dataset;
import se.stratlas.exchange.Deal;
import se.stratlas.exchange.Listing;
import se.stratlas.exchange.Purpose;
import se.stratlas.exchange.Right;

/**
 * The exchange's SQL: datasets with their schema and files, rights, listings, bids,
 * deals, the ledger and the access log. Organisation names come from the accounts module.
 */
@Repository
public class ExchangeRepository {

	private final JdbcClient jdbc;

	private final Organisations organisations;

	ExchangeRepository(JdbcClient jdbc, Organisations organisations) {
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

	// Listings and bids

	/** What a steward states when listing a dataset. */
	public record ListingRow(long datasetId, long fileId, Listing.Auction auction, BigDecimal reservePrice,
			BigDecimal minIncrement, List<Purpose> purposes, int licenceDays, boolean onwardSale,
			Listing.Delivery delivery, String specificTerms, Instant closesAt, int extensionMinutes,
			Listing.@Nullable Volume volume) {
	}

	public long insertListing(long organisationId, ListingRow row, String demoNote, String user) {
		return this.jdbc.sql("""
				insert into exchange_listing (organisation_id, dataset_id, file_id, auction, reserve_price,
				  min_increment, purposes, licence_days, onward_sale, delivery, specific_terms, closes_at,
				  extension_minutes, volume_limit, volume_unit, demo_note, created_by)
				values (:org, :dataset, :file, :auction, :reserve, :increment, :purposes, :days, :onward, :delivery,
				  :terms, :closes, :extension, :limit, :unit, :demo, :user)
				returning id""")
			.param("org", organisationId)
			.param("dataset", row.datasetId())
			.param("file", row.fileId())
			.param("auction", row.auction().name())
			.param("reserve", row.reservePrice())
			.param("increment", row.minIncrement())
			.param("purposes", row.purposes().stream().map(Purpose::name).toArray(String[]::new))
			.param("days", row.licenceDays())
			.param("onward", row.onwardSale())
			.param("delivery", row.delivery().name())
			.param("terms", row.specificTerms())
			.param("closes", Timestamp.from(row.closesAt()))
			.param("extension", row.extensionMinutes())
			.param("limit", row.volume() == null ? null : row.volume().limit())
			.param("unit", row.volume() == null ? null : row.volume().unit().name())
			.param("demo", demoNote)
			.param("user", user)
			.query(Long.class)
			.single();
	}

	private static final String LISTING = """
			select l.*, d.title as dataset_title from exchange_listing l
			join exchange_dataset d on d.id = l.dataset_id""";

	public Optional<Listing> listing(long id) {
		return this.jdbc.sql(LISTING + " where l.id = :id").param("id", id).query((rs, n) -> listing(rs)).optional();
	}

	/**
	 * The listing, its row locked until the transaction ends: bids and closing take
	 * turns.
	 */
	public Optional<Listing> lockListing(long id) {
		return this.jdbc.sql(LISTING + " where l.id = :id for update of l")
			.param("id", id)
			.query((rs, n) -> listing(rs))
			.optional();
	}

	/** Listings, newest deadline first: all open ones, or a dataset's. */
	public List<Listing> listings(String where, Map<String, Object> params) {
		return this.jdbc.sql(LISTING + " where " + where + " order by l.closes_at desc, l.id desc")
			.params(params)
			.query((rs, n) -> listing(rs))
			.list();
	}

	/** Open listings whose deadline has passed, not taken by another closer. */
	public List<Long> due(Instant now) {
		return this.jdbc
			.sql("select id from exchange_listing where state = 'OPEN' and closes_at <= :now order by closes_at")
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	private Listing listing(ResultSet rs) throws SQLException {
		long org = rs.getLong("organisation_id");
		return new Listing(rs.getLong("id"), org, name(org), rs.getLong("dataset_id"), rs.getString("dataset_title"),
				rs.getLong("file_id"), Listing.Auction.valueOf(rs.getString("auction")),
				rs.getBigDecimal("reserve_price"), rs.getBigDecimal("min_increment"), purposes(rs.getArray("purposes")),
				rs.getInt("licence_days"), rs.getBoolean("onward_sale"),
				Listing.Delivery.valueOf(rs.getString("delivery")), rs.getString("specific_terms"),
				rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
				rs.getInt("extension_minutes"), Listing.State.valueOf(rs.getString("state")),
				instant(rs.getTimestamp("closed_at")), rs.getObject("winning_bid_id", Long.class),
				rs.getBigDecimal("price"), rs.getString("demo_note"), rs.getInt("version"), volume(rs));
	}

	private static Listing.@Nullable Volume volume(ResultSet rs) throws SQLException {
		String unit = rs.getString("volume_unit");
		return unit == null ? null : new Listing.Volume(rs.getInt("volume_limit"), Listing.Volume.Unit.valueOf(unit));
	}

	private static List<Purpose> purposes(Array array) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).map(Purpose::valueOf).toList();
	}

	public void extend(long listingId, Instant closesAt) {
		this.jdbc.sql("update exchange_listing set closes_at = :at, version = version + 1 where id = :id")
			.param("id", listingId)
			.param("at", Timestamp.from(closesAt))
			.update();
	}

	public void close(long listingId, Listing.State state, Long winningBidId, BigDecimal price) {
		this.jdbc.sql("""
				update exchange_listing set state = :state, closed_at = now(), winning_bid_id = :bid, price = :price,
				  version = version + 1
				where id = :id""")
			.param("id", listingId)
			.param("state", state.name())
			.param("bid", winningBidId)
			.param("price", price)
			.update();
	}

	public long insertBid(long listingId, long organisationId, String username, Purpose purpose, BigDecimal amount) {
		return this.jdbc.sql("""
				insert into exchange_bid (listing_id, organisation_id, username, purpose, amount)
				values (:listing, :org, :user, :purpose, :amount) returning id""")
			.param("listing", listingId)
			.param("org", organisationId)
			.param("user", username)
			.param("purpose", purpose.name())
			.param("amount", amount)
			.query(Long.class)
			.single();
	}

	/**
	 * The listing's bids, highest first and, at the same amount, in the order received.
	 */
	public List<Bid> bids(long listingId) {
		return this.jdbc.sql("select * from exchange_bid where listing_id = :id order by amount desc, id")
			.param("id", listingId)
			.query((rs, n) -> {
				long org = rs.getLong("organisation_id");
				return new Bid(rs.getLong("id"), rs.getLong("listing_id"), org, name(org), rs.getString("username"),
						Purpose.valueOf(rs.getString("purpose")), rs.getBigDecimal("amount"),
						rs.getTimestamp("placed_at").toInstant());
			})
			.list();
	}

	// Deals

	/** What closing a listing writes. */
	public record DealRow(long listingId, long bidId, long sellerOrganisationId, long buyerOrganisationId,
			String buyerUsername, BigDecimal price, Purpose purpose, Instant licenceFrom, Instant licenceUntil,
			byte[] contract, String contractSha256) {
	}

	public long insertDeal(DealRow row) {
		return this.jdbc.sql("""
				insert into exchange_deal (listing_id, bid_id, seller_organisation_id, buyer_organisation_id,
				  buyer_username, price, purpose, licence_from, licence_until, contract, contract_sha256)
				values (:listing, :bid, :seller, :buyer, :user, :price, :purpose, :from, :until, :contract, :sha)
				returning id""")
			.param("listing", row.listingId())
			.param("bid", row.bidId())
			.param("seller", row.sellerOrganisationId())
			.param("buyer", row.buyerOrganisationId())
			.param("user", row.buyerUsername())
			.param("price", row.price())
			.param("purpose", row.purpose().name())
			.param("from", Timestamp.from(row.licenceFrom()))
			.param("until", Timestamp.from(row.licenceUntil()))
			.param("contract", row.contract())
			.param("sha", row.contractSha256())
			.query(Long.class)
			.single();
	}

	private static final String DEAL = """
			select x.*, l.dataset_id, d.title as dataset_title from exchange_deal x
			join exchange_listing l on l.id = x.listing_id join exchange_dataset d on d.id = l.dataset_id""";

	public Optional<Deal> deal(long id) {
		return this.jdbc.sql(DEAL + " where x.id = :id").param("id", id).query((rs, n) -> deal(rs)).optional();
	}

	public Optional<Deal> lockDeal(long id) {
		return this.jdbc.sql(DEAL + " where x.id = :id for update of x")
			.param("id", id)
			.query((rs, n) -> deal(rs))
			.optional();
	}

	/**
	 * The deals an organisation sold or bought, or all when the id is null; newest first.
	 */
	public List<Deal> deals(Long organisationId) {
		return this.jdbc.sql(DEAL + """
				 where cast(:org as bigint) is null or x.seller_organisation_id = :org
				   or x.buyer_organisation_id = :org
				order by x.created_at desc, x.id desc""")
			.param("org", organisationId)
			.query((rs, n) -> deal(rs))
			.list();
	}

	private Deal deal(ResultSet rs) throws SQLException {
		long seller = rs.getLong("seller_organisation_id");
		long buyer = rs.getLong("buyer_organisation_id");
		return new Deal(rs.getLong("id"), rs.getLong("listing_id"), rs.getLong("dataset_id"),
				rs.getString("dataset_title"), seller, name(seller), buyer, name(buyer), rs.getString("buyer_username"),
				rs.getBigDecimal("price"), Purpose.valueOf(rs.getString("purpose")),
				rs.getTimestamp("licence_from").toInstant(), rs.getTimestamp("licence_until").toInstant(),
				Deal.State.valueOf(rs.getString("state")), instant(rs.getTimestamp("paid_at")),
				instant(rs.getTimestamp("buyer_validated_at")), instant(rs.getTimestamp("seller_validated_at")),
				instant(rs.getTimestamp("settled_at")), instant(rs.getTimestamp("deletion_attested_at")),
				rs.getString("contract_sha256"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant());
	}

	public byte[] contract(long dealId) {
		return this.jdbc.sql("select contract from exchange_deal where id = :id")
			.param("id", dealId)
			.query((rs, n) -> rs.getBytes(1))
			.single();
	}

	/**
	 * Sets one step of the deal: {@code paid}, {@code buyer_validated}, {@code
	 * seller_validated}, {@code settled} or {@code deletion_attested}, and the state.
	 */
	public void step(long dealId, String step, String user, Deal.State state) {
		if (!List.of("paid", "buyer_validated", "seller_validated", "settled", "deletion_attested").contains(step)) {
			throw new IllegalArgumentException(step);
		}
		String by = step.endsWith("validated") || step.equals("deletion_attested") ? ", " + step + "_by = :user" : "";
		this.jdbc
			.sql("update exchange_deal set " + step + "_at = now()" + by
					+ ", state = :state, version = version + 1 where id = :id")
			.param("id", dealId)
			.param("user", user)
			.param("state", state.name())
			.update();
	}

	/** Ends the licence now (a refund). */
	public void endLicence(long dealId) {
		this.jdbc.sql("update exchange_deal set licence_until = least(licence_until, now()) where id = :id")
			.param("id", dealId)
			.update();
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

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
