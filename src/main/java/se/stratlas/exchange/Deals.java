package se.stratlas.exchange;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.internal.DatasetFiles;
import se.stratlas.exchange.internal.DatasetRepository;
import se.stratlas.exchange.internal.DeliveryRepository;
import se.stratlas.exchange.internal.LedgerRepository;
import se.stratlas.exchange.internal.MarketRepository;
import se.stratlas.exchange.internal.SignedLinks;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

/**
 * Deals after the close: payment into the exchange's escrow account, the buyer's
 * validation of the delivery (the file's checksum and schema) and the seller's of the
 * payment, settlement when both have validated (or a refund when the buyer finds the
 * delivery wrong), delivery through time-limited signed links while the licence holds,
 * every access logged with its checksum, and the buyer's attestation that copies are
 * deleted. Every movement of money is a balanced double-entry transaction.
 */
@Service
public class Deals {

	static final String TYPE = "exchange_deal";

	/** The exchange's account that holds payments until a deal is settled. */
	public static final String ESCROW = "escrow";

	private final DatasetRepository datasetRepository;

	private final MarketRepository marketRepository;

	private final LedgerRepository ledgerRepository;

	private final SignedLinks links;

	private final AuditTrail audit;

	private final Clock clock;

	private final DataDonors donors;

	private final SharedValue sharedValue;

	private final DeliveryRepository delivery;

