package se.stratlas.exchange.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.accounts.Organisations;
import se.stratlas.exchange.Bid;
import se.stratlas.exchange.Deal;
import se.stratlas.exchange.Listing;
import se.stratlas.exchange.Purpose;

/**
 * The exchange's SQL for the market: listings, bids and deals. Organisation names come
 * from the accounts module.
 */
@Repository
public class MarketRepository {

	private final JdbcClient jdbc;

	private final Organisations organisations;

	MarketRepository(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	private String name(long organisationId) {
		return this.organisations.get(organisationId).name();
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
				DatasetRepository.instant(rs.getTimestamp("closed_at")), rs.getObject("winning_bid_id", Long.class),
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

	/** Whether the dataset has an open listing or a deal not yet settled or refunded. */
	public boolean listedOrUnsettled(long datasetId) {
		return this.jdbc.sql("""
				select exists (select 1 from exchange_listing where dataset_id = :dataset and state = 'OPEN')
				    or exists (select 1 from exchange_deal x join exchange_listing l on l.id = x.listing_id
				               where l.dataset_id = :dataset and x.state in ('AWAITING_PAYMENT', 'PAID'))""")
			.param("dataset", datasetId)
			.query(Boolean.class)
			.single();
	}

	public void storeContract(long dealId, byte[] contract, String sha256) {
		this.jdbc.sql("update exchange_deal set contract = :contract, contract_sha256 = :sha where id = :id")
			.param("id", dealId)
			.param("contract", contract)
			.param("sha", sha256)
			.update();
	}

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
				Deal.State.valueOf(rs.getString("state")), DatasetRepository.instant(rs.getTimestamp("paid_at")),
				DatasetRepository.instant(rs.getTimestamp("buyer_validated_at")),
				DatasetRepository.instant(rs.getTimestamp("seller_validated_at")),
				DatasetRepository.instant(rs.getTimestamp("settled_at")),
				DatasetRepository.instant(rs.getTimestamp("deletion_attested_at")), rs.getString("contract_sha256"),
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant());
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

}
