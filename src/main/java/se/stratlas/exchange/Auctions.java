package se.stratlas.exchange;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.internal.ContractDocument;
import se.stratlas.exchange.internal.DatasetFiles;
import se.stratlas.exchange.internal.DatasetRepository;
import se.stratlas.exchange.internal.MarketRepository;
import se.stratlas.exchange.internal.OdrlPolicy;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listings and their auctions. Every bid and the closing take the listing's row lock in
 * turn, so that no bid is lost, none is taken after the deadline, and the open auction's
 * "beat the highest" is checked against the highest at that moment. A listing closes by
 * itself at its deadline ({@link Closings}); the highest bid wins, at the same amount the
 * one received first, and the deal is written with its contract and the buyer's right of
 * use.
 */
@Service
public class Auctions {

	static final String TYPE = "exchange_listing";

	private final DatasetRepository datasetRepository;

	private final MarketRepository marketRepository;

	private final Datasets datasets;

	private final RightsRegister rights;

	private final Rulebook rulebook;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final DataDonors donors;

	Auctions(DatasetRepository datasetRepository, MarketRepository marketRepository, Datasets datasets,
			RightsRegister rights, Rulebook rulebook, Organisations organisations, AuditTrail audit,
			Optional<Clock> clock, DataDonors donors) {
		this.datasetRepository = datasetRepository;
		this.marketRepository = marketRepository;
		this.donors = donors;
		this.datasets = datasets;
		this.rights = rights;
		this.rulebook = rulebook;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	Instant now() {
		return this.clock.instant();
	}

	/** The listings open for bids, soonest deadline first. */
	public List<Listing> open() {
		return this.marketRepository.listings("l.state = 'OPEN'", Map.of()).reversed();
	}

	/** The organisation's listings, open and closed. */
	public List<Listing> own(StratlasPrincipal user) {
		return this.marketRepository.listings("l.organisation_id = :org", Map.of("org", user.organisationId()));
	}

	/** A dataset's listings. */
	public List<Listing> ofDataset(long datasetId) {
		return this.marketRepository.listings("l.dataset_id = :dataset", Map.of("dataset", datasetId));
	}

	/** The listing, as anyone on the exchange sees it. */
	public Listing listing(long id) {
		return this.marketRepository.listing(id).orElseThrow(() -> new NotFoundException(TYPE, id));
	}

	/** The listing's licence as its ODRL 2.2 policy (JSON-LD). */
	public String policy(long id) {
		return policy(listing(id));
	}

	private String policy(Listing listing) {
		return this.json.writerWithDefaultPrettyPrinter()
			.writeValueAsString(OdrlPolicy.of(listing, this.organisations.get(listing.organisationId()).code()));
	}

	/**
	 * Lists the newest file of one of the organisation's datasets. The organisation must
	 * own the data now (the rights register says so) and its steward have accepted the
	 * rulebook.
	 */
	@Transactional
	public Listing list(StratlasPrincipal user, long datasetId, ListingDraft draft) {
		return list(user, datasetId, draft, null);
	}

	/** Lists a dataset; a demo listing carries a note that says it is invented. */
	@Transactional
	public Listing list(StratlasPrincipal user, long datasetId, ListingDraft draft, String demoNote) {
		this.rulebook.require(user);
		Dataset dataset = this.datasets.own(user, datasetId);
		Dataset.FileVersion file = dataset.latestFile();
		if (file == null) {
			throw new ValidationException("file", "exchange.listing.noFile");
		}
		Right owner = this.rights.owner(datasetId, Right.Subject.DATA, now());
		if (owner.holderOrganisationId() == null || owner.holderOrganisationId() != user.organisationId()) {
			throw new ValidationException("rights", "exchange.rights.notOwner");
		}
		ListingDraft d = draft.checked(now());
		long id = this.marketRepository.insertListing(user.organisationId(),
				new MarketRepository.ListingRow(datasetId, file.id(), d.auction(), d.reservePrice(), d.minIncrement(),
						d.purposes(), d.licenceDays(), d.onwardSale(), d.delivery(), d.specificTerms(), d.closesAt(),
						d.extensionMinutes(), d.volume()),
				demoNote, user.username());
		this.audit.record(user.organisationId(), user.username(), TYPE, id, "CREATED", dataset.title(), Map.of());
		return listing(id);
	}

	/**
	 * The seller withdraws an open listing that has no bid yet (a wrong price or deadline
	 * is corrected by withdrawing and listing again); once bidders have relied on it, it
	 * runs to its deadline.
	 */
	@Transactional
	public Listing withdraw(StratlasPrincipal user, long listingId) {
		Listing listing = this.marketRepository.lockListing(listingId)
			.filter(l -> l.organisationId() == user.organisationId())
			.orElseThrow(() -> new NotFoundException(TYPE, listingId));
		if (!listing.open()) {
			throw new ValidationException("listing", "exchange.bid.closed");
		}
		if (!this.marketRepository.bids(listingId).isEmpty()) {
			throw new ValidationException("listing", "exchange.listing.hasBids");
		}
		this.marketRepository.close(listingId, Listing.State.WITHDRAWN, null, null);
		this.audit.record(user.organisationId(), user.username(), TYPE, listingId, "LISTING_WITHDRAWN",
				listing.datasetTitle(), Map.of());
		return listing(listingId);
	}

	/** What a bidder states: the amount and the purpose the data is for. */
	public record BidDraft(BigDecimal amount, Purpose purpose) {
	}

	/**
	 * Places a bid. Refused, with the field that is wrong, when the listing has closed,
	 * the bidder's organisation is the seller, the purpose is not one the policy permits,
	 * or the amount is under the reserve price (sealed) or does not beat the highest bid
	 * by the increment (open). In an open auction a bid within the extension of the
	 * deadline moves the deadline to that long after the bid.
	 */
	@Transactional
	public Bid bid(StratlasPrincipal user, long listingId, BidDraft draft) {
		this.rulebook.require(user);
		Listing listing = this.marketRepository.lockListing(listingId)
			.orElseThrow(() -> new NotFoundException(TYPE, listingId));
		Instant now = now();
		if (!listing.open() || !now.isBefore(listing.closesAt())) {
			throw new ValidationException("amount", "exchange.bid.closed");
		}
		if (listing.organisationId() == user.organisationId()) {
			throw new ValidationException("amount", "exchange.bid.own");
		}
		if (draft.purpose() == null || !listing.purposes().contains(draft.purpose())) {
			throw new ValidationException("purpose", "exchange.bid.purpose");
		}
		BigDecimal amount = draft.amount();
		if (!ListingDraft.price(amount, false)) {
			throw new ValidationException("amount", "exchange.listing.price");
		}
		List<Bid> bids = this.marketRepository.bids(listingId);
		BigDecimal least = least(listing, bids);
		if (amount.compareTo(least) < 0) {
			throw new ValidationException("amount", "exchange.bid.tooLow", ContractDocument.money(least));
		}
		// In a sealed auction the organisation's latest bid counts; it may be raised,
		// never
		// lowered (a second tab or a colleague cannot undo a higher bid by mistake).
		Optional<Bid> ownLatest = bids.stream()
			.filter(b -> b.organisationId() == user.organisationId())
			.max(Comparator.comparing(Bid::id));
		if (listing.auction() == Listing.Auction.SEALED_SECOND_PRICE && ownLatest.isPresent()
				&& amount.compareTo(ownLatest.get().amount()) <= 0) {
			throw new ValidationException("amount", "exchange.bid.belowOwn",
					ContractDocument.money(ownLatest.get().amount()));
		}
		long id = this.marketRepository.insertBid(listingId, user.organisationId(), user.username(), draft.purpose(),
				amount);
		Duration extension = Duration.ofMinutes(listing.extensionMinutes());
		if (listing.auction() == Listing.Auction.OPEN_ASCENDING && !extension.isZero()
				&& listing.closesAt().isBefore(now.plus(extension))) {
			this.marketRepository.extend(listingId, now.plus(extension));
		}
		this.audit.record(listing.organisationId(), user.username(), TYPE, listingId, "BID", listing.datasetTitle(),
				Map.of());
		return this.marketRepository.bids(listingId).stream().filter(b -> b.id() == id).findFirst().orElseThrow();
	}

	/**
	 * The least a new bid may be: the reserve, or in the open auction the highest plus
	 * the increment.
	 */
	private static BigDecimal least(Listing listing, List<Bid> bids) {
		if (listing.auction() == Listing.Auction.SEALED_SECOND_PRICE) {
			return listing.reservePrice().max(new BigDecimal("0.01"));
		}
		return bids.stream()
			.findFirst()
			.map(high -> high.amount().add(listing.minIncrement()))
			.orElse(listing.reservePrice().max(new BigDecimal("0.01")));
	}

	/**
	 * The bids that count, best first: in a sealed auction each organisation's latest, in
	 * an open one all; at the same amount the one received first comes first.
	 */
	static List<Bid> standing(Listing listing, List<Bid> bids) {
		if (listing.auction() == Listing.Auction.OPEN_ASCENDING) {
			return bids;
		}
		Map<Long, Bid> latest = new LinkedHashMap<>();
		for (Bid bid : bids) {
			latest.merge(bid.organisationId(), bid, (a, b) -> a.id() > b.id() ? a : b);
		}
		List<Bid> counted = new ArrayList<>(latest.values());
		counted.sort(Comparator.comparing(Bid::amount).reversed().thenComparing(Bid::id));
		return counted;
	}

	/** What the winner pays: the second price (at least the reserve) or the own bid. */
	static BigDecimal price(Listing listing, List<Bid> standing) {
		if (listing.auction() == Listing.Auction.OPEN_ASCENDING) {
			return standing.getFirst().amount();
		}
		return standing.size() > 1 ? standing.get(1).amount().max(listing.reservePrice()) : listing.reservePrice();
	}

	/**
	 * Closes the listing if its deadline has passed: sold to the best standing bid, or
	 * unsold without one. Returns the deal, if one was made now.
	 */
	@Transactional
	public Optional<Deal> close(long listingId) {
		Listing listing = this.marketRepository.lockListing(listingId)
			.orElseThrow(() -> new NotFoundException(TYPE, listingId));
		Instant now = now();
		if (!listing.open() || now.isBefore(listing.closesAt())) {
			return Optional.empty();
		}
		List<Bid> standing = standing(listing, this.marketRepository.bids(listingId));
		if (standing.isEmpty()) {
			this.marketRepository.close(listingId, Listing.State.UNSOLD, null, null);
			this.audit.record(listing.organisationId(), "databörsen", TYPE, listingId, "CLOSED", listing.datasetTitle(),
					Map.of());
			return Optional.empty();
		}
		Bid winner = standing.getFirst();
		BigDecimal price = price(listing, standing);
		this.marketRepository.close(listingId, Listing.State.SOLD, winner.id(), price);
		Dataset dataset = this.datasetRepository.dataset(listing.datasetId()).orElseThrow();
		Dataset.FileVersion file = dataset.files()
			.stream()
			.filter(f -> f.id() == listing.fileId())
			.findFirst()
			.orElseThrow();
		Instant until = now.plus(Duration.ofDays(listing.licenceDays()));
		Rulebook.Terms terms = this.rulebook.current();
		// The deal first, so that the contract carries the deal's own number.
		long dealId = this.marketRepository
			.insertDeal(new MarketRepository.DealRow(listingId, winner.id(), listing.organisationId(),
					winner.organisationId(), winner.username(), price, winner.purpose(), now, until, new byte[0], ""));
		byte[] contract = ContractDocument.pdf(new ContractDocument.Terms(dealId, listing, dataset, file, winner, price,
				winner.bidder(), now, until, terms.version(), terms.title(), policy(listing)));
		this.marketRepository.storeContract(dealId, contract, DatasetFiles.sha256(contract));
		this.donors.snapshot(dealId, listing.datasetId(), winner.purpose(), now);
		Right owner = this.rights.owner(listing.datasetId(), Right.Subject.DATA, now);
		this.datasetRepository.insertRight(new Right(0, listing.datasetId(), Right.Subject.DATA, Right.Kind.USE,
				Right.Basis.LICENSED, winner.bidder(), winner.organisationId(), owner.id(), dealId, "Avtal " + dealId,
				now, until, now, "databörsen"));
		this.audit.record(listing.organisationId(), "databörsen", TYPE, listingId, "CLOSED",
				listing.datasetTitle() + ": " + winner.bidder() + ", " + ContractDocument.money(price) + " kr",
				Map.of());
		return this.marketRepository.deal(dealId);
	}

	/**
	 * Closes an invented demo listing now that its bids are in: the demo's sealed auction
	 * ends when the demo is loaded instead of at a deadline the loading would wait for.
	 * Refused for a listing without a demo note.
	 */
	@Transactional
	public Optional<Deal> closeDemo(long listingId) {
		Listing listing = this.marketRepository.lockListing(listingId)
			.orElseThrow(() -> new NotFoundException(TYPE, listingId));
		if (listing.demoNote() == null || listing.demoNote().isBlank()) {
			throw new IllegalStateException("Only a demo listing closes before its deadline: " + listingId);
		}
		if (listing.open()) {
			this.marketRepository.extend(listingId, now());
		}
		return close(listingId);
	}

	/** The listings whose deadline has passed and that are still open. */
	public List<Long> due() {
		return this.marketRepository.due(now());
	}

	/**
	 * The listing as the user sees it: the bids they may see (a sealed auction's only to
	 * their own organisation until it closes, then to the seller too), the highest bid
	 * and least next bid of an open auction, and whether they may bid.
	 */
	public ListingView view(StratlasPrincipal user, long id) {
		Listing listing = listing(id);
		Dataset dataset = this.datasetRepository.dataset(listing.datasetId()).orElseThrow();
		List<Bid> bids = this.marketRepository.bids(id);
		boolean seller = listing.organisationId() == user.organisationId();
		boolean sealed = listing.auction() == Listing.Auction.SEALED_SECOND_PRICE;
		boolean sellerAfterClose = seller && !listing.open();
		// Other bidders are numbers, never names or people, and a sealed bid is seen only
		// by
		// its own organisation (and by the seller once the auction is closed); numbers
		// are
		// given among what the user sees, so a sealed bidder cannot count the others.
		List<Bid> seen = bids.stream()
			.filter(b -> !sealed || b.organisationId() == user.organisationId() || sellerAfterClose)
			.toList();
		Map<Long, Integer> numbers = new LinkedHashMap<>();
		seen.stream()
			.sorted(Comparator.comparing(Bid::id))
			.forEach(b -> numbers.putIfAbsent(b.organisationId(), numbers.size() + 1));
		List<Bid> visible = new ArrayList<>();
		Map<Long, Integer> bidderNumbers = new LinkedHashMap<>();
		for (Bid bid : seen) {
			int number = numbers.get(bid.organisationId());
			Bid shown = bid.organisationId() == user.organisationId() || sellerAfterClose ? bid
					: anonymous(bid, number);
			visible.add(shown);
			bidderNumbers.putIfAbsent(shown.organisationId(), number);
		}
		Bid won = listing.winningBidId() == null ? null
				: bids.stream().filter(b -> b.id() == listing.winningBidId()).findFirst().orElse(null);
		// The winner is named (the contract names the parties), but not the person who
		// bid,
		// and a sealed winning bid shows only the price paid.
		Bid winner = won == null || seller || won.organisationId() == user.organisationId() ? won
				: new Bid(won.id(), won.listingId(), won.organisationId(), won.bidder(), "", won.purpose(),
						listing.price(), won.placedAt());
		boolean mayBid = listing.open() && !seller && user.can(Role.STRATEGIST);
		boolean mayWithdraw = listing.open() && seller && bids.isEmpty() && user.can(Role.STRATEGIST);
		return new ListingView(listing, dataset, this.datasets.sample(dataset), visible, bids.size(),
				sealed || bids.isEmpty() ? null : bids.getFirst().amount(),
				listing.open() ? least(listing, bids) : null, bidderNumbers, winner, seller, mayBid, mayWithdraw,
				this.rulebook.standing(user).accepted(), policy(listing));
	}

	/** Another organisation's bid as a bidder sees it: a number instead of who. */
	private static Bid anonymous(Bid bid, int number) {
		return new Bid(bid.id(), bid.listingId(), -number, "", "", bid.purpose(), bid.amount(), bid.placedAt());
	}

}
