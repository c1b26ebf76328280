package se.stratlas.exchange;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.ApiTokens;
import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.accounts.UserAdministration;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportRefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The data exchange end to end on the real database and over HTTP: fifty bidders from
 * fifty organisations bid at once on one listing of each auction kind, with personal API
 * tokens; no bid is lost, the listing closes by itself at its deadline, and the right
 * winner pays the right price. Then the deal: payment held in escrow, both sides
 * validate, settlement, a balanced ledger, delivery through a signed link, refused after
 * the licence ends, and the contract as a tagged PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "stratlas.exchange.close-every=1s")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeIT {

	private static final int BIDDERS = 50;

	private static final String CSV = """
			station;tidpunkt;flode_l_s;larm
			PS-01;2026-11-01T00:00:00Z;12,5;false
			PS-02;2026-11-01T00:00:00Z;8,1;true
			""";

	@LocalServerPort
	int port;

	@Autowired
	Datasets datasets;

	@Autowired
	RightsRegister rights;

	@Autowired
	Auctions auctions;

	@Autowired
	Deals deals;

	@Autowired
	Rulebook rulebook;

	@Autowired
	Organisations organisations;

	@Autowired
	UserAdministration administration;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private StratlasPrincipal seller;

	/** The bidders' principals and API tokens, one organisation each. */
	private final List<StratlasPrincipal> bidders = new ArrayList<>();

	private final List<String> bidderTokens = new ArrayList<>();

	@BeforeAll
	void participants() {
		this.seller = principal("sara.strateg");
		this.rulebook.accept(this.seller);
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < BIDDERS; i++) {
			Organisation org = this.organisations.ensure("bidder-" + run + "-" + i, "Budgivare " + i + " AB");
			String username = "bidder." + run + "." + i;
			this.administration.create(org.id(), new UserAccounts.NewUser(username, "Budgivare " + i, null,
					EnumSet.of(Role.STRATEGIST), "bidders-password-" + run), null, "test");
			StratlasPrincipal bidder = principal(username);
			this.rulebook.accept(bidder);
			this.bidders.add(bidder);
			this.bidderTokens.add(this.tokens
				.create(bidder, "exchange", List.of(ApiTokens.Area.EXCHANGE.read(), ApiTokens.Area.EXCHANGE.write()), 1)
				.secret());
		}
	}

	private StratlasPrincipal principal(String username) {
		return (StratlasPrincipal) this.users.loadUserByUsername(username);
	}

	private Dataset dataset(String title) {
		Dataset dataset = this.datasets.create(this.seller,
				new DatasetDraft(title, "Flöde och larm per pumpstation, varje kvart.", "ENVI", "va, sensor", "CONT",
						Dataset.Provenance.DEVICE, "SCADA i kommunernas pumpstationer", "Kommunen", null, null, null,
						"Saknade värden är tomma.", false, null),
				Right.Basis.CREATED);
		this.datasets.schema(this.seller, dataset.id(),
				Datasets.parseSchema("station; text\ntidpunkt; timestamp\nflode_l_s; decimal; l/s\nlarm; boolean"));
		this.datasets.upload(this.seller, dataset.id(), "pumpar.csv", CSV.getBytes(StandardCharsets.UTF_8));
		return this.datasets.own(this.seller, dataset.id());
	}

	private Listing listing(Dataset dataset, Listing.Auction auction, Instant closesAt, int extension) {
		return this.auctions.list(this.seller, dataset.id(),
				new ListingDraft(auction, new BigDecimal("1000"), new BigDecimal("10"),
						List.of(Purpose.RESEARCH, Purpose.PUBLIC_SERVICE), 365, false, Listing.Delivery.FILE, null,
						closesAt, extension));
	}

	private HttpResponse<String> bid(int bidder, long listingId, BigDecimal amount, Purpose purpose) {
		try {
			return this.http.send(HttpRequest
				.newBuilder(
						URI.create("http://localhost:" + this.port + "/api/exchange/listings/" + listingId + "/bids"))
				.header("Authorization", "Bearer " + this.bidderTokens.get(bidder))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"amount\": " + amount.toPlainString() + ", \"purpose\": \"" + purpose + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every bidder bids the amount given for it, all released at the same moment. */
	private Map<Integer, HttpResponse<String>> bidAtOnce(long listingId, List<BigDecimal> amounts) throws Exception {
		Map<Integer, HttpResponse<String>> responses = new ConcurrentHashMap<>();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(BIDDERS)) {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < BIDDERS; i++) {
				int bidder = i;
				done.add(pool.submit(() -> {
					start.await();
					responses.put(bidder, bid(bidder, listingId, amounts.get(bidder), Purpose.RESEARCH));
					return null;
				}));
			}
			start.countDown();
			for (Future<?> f : done) {
				f.get();
			}
		}
		return responses;
	}

	/**
	 * Moves the deadline into the past and waits for the exchange to close the listing by
	 * itself.
	 */
	private Listing closedByItself(long listingId) throws InterruptedException {
		this.jdbc.sql("update exchange_listing set closes_at = now() - interval '1 second' where id = :id")
			.param("id", listingId)
			.update();
		Instant giveUp = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(giveUp)) {
			Listing listing = this.auctions.listing(listingId);
			if (!listing.open()) {
				return listing;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The listing did not close by itself");
	}

	private static List<BigDecimal> shuffledAmounts() {
		List<BigDecimal> amounts = new ArrayList<>();
		for (int i = 0; i < BIDDERS; i++) {
			amounts.add(new BigDecimal(2000 + 37 * i));
		}
		Collections.shuffle(amounts);
		return amounts;
	}

	@Test
	void fiftySealedBidsAtOnceLoseNoneAndTheHighestPaysTheSecondPrice() throws Exception {
		Listing listing = listing(dataset("Pumpstationer, sluten"), Listing.Auction.SEALED_SECOND_PRICE,
				Instant.now().plus(Duration.ofHours(1)), 5);
		List<BigDecimal> amounts = shuffledAmounts();

		Map<Integer, HttpResponse<String>> responses = bidAtOnce(listing.id(), amounts);

		assertThat(responses.values()).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
		assertThat(this.jdbc.sql("select count(*) from exchange_bid where listing_id = :id")
			.param("id", listing.id())
			.query(Integer.class)
			.single()).isEqualTo(BIDDERS);
		// A sealed auction shows a bidder only its own bid.
		assertThat(this.auctions.view(this.bidders.get(0), listing.id()).bids()).hasSize(1);

		Listing closed = closedByItself(listing.id());
		int winner = amounts.indexOf(amounts.stream().max(BigDecimal::compareTo).orElseThrow());
		BigDecimal second = amounts.stream().sorted(Collections.reverseOrder()).skip(1).findFirst().orElseThrow();
		assertThat(closed.state()).isEqualTo(Listing.State.SOLD);
		assertThat(closed.price()).isEqualByComparingTo(second);
		Deal deal = this.deals.deals(this.seller)
			.stream()
			.filter(d -> d.listingId() == listing.id())
			.findFirst()
			.orElseThrow();
		assertThat(deal.buyerOrganisationId()).isEqualTo(this.bidders.get(winner).organisationId());
		assertThat(deal.price()).isEqualByComparingTo(second);
		// The buyer's right of use, from the seller's ownership, until the licence ends.
		Right use = this.rights.rights(closed.datasetId())
			.stream()
			.filter(r -> r.kind() == Right.Kind.USE)
			.findFirst()
			.orElseThrow();
		assertThat(use.dealId()).isEqualTo(deal.id());
		assertThat(use.validUntil()).isEqualTo(deal.licenceUntil());
		assertThat(this.rights.chain(closed.datasetId(), use.id())).hasSize(2);
	}

	@Test
	void fiftyOpenBidsAtOnceAreEachTakenOrToldWhyAndTheHighestPaysItsBid() throws Exception {
		// A deadline within the extension: the first accepted bid moves it.
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		Listing listing = listing(dataset("Pumpstationer, öppen"), Listing.Auction.OPEN_ASCENDING, deadline, 10);
		List<BigDecimal> amounts = shuffledAmounts();

		Map<Integer, HttpResponse<String>> responses = bidAtOnce(listing.id(), amounts);

		long accepted = responses.values().stream().filter(r -> r.statusCode() == 201).count();
		assertThat(responses.values()).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(201, 422));
		responses.values()
			.stream()
			.filter(r -> r.statusCode() == 422)
			.forEach(r -> assertThat(r.body()).contains("amount"));
		assertThat(this.jdbc.sql("select count(*) from exchange_bid where listing_id = :id")
			.param("id", listing.id())
			.query(Long.class)
			.single()).isEqualTo(accepted);
		int highest = amounts.indexOf(amounts.stream().max(BigDecimal::compareTo).orElseThrow());
		assertThat(responses.get(highest).statusCode()).isEqualTo(201);
		// Each accepted bid beat the one before it by the increment.
		List<BigDecimal> taken = this.jdbc.sql("select amount from exchange_bid where listing_id = :id order by id")
			.param("id", listing.id())
			.query(BigDecimal.class)
			.list();
		for (int i = 1; i < taken.size(); i++) {
			assertThat(taken.get(i)).isGreaterThanOrEqualTo(taken.get(i - 1).add(BigDecimal.TEN));
		}
		assertThat(this.auctions.listing(listing.id()).closesAt()).isAfter(deadline);

		Listing closed = closedByItself(listing.id());
		assertThat(closed.price()).isEqualByComparingTo(amounts.get(highest));
		assertThat(this.auctions.view(this.seller, listing.id()).winner().organisationId())
			.isEqualTo(this.bidders.get(highest).organisationId());
	}

	@Test
	void aBidForAPurposeThePolicyDoesNotPermitIsRefusedAtTheField() {
		Listing listing = listing(dataset("Pumpstationer, ändamål"), Listing.Auction.SEALED_SECOND_PRICE,
				Instant.now().plus(Duration.ofHours(1)), 0);

		HttpResponse<String> refused = bid(3, listing.id(), new BigDecimal("5000"), Purpose.MARKETING);

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("purpose");
		assertThat(bid(3, listing.id(), new BigDecimal("5000"), Purpose.RESEARCH).statusCode()).isEqualTo(201);
		assertThat(this.auctions.policy(listing.id())).contains("\"isAnyOf\"")
			.contains("\"research\"")
			.contains("\"public-service\"")
			.doesNotContain("marketing")
			.contains("\"P365D\"");
	}

	@Test
	void aDealIsPaidIntoEscrowSettledWhenBothSidesValidateAndDeliveredUntilTheLicenceEnds() throws Exception {
		Listing listing = listing(dataset("Pumpstationer, affär"), Listing.Auction.SEALED_SECOND_PRICE,
				Instant.now().plus(Duration.ofHours(1)), 0);
		StratlasPrincipal buyer = this.bidders.get(7);
		assertThat(bid(7, listing.id(), new BigDecimal("4321.50"), Purpose.PUBLIC_SERVICE).statusCode()).isEqualTo(201);
		closedByItself(listing.id());
		Deal deal = this.deals.deals(buyer)
			.stream()
			.filter(d -> d.listingId() == listing.id())
			.findFirst()
			.orElseThrow();
		// The only bid pays the reserve price.
		assertThat(deal.price()).isEqualByComparingTo("1000");

		try (PDDocument pdf = Loader.loadPDF(this.deals.contract(buyer, deal.id()))) {
			assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).as("a tagged PDF").isNotNull();
			assertThat(new PDFTextStripper().getText(pdf).replace('\u00a0', ' ')).contains("Region Västerbotten")
				.contains("Budgivare 7 AB")
				.contains("1 000,00 kronor")
				.contains("offentlig service")
				.contains(this.datasets.own(this.seller, listing.datasetId()).latestFile().sha256());
		}

		assertThatThrownBy(() -> this.deals.validatePayment(this.seller, deal.id()))
			.isInstanceOf(ValidationException.class);
		this.deals.pay(buyer, deal.id());
		DownloadLink link = this.deals.link(buyer, deal.id());
		Deals.Delivery delivery = this.deals.download(buyer, deal.id(), link.expires(), link.signature());
		assertThat(new String(delivery.content(), StandardCharsets.UTF_8)).isEqualTo(CSV);
		this.deals.validateDelivery(buyer, deal.id());
		Deal settled = this.deals.validatePayment(this.seller, deal.id());
		assertThat(settled.state()).isEqualTo(Deal.State.SETTLED);

		List<Deal.Entry> ledger = this.deals.view(buyer, deal.id()).ledger();
		assertThat(ledger).hasSize(4);
		assertThat(sum(ledger, Deals.ESCROW)).isZero();
		assertThat(sum(ledger, "seller:" + this.seller.organisationId())).isEqualByComparingTo("1000");
		assertThat(sum(ledger, "buyer:" + buyer.organisationId())).isEqualByComparingTo("-1000");
		assertThat(this.deals.unbalanced()).isEmpty();

		// Someone else's link is refused, and so is any link once the licence has ended.
		assertThatThrownBy(() -> this.deals.download(buyer, deal.id(), link.expires(), "0".repeat(64)))
			.isInstanceOf(AccessDeniedException.class);
		this.jdbc.sql("update exchange_deal set licence_until = now() - interval '1 second' where id = :id")
			.param("id", deal.id())
			.update();
		assertThatThrownBy(() -> this.deals.download(buyer, deal.id(), link.expires(), link.signature()))
			.isInstanceOf(AccessDeniedException.class)
			.hasMessage("LICENCE_ENDED");
		HttpResponse<String> overHttp = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/exchange/deals/" + deal.id()
					+ "/download?expires=" + link.expires() + "&signature=" + link.signature()))
			.header("Authorization", "Bearer " + this.bidderTokens.get(7))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(overHttp.statusCode()).isEqualTo(403);
		List<Deal.Access> accesses = this.deals.view(buyer, deal.id()).accesses();
		assertThat(accesses).extracting(Deal.Access::granted).containsExactly(false, false, false, true);
		assertThat(accesses.getLast().sha256())
			.isEqualTo(this.datasets.own(this.seller, listing.datasetId()).latestFile().sha256());
		assertThat(this.deals.view(buyer, deal.id()).download()).isNull();
	}

	/** The sum of the ledger's entries on the account. */
	static BigDecimal sum(List<Deal.Entry> ledger, String account) {
		return ledger.stream()
			.filter(e -> e.account().equals(account))
			.map(Deal.Entry::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Test
	void personalDataNeedsItsLegalBasisAndAFileMustMatchItsSchema() {
		assertThatThrownBy(() -> this.datasets.create(this.seller,
				new DatasetDraft("Resor med färdtjänst", "Resor per person.", "TRAN", null, "MONTHLY",
						Dataset.Provenance.SYSTEM, "Beställningscentralen", null, Dataset.PersonalData.SENSITIVE, null,
						null, null, true, null),
				Right.Basis.CREATED))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations()).extracting(ValidationException.Violation::field)
						.contains("legalBasis", "specialBasis", "openData", "licence"));

		Dataset dataset = this.datasets.create(this.seller,
				new DatasetDraft("Resor med färdtjänst", "Resor per pseudonym.", "TRAN", null, "MONTHLY",
						Dataset.Provenance.SYSTEM, "Beställningscentralen", null, Dataset.PersonalData.PERSONAL,
						DatasetDraft.LegalBasis.PUBLIC_TASK, null, null, false, null),
				Right.Basis.CREATED);
		this.datasets.schema(this.seller, dataset.id(), Datasets.parseSchema("resa; integer\ndatum; date"));
		assertThatThrownBy(() -> this.datasets.upload(this.seller, dataset.id(), "resor.csv",
				"resa;dag\n1;2026-01-01\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(ImportRefusedException.class);
		assertThatThrownBy(() -> this.datasets.upload(this.seller, dataset.id(), "resor.csv",
				"resa;datum\n1;2026-01-01\nett;2026-01-02\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(ImportRefusedException.class,
					ex -> assertThat(ex.problems()).singleElement().satisfies(p -> {
						assertThat(p.row()).isEqualTo(3);
						assertThat(p.column()).isEqualTo("resa");
					}));
		this.datasets.upload(this.seller, dataset.id(), "resor.csv",
				"resa;datum\n1;2026-01-01\n;2026-01-02\n".getBytes(StandardCharsets.UTF_8));
		// No sample of data about people.
		assertThat(this.datasets.sample(this.datasets.own(this.seller, dataset.id()))).isEmpty();
	}

	@Test
	void anOrganisationThatTransferredItsOwnershipCanNoLongerListTheData() {
		Dataset dataset = dataset("Pumpstationer, överlåten");
		this.rights.transfer(this.seller, dataset.id(), new RightsRegister.Transfer(Right.Subject.DATA,
				Right.Kind.OWNERSHIP, Right.Basis.RECEIVED, "Vakin AB", "Överlåten med verksamheten"));

		assertThatThrownBy(
				() -> listing(dataset, Listing.Auction.SEALED_SECOND_PRICE, Instant.now().plus(Duration.ofHours(1)), 0))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().getFirst().field()).isEqualTo("rights"));
		Right owner = this.rights.owner(dataset.id(), Right.Subject.DATA, Instant.now());
		assertThat(owner.holder()).isEqualTo("Vakin AB");
		assertThat(this.rights.chain(dataset.id(), owner.id())).extracting(Right::basis)
			.containsExactly(Right.Basis.CREATED, Right.Basis.RECEIVED);
		// The metadata is still the region's.
		assertThat(this.rights.owner(dataset.id(), Right.Subject.METADATA, Instant.now()).holderOrganisationId())
			.isEqualTo(this.seller.organisationId());
	}

	@Test
	void theSellersOwnOrganisationAndAUserWithoutTheRulebookCannotBid() {
		Listing listing = listing(dataset("Pumpstationer, villkor"), Listing.Auction.SEALED_SECOND_PRICE,
				Instant.now().plus(Duration.ofHours(1)), 0);
		StratlasPrincipal colleague = principal("anna.admin");
		this.rulebook.accept(colleague);
		Organisation newcomer = this.organisations.ensure("newcomer-" + UUID.randomUUID(), "Nykomling AB");
		String username = "newcomer." + newcomer.id();
		this.administration.create(newcomer.id(), new UserAccounts.NewUser(username, "Nykomling", null,
				EnumSet.of(Role.STRATEGIST), "newcomers-password-1"), null, "test");
		Auctions.BidDraft bid = new Auctions.BidDraft(new BigDecimal("5000"), Purpose.RESEARCH);

		assertThatThrownBy(() -> this.auctions.bid(colleague, listing.id(), bid)).isInstanceOfSatisfying(
				ValidationException.class,
				ex -> assertThat(ex.violations().getFirst().messageKey()).isEqualTo("exchange.bid.own"));
		assertThatThrownBy(() -> this.auctions.bid(principal(username), listing.id(), bid)).isInstanceOfSatisfying(
				ValidationException.class, ex -> assertThat(ex.violations().getFirst().field()).isEqualTo("rulebook"));
		assertThat(this.auctions.view(principal("lars.lasare"), listing.id()).mayBid()).isFalse();
		assertThat(this.auctions.view(principal(username), listing.id()).mayBid()).isTrue();
	}

}