	Deals(DatasetRepository datasetRepository, MarketRepository marketRepository, LedgerRepository ledgerRepository,
			SignedLinks links, AuditTrail audit, Optional<Clock> clock, DataDonors donors, SharedValue sharedValue,
			DeliveryRepository delivery) {
		this.datasetRepository = datasetRepository;
		this.marketRepository = marketRepository;
		this.ledgerRepository = ledgerRepository;
		this.delivery = delivery;
		this.links = links;
		this.audit = audit;
		this.donors = donors;
		this.sharedValue = sharedValue;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * The deals the organisation sold or bought; all of them for the platform's
	 * administrator.
	 */
	public List<Deal> deals(StratlasPrincipal user) {
		return this.marketRepository.deals(user.can(Role.PLATFORM_ADMINISTRATOR) ? null : user.organisationId());
	}

	/**
	 * A deal of the user's organisation (as seller or buyer), or any for the platform's
	 * administrator.
	 */
	public Deal deal(StratlasPrincipal user, long id) {
		return this.marketRepository.deal(id)
			.filter(d -> d.sellerOrganisationId() == user.organisationId()
					|| d.buyerOrganisationId() == user.organisationId() || user.can(Role.PLATFORM_ADMINISTRATOR))
			.orElseThrow(() -> new NotFoundException(TYPE, id));
	}

	/** The deal with its ledger, access log and what the user may do next. */
	public DealView view(StratlasPrincipal user, long id) {
		Deal deal = deal(user, id);
		boolean buyer = deal.buyerOrganisationId() == user.organisationId() && user.can(Role.STRATEGIST);
		boolean seller = deal.sellerOrganisationId() == user.organisationId() && user.can(Role.STRATEGIST);
		boolean paid = deal.state() == Deal.State.PAID;
		boolean licensed = deal.licensedAt(now());
		Listing listing = this.marketRepository.listing(deal.listingId()).orElseThrow();
		boolean api = listing.delivery() == Listing.Delivery.API;
		boolean mayDownload = !api && buyer && licensed && (paid || deal.state() == Deal.State.SETTLED);
		DealView.ApiDelivery apiView = !api ? null : new DealView.ApiDelivery(listing.volume(),
				this.delivery.key(id).map(DeliveryRepository.KeyRow::prefix).orElse(null), buyer && deliverable(deal));
		return new DealView(deal, this.ledgerRepository.ledger(id), this.ledgerRepository.accesses(id),
				buyer && deal.state() == Deal.State.AWAITING_PAYMENT, buyer && paid && deal.buyerValidatedAt() == null,
				seller && paid && deal.sellerValidatedAt() == null,
				mayDownload ? this.links.sign(id, user.username()) : null,
				buyer && deal.deletionAttestedAt() == null && deal.state() != Deal.State.AWAITING_PAYMENT,
				accountNames(deal), licensed ? this.donors.withdrawnSince(deal) : List.of(), apiView);
	}

	private static Map<String, String> accountNames(Deal deal) {
		return Map.of(ESCROW, "", "buyer:" + deal.buyerOrganisationId(), deal.buyer(),
				"seller:" + deal.sellerOrganisationId(), deal.seller(), Distribution.EXCHANGE, "",
				Distribution.fundAccount(deal.datasetId()), deal.datasetTitle());
	}

	/** The contract as signed at the close. */
	public byte[] contract(StratlasPrincipal user, long id) {
		deal(user, id);
		return this.marketRepository.contract(id);
	}

	/** The buyer pays: the price moves from the buyer's account into escrow. */
	@Transactional
	public Deal pay(StratlasPrincipal user, long id) {
		Deal deal = buyers(user, id, Deal.State.AWAITING_PAYMENT);
		post(deal, List.of(entry(ESCROW, deal.price(), "Betalning hålls av databörsen"),
				entry("buyer:" + deal.buyerOrganisationId(), deal.price().negate(), "Betalning")));
		this.marketRepository.step(id, "paid", user.username(), Deal.State.PAID);
		this.audit.record(deal.sellerOrganisationId(), user.username(), TYPE, id, "PAID", deal.datasetTitle(),
				Map.of());
		return this.marketRepository.deal(id).orElseThrow();
	}

	/**
	 * The buyer validates the delivery: the stored file still has the checksum the
	 * contract names and matches the schema. A file that does not is refused, and the
	 * buyer can ask for a refund.
	 */
	@Transactional
	public Deal validateDelivery(StratlasPrincipal user, long id) {
		Deal deal = buyers(user, id, Deal.State.PAID);
		Listing listing = this.marketRepository.listing(deal.listingId()).orElseThrow();
		Dataset dataset = this.datasetRepository.dataset(listing.datasetId()).orElseThrow();
		Dataset.FileVersion file = dataset.files()
			.stream()
			.filter(f -> f.id() == listing.fileId())
			.findFirst()
			.orElseThrow();
		byte[] content = this.datasetRepository.fileContent(file.id());
		if (!DatasetFiles.sha256(content).equals(file.sha256())) {
			throw new ValidationException("delivery", "exchange.deal.checksum");
		}
		DatasetFiles.check(file.filename(), content, dataset.fields());
		this.marketRepository.step(id, "buyer_validated", user.username(), Deal.State.PAID);
		this.audit.record(deal.sellerOrganisationId(), user.username(), TYPE, id, "VALIDATED",
				deal.datasetTitle() + ": leveransen stämmer (SHA-256 " + file.sha256() + ")", Map.of());
		return settleIfDone(id);
	}

	/** The seller validates that the payment has arrived in escrow. */
	@Transactional
	public Deal validatePayment(StratlasPrincipal user, long id) {
		Deal deal = this.marketRepository.lockDeal(id)
			.filter(d -> d.sellerOrganisationId() == user.organisationId())
			.orElseThrow(() -> new NotFoundException(TYPE, id));
		if (deal.state() != Deal.State.PAID) {
			throw new ValidationException("state", "exchange.deal.state");
		}
		this.marketRepository.step(id, "seller_validated", user.username(), Deal.State.PAID);
		this.audit.record(deal.sellerOrganisationId(), user.username(), TYPE, id, "VALIDATED",
				deal.datasetTitle() + ": betalningen har kommit in", Map.of());
		return settleIfDone(id);
	}

	/**
	 * Once both sides have validated, the payment leaves escrow by the dataset's
	 * distribution rule (all to the seller without one), in one balanced transaction.
	 */
	private Deal settleIfDone(long id) {
		Deal deal = this.marketRepository.lockDeal(id).orElseThrow();
		if (deal.buyerValidatedAt() != null && deal.sellerValidatedAt() != null && deal.state() == Deal.State.PAID) {
			List<Deal.Entry> entries = new ArrayList<>();
			entries.add(entry(ESCROW, deal.price().negate(), "Affären reglerad"));
			this.sharedValue.payOut(deal).forEach(s -> entries.add(entry(s.account(), s.amount(), memo(s.account()))));
			post(deal, entries);
			this.marketRepository.step(id, "settled", "databörsen", Deal.State.SETTLED);
			this.audit.record(deal.sellerOrganisationId(), "databörsen", TYPE, id, "SETTLED", deal.datasetTitle(),
					Map.of());
		}
		return this.marketRepository.deal(id).orElseThrow();
	}

	private static String memo(String account) {
		return account.startsWith("seller:") ? "Betalning för data"
				: account.startsWith("buyer:") ? "Bonus åter: utfallet uppnåddes inte"
						: account.equals(Distribution.EXCHANGE) ? "Databörsens andel"
								: account.startsWith("fund:") ? "Till donatorernas fond" : "Till donatorn";
	}

	/**
	 * The buyer finds the delivery wrong before settlement (before confirming it, and
	 * with any downloaded copy attested deleted): the payment goes back, the licence and
	 * the right of use end.
	 */
	@Transactional
	public Deal refund(StratlasPrincipal user, long id) {
		Deal deal = buyers(user, id, Deal.State.PAID);
		// A refund is for a delivery found wrong: not after the buyer confirmed it, and
		// not
		// while a downloaded copy may still be kept.
		if (deal.buyerValidatedAt() != null) {
			throw new ValidationException("deal", "exchange.refund.validated");
		}
		if (this.ledgerRepository.delivered(id) && deal.deletionAttestedAt() == null) {
			throw new ValidationException("deal", "exchange.refund.deleteFirst");
		}
		post(deal, List.of(entry(ESCROW, deal.price().negate(), "Återbetalning"),
				entry("buyer:" + deal.buyerOrganisationId(), deal.price(), "Återbetalning")));
		this.marketRepository.step(id, "settled", user.username(), Deal.State.REFUNDED);
		this.marketRepository.endLicence(id);
		this.datasetRepository.endRightsOfDeal(id, Instant.now(this.clock));
		this.audit.record(deal.sellerOrganisationId(), user.username(), TYPE, id, "REFUNDED", deal.datasetTitle(),
				Map.of());
		return this.marketRepository.deal(id).orElseThrow();
	}

	/** The buyer attests that every downloaded copy is deleted. */
	@Transactional
	public Deal attestDeletion(StratlasPrincipal user, long id) {
		Deal deal = this.marketRepository.lockDeal(id)
			.filter(d -> d.buyerOrganisationId() == user.organisationId())
			.orElseThrow(() -> new NotFoundException(TYPE, id));
		this.marketRepository.step(id, "deletion_attested", user.username(), deal.state());
		this.audit.record(deal.sellerOrganisationId(), user.username(), TYPE, id, "ATTESTED", deal.datasetTitle(),
				Map.of());
		return this.marketRepository.deal(id).orElseThrow();
	}

	/**
	 * A time-limited signed link to the delivery, for the buyer while the licence holds.
	 */
	public DownloadLink link(StratlasPrincipal user, long id) {
		Deal deal = deal(user, id);
		// The buyer's strategists and administrators fetch what was bought, not every
		// reader.
		if (deal.buyerOrganisationId() != user.organisationId() || !user.can(Role.STRATEGIST) || !deliverable(deal)
				|| apiOnly(deal)) {
			throw new AccessDeniedException("no delivery");
		}
		return this.links.sign(id, user.username());
	}

	/** A delivered file: its name, type and content. */
	public record Delivery(String filename, String mediaType, byte[] content) {
	}

	/**
	 * The delivery, through a signed link: refused (and the refusal logged with its
	 * reason: NOT_BUYER, LINK_INVALID, LICENCE_ENDED, NOT_PAID, API_ONLY) when the link
	 * is not the user's, has expired, or the licence has ended; granted accesses are
	 * logged with the checksum of what left.
	 */
	public Delivery download(StratlasPrincipal user, long id, long expires, String signature) {
		Deal deal = deal(user, id);
		String refusal = deal.buyerOrganisationId() != user.organisationId() ? "NOT_BUYER"
				: !this.links.valid(id, user.username(), expires, signature) ? "LINK_INVALID" : !deal.licensedAt(now())
						? "LICENCE_ENDED" : !deliverable(deal) ? "NOT_PAID" : apiOnly(deal) ? "API_ONLY" : null;
		if (refusal != null) {
			this.ledgerRepository.logAccess(id, user.username(), "DOWNLOAD", false, refusal, null, null);
			throw new AccessDeniedException(refusal);
		}
		Listing listing = this.marketRepository.listing(deal.listingId()).orElseThrow();
		Dataset.FileVersion file = this.datasetRepository.files(listing.datasetId())
			.stream()
			.filter(f -> f.id() == listing.fileId())
			.findFirst()
			.orElseThrow();
		Delivery delivery = this.donors.delivery(deal,
				this.datasetRepository.dataset(listing.datasetId()).orElseThrow(), file,
				this.datasetRepository.fileContent(file.id()));
		this.ledgerRepository.logAccess(id, user.username(), "DOWNLOAD", true, "",
				DatasetFiles.sha256(delivery.content()), (long) delivery.content().length);
		return delivery;
	}

	private boolean deliverable(Deal deal) {
		return deliverable(deal, now());
	}

	/** Whether the policy says the data is delivered only through the data API. */
	private boolean apiOnly(Deal deal) {
		return this.marketRepository.listing(deal.listingId()).orElseThrow().delivery() == Listing.Delivery.API;
	}

	/** Whether the deal is paid (or settled) and its licence holds at the instant. */
	static boolean deliverable(Deal deal, Instant now) {
		return (deal.state() == Deal.State.PAID || deal.state() == Deal.State.SETTLED) && deal.licensedAt(now);
	}

	/**
	 * The ledger's transactions that do not sum to zero (none, unless something is
	 * wrong), for the administrator's oversight and the tests.
	 */
	public List<String> unbalanced() {
		return this.ledgerRepository.ledger(null)
			.stream()
			.collect(Collectors.groupingBy(Deal.Entry::transactionId,
					Collectors.reducing(BigDecimal.ZERO, Deal.Entry::amount, BigDecimal::add)))
			.entrySet()
			.stream()
			.filter(e -> e.getValue().signum() != 0)
			.map(Map.Entry::getKey)
			.toList();
	}

	private Deal buyers(StratlasPrincipal user, long id, Deal.State state) {
		Deal deal = this.marketRepository.lockDeal(id)
			.filter(d -> d.buyerOrganisationId() == user.organisationId())
			.orElseThrow(() -> new NotFoundException(TYPE, id));
		if (deal.state() != state) {
			throw new ValidationException("state", "exchange.deal.state");
		}
		return deal;
	}

	private void post(Deal deal, List<Deal.Entry> entries) {
		BigDecimal sum = entries.stream().map(Deal.Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (sum.signum() != 0) {
			throw new IllegalStateException("An unbalanced transaction: " + entries);
		}
		this.ledgerRepository.post(deal.id(), UUID.randomUUID().toString(), entries);
	}

	private Deal.Entry entry(String account, BigDecimal amount, String memo) {
		return new Deal.Entry(0, "", account, amount, memo, now());
	}

	private Instant now() {
		return this.clock.instant();
	}

}
